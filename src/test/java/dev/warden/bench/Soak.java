package dev.warden.bench;

import com.sun.net.httpserver.HttpServer;
import dev.warden.core.Warden;
import dev.warden.core.auth.AuthState;
import dev.warden.core.auth.LockoutPolicy;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The soak: mixed valid, invalid, pipelined and CONNECT traffic for a while (default 10 minutes)
 * against an in-process Warden whose enforcement, users, passwords and realms change every second
 * through its own API. Prints progress every 10 s and then: requests sent and answered, wrong
 * decisions (answers no settings version in force at the time explains), client errors, records
 * made against requests sent, and heap and open file descriptors at the start and the end. Exits 1
 * on any wrong decision, client error or record missing.
 *
 * <p>Usage: {@code Soak [DURATION]} (e.g. {@code 30s}, {@code 10m}). Only loopback: origins on
 * 127.0.0.1 and 127.0.0.2, Warden on 127.0.0.1. Lockouts are off: the traffic sends wrong
 * passwords from one address on purpose, and a lockout would make the answers depend on more than
 * the settings.
 */
public final class Soak {

  private static final int CLIENTS = 4;

  private Soak() {}

  public static void main(String[] args) throws Exception {
    Duration duration = parse(args.length > 0 ? args[0] : "10m");
    List<HttpServer> origins = origins();
    int originPort = origins.get(0).getAddress().getPort();
    Settings initial =
        Settings.defaults().withListen(new ListenAddress("127.0.0.1", 0)).withBodyPrefixLimit(0);
    Warden warden = new Warden(
        new InMemorySettingsStore(initial),
        initial,
        new AuthState(LockoutPolicy.OFF, Clock.systemUTC()));
    int exit;
    try {
      if (!warden.start().get(20, TimeUnit.SECONDS).listening()) {
        throw new IllegalStateException(warden.status().message());
      }
      int proxyPort = warden.status().bound().port();
      SoakSettings settings = new SoakSettings(warden, originPort);
      long recordsBefore = warden.traffic().totalRecorded();
      String start = resources();
      System.out.println("soak: " + duration.toSeconds() + " s against Warden on 127.0.0.1:"
          + proxyPort + ", origins on 127.0.0.1/.2:" + originPort + "; at start " + start);

      long deadline = System.nanoTime() + duration.toNanos();
      SoakTraffic.Counts counts = new SoakTraffic.Counts();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int i = 0; i < CLIENTS; i++) {
        clients.execute(new SoakTraffic(
            settings, proxyPort, originPort, deadline, counts, System.nanoTime() + i));
      }
      long next = System.nanoTime();
      long report = next + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        next += TimeUnit.SECONDS.toNanos(1);
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime())));
        settings.change();
        if (System.nanoTime() >= report) {
          report += TimeUnit.SECONDS.toNanos(10);
          System.out.printf(
              Locale.ROOT,
              "  %,d requests, %,d changes, %d wrong, %d errors%n",
              counts.sent.get(),
              settings.changes(),
              counts.wrong.get(),
              counts.errors.get());
        }
      }
      clients.shutdown();
      clients.awaitTermination(60, TimeUnit.SECONDS);

      long records = awaitRecords(warden, recordsBefore, counts.sent.get());
      String end = resources();
      System.out.printf(
          Locale.ROOT,
          "soak: %,d requests sent, %,d answered, %,d settings changes; wrong decisions %d; "
              + "client errors %d; records %,d for %,d requests sent%n",
          counts.sent.get(),
          counts.answered.get(),
          settings.changes(),
          counts.wrong.get(),
          counts.errors.get(),
          records,
          counts.sent.get());
      counts.samples.forEach(s -> System.out.println("  " + s));
      System.out.println("soak: at start " + start + "; at end " + end);
      exit = counts.wrong.get() == 0 && counts.errors.get() == 0 && records == counts.sent.get()
          ? 0
          : 1;
    } finally {
      warden.close();
      origins.forEach(o -> o.stop(0));
    }
    System.exit(exit);
  }

  /** Waits (up to 10 s) until Warden has recorded as many exchanges as were sent; tunnels record on close. */
  private static long awaitRecords(Warden warden, long before, long sent)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long records = warden.traffic().totalRecorded() - before;
    while (records < sent && System.nanoTime() < until) {
      Thread.sleep(50);
      records = warden.traffic().totalRecorded() - before;
    }
    return records;
  }

  /** Heap in use after a full collection, and this process's open file descriptors (Linux). */
  private static String resources() throws InterruptedException {
    System.gc();
    Thread.sleep(200);
    Runtime rt = Runtime.getRuntime();
    long heap = rt.totalMemory() - rt.freeMemory();
    String fds;
    try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
      fds = Long.toString(open.count());
    } catch (IOException notLinux) {
      fds = "?";
    }
    return String.format(Locale.ROOT, "heap %.1f MiB, %s file descriptors", heap / 1048576.0, fds);
  }

  /** One origin on 127.0.0.1 and one on 127.0.0.2, on the same port: "ok" to every request. */
  private static List<HttpServer> origins() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      List<HttpServer> servers = new ArrayList<>();
      try {
        servers.add(origin(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0)));
        int port = servers.get(0).getAddress().getPort();
        servers.add(
            origin(new InetSocketAddress(InetAddress.getByName(SoakSettings.SECOND_HOST), port)));
        return servers;
      } catch (BindException taken) {
        servers.forEach(s -> s.stop(0));
      }
    }
    throw new IOException("no port free on both 127.0.0.1 and 127.0.0.2");
  }

  private static HttpServer origin(InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 256);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "soak-origin");
      t.setDaemon(true);
      return t;
    }));
    byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  /** {@code 30s}, {@code 10m}, {@code 1h}, or plain seconds. */
  static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    char unit = t.charAt(t.length() - 1);
    if (Character.isDigit(unit)) {
      return Duration.ofSeconds(Long.parseLong(t));
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (unit) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("duration: " + text + " (use 30s, 10m, 1h)");
    };
  }
}
