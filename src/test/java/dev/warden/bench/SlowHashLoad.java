package dev.warden.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.warden.core.Warden;
import dev.warden.core.auth.AuthState;
import dev.warden.core.auth.LockoutPolicy;
import dev.warden.core.auth.VerificationPool;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A legitimate client's latency during a flood of slow verifications, through a real Warden (real
 * LittleProxy on 127.0.0.1, raw sockets, a real origin). GUESSERS clients, each from its own loopback
 * address (127.0.1.x), keep sending guesses with random passwords for users whose stored hashes are
 * bcrypt at COST, so GUESSERS verifications are always waiting or running; one more client sends
 * requests whose credentials Warden has already verified (cache hits), one after the other, and its
 * latencies are recorded. Lockouts are off: they would stop the flood, which is what is measured.
 *
 * <p>Usage: {@code SlowHashLoad [seconds=10] [guessers=100] [cost=12]}. Prints the legitimate
 * client's p50/p99/max and the guesses answered. Target (issue 13): p99 under 20 ms; exit 3 if missed.
 */
public final class SlowHashLoad {

  private SlowHashLoad() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int guessers = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int cost = args.length > 2 ? Integer.parseInt(args[2]) : 12;
    String slow = BCrypt.withDefaults().hashToString(cost, "right".toCharArray());
    Settings settings = Settings.defaults()
        .withRealms(List.of(new Realm(
            "Lab",
            List.of(),
            List.of(
                new User("carol", true, slow),
                new User("dave", true, slow),
                Users.user("bob", "b0b")))))
        .withListen(new ListenAddress("127.0.0.1", 0));
    AuthState state = new AuthState(VerificationPool.sized(), LockoutPolicy.OFF, Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(guessers);
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentHashMap<Integer, LongAdder> answered = new ConcurrentHashMap<>();
    try (TestOrigin origin = new TestOrigin();
        Warden warden = new Warden(new InMemorySettingsStore(settings), settings, state)) {
      warden.start().get(20, TimeUnit.SECONDS);
      int port = warden.status().bound().port();
      String bob = request(origin, "/legit", Users.basic("bob", "b0b"));
      try (RawHttpConnection legit = new RawHttpConnection(port)) {
        check(legit.exchange(bob).status());
        for (int i = 0; i < guessers; i++) {
          InetAddress from = InetAddress.getByName("127.0.1." + (i % 250 + 1));
          String user = i % 2 == 0 ? "carol" : "dave";
          pool.execute(() -> guess(port, from, origin, user, running, answered));
        }
        Thread.sleep(500); // every guesser has a verification queued now
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          check(legit.exchange(bob).status());
          latencies.add(System.nanoTime() - start);
        }
        running.set(false);
        latencies.sort(null);
        double p50 = millis(latencies, 0.50);
        double p99 = millis(latencies, 0.99);
        double max = latencies.get(latencies.size() - 1) / 1e6;
        System.out.printf(
            Locale.ROOT,
            "flood:     %d clients guessing bcrypt-%d passwords for %d s; answers %s%n",
            guessers,
            cost,
            seconds,
            answered);
        System.out.printf(
            Locale.ROOT,
            "cached:    %d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 20 ms)%n",
            latencies.size(),
            p50,
            p99,
            max);
        System.out.println(p99 < 20 ? "target met" : "target missed");
        if (p99 >= 20) {
          pool.shutdownNow();
          System.exit(3);
        }
      }
    } finally {
      running.set(false);
      pool.shutdownNow();
    }
  }

  private static void guess(
      int port,
      InetAddress from,
      TestOrigin origin,
      String user,
      AtomicBoolean running,
      ConcurrentHashMap<Integer, LongAdder> answered) {
    while (running.get()) {
      try (RawHttpConnection connection = new RawHttpConnection(port, from)) {
        while (running.get()) {
          int status = connection
              .exchange(
                  request(origin, "/guess", Users.basic(user, UUID.randomUUID().toString())))
              .status();
          answered.computeIfAbsent(status, s -> new LongAdder()).increment();
        }
      } catch (Exception e) {
        // Warden closed the connection (or stopped): open another while the flood lasts
      }
    }
  }

  private static String request(TestOrigin origin, String path, String authorization) {
    return "GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port()
        + "\r\nProxy-Authorization: " + authorization + "\r\n\r\n";
  }

  private static void check(int status) {
    if (status != 200) {
      throw new IllegalStateException("the legitimate client got " + status);
    }
  }

  private static double millis(List<Long> sorted, double quantile) {
    int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
