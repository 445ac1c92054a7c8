package dev.warden.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fuzzing run against a {@link FuzzBed}: {@code cases} mutated requests from one seed, sent on
 * keep-alive connections several at a time (pipelined, each batch in one to three writes) from a
 * few threads, each connection ending with a valid request that closes it. A connection that is
 * neither closed by Warden nor ended by that last answer within {@code bound} of the client's last
 * byte is a hang. Wrong accepts are what the bed's origins count.
 */
final class FuzzRun {

  /** What a run found. */
  record Result(
      long seed,
      int cases,
      int connections,
      long hangs,
      List<String> hangSamples,
      Map<Integer, Long> statuses,
      long wrongAccepts,
      List<String> wrongAcceptSamples,
      long arrivals,
      long tunnelDamage,
      List<String> tunnelDamageSamples,
      Duration elapsed) {

    double casesPerSecond() {
      return cases / Math.max(0.001, elapsed.toNanos() / 1e9);
    }

    String summary() {
      return String.format(
          java.util.Locale.ROOT,
          "fuzz seed=%d: %,d cases on %,d connections in %.1f s (%,.0f cases/s); wrong accepts %d; hangs %d; "
              + "damaged tunnel streams %d; requests reaching origins %,d; answers %,d by status %s",
          seed,
          cases,
          connections,
          elapsed.toNanos() / 1e9,
          casesPerSecond(),
          wrongAccepts,
          hangs,
          tunnelDamage,
          arrivals,
          statuses.values().stream().mapToLong(Long::longValue).sum(),
          statuses);
    }
  }

  /** Longer than Warden's own deadline for a refused body (10 s), the longest wait it may impose. */
  static final Duration BOUND = Duration.ofSeconds(15);

  private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/1\\.[01] (\\d{3})");

  private final FuzzBed bed;
  private final long seed;
  private final int cases;
  private final int parallel;
  private final Duration bound;

  private int allocatedCases;
  private long nextConnection;
  private final AtomicLong hangs = new AtomicLong();
  /** Connections that settled, but only after 2 s: within the bound, yet worth a look. */
  private final AtomicLong slow = new AtomicLong();

  private final ConcurrentLinkedQueue<String> slowSamples = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> hangSamples = new ConcurrentLinkedQueue<>();
  private final Map<Integer, Long> statuses = new TreeMap<>();

  FuzzRun(FuzzBed bed, long seed, int cases, int parallel, Duration bound) {
    this.bed = bed;
    this.seed = seed;
    this.cases = cases;
    this.parallel = parallel;
    this.bound = bound;
  }

  Result run() throws Exception {
    long wrongBefore = bed.wrongAccepts();
    long damageBefore = bed.tunnelDamage();
    long arrivalsBefore = bed.arrivals();
    long start = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(parallel, r -> {
      Thread t = new Thread(r, "fuzz-client");
      t.setDaemon(true);
      return t;
    });
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fuzz-watchdog");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        running.add(workers.submit(() -> {
          for (Batch batch = allocate(); batch != null; batch = allocate()) {
            send(batch, watchdog);
          }
          return null;
        }));
      }
      for (Future<?> worker : running) {
        worker.get();
      }
    } finally {
      workers.shutdownNow();
      watchdog.shutdownNow();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    // the origins count on their own threads: give the last arrivals a moment
    Thread.sleep(200);
    synchronized (this) {
      slowSamples.forEach(sample -> System.out.println("  slow connection " + sample));
      return new Result(
          seed,
          allocatedCases,
          (int) nextConnection,
          hangs.get(),
          List.copyOf(hangSamples),
          new TreeMap<>(statuses),
          bed.wrongAccepts() - wrongBefore,
          bed.wrongAcceptSamples().stream().map(this::withBatch).toList(),
          bed.arrivals() - arrivalsBefore,
          bed.tunnelDamage() - damageBefore,
          bed.tunnelDamageSamples(),
          elapsed);
    }
  }

  private static final Pattern CONNECTION_TAG = Pattern.compile("@(\\d+) ");

  /** A wrong accept's sample with what its connection sent, made again from the seed. */
  private String withBatch(String sample) {
    Matcher m = CONNECTION_TAG.matcher(sample);
    if (!m.find()) {
      return sample;
    }
    long wanted = Long.parseLong(m.group(1));
    FuzzRun again = new FuzzRun(bed, seed, cases, parallel, bound);
    for (Batch batch = again.allocate(); batch != null; batch = again.allocate()) {
      if (batch.connection() == wanted) {
        return sample + "; connection " + wanted + " sent: " + escape(batch.text(), 1500);
      }
    }
    return sample;
  }

  /** The cases of one connection, text to send. */
  private record Batch(long connection, int firstCase, int lastCase, String text, Random split) {}

  /** The next connection's batch, made in connection order so a seed always makes the same batches. */
  private synchronized Batch allocate() {
    if (allocatedCases >= cases) {
      return null;
    }
    long connection = nextConnection++;
    CaseGenerator generator =
        new CaseGenerator(seed, connection, allocatedCases, bed.originPort(), bed.proxyPort());
    int size = Math.min(generator.batchSize(), cases - allocatedCases);
    int first = allocatedCases;
    StringBuilder text = new StringBuilder();
    int made = 0;
    String tunnelTag = null;
    while (made < size) {
      CaseGenerator.Case next = generator.next();
      made++;
      text.append(next.text());
      if (next.endsConnection()) {
        tunnelTag = next.tunnelTag();
        break;
      }
    }
    allocatedCases += made;
    text.append(generator.sentinel(tunnelTag));
    return new Batch(
        connection, first, first + made - 1, text.toString(), new Random(seed ^ connection));
  }

  private void send(Batch batch, ScheduledExecutorService watchdog) {
    long begun = System.nanoTime();
    byte[] bytes = batch.text().getBytes(StandardCharsets.ISO_8859_1);
    StringBuilder received = new StringBuilder();
    boolean settled = false;
    java.util.concurrent.atomic.AtomicBoolean stopped =
        new java.util.concurrent.atomic.AtomicBoolean();
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      socket.connect(
          new InetSocketAddress(InetAddress.getByName("127.0.0.1"), bed.proxyPort()), 5_000);
      socket.setSoTimeout(250);
      // a write that blocks (Warden stopped reading and the buffers are full) is ended here too
      ScheduledFuture<?> stuck = watchdog.schedule(
          () -> {
            stopped.set(true);
            closeQuietly(socket);
          },
          bound.toMillis() * 2,
          TimeUnit.MILLISECONDS);
      try {
        write(socket.getOutputStream(), bytes, batch.split());
        settled =
            readUntilClosed(socket.getInputStream(), received, System.nanoTime() + bound.toNanos());
      } finally {
        stuck.cancel(false);
      }
    } catch (IOException e) {
      // a reset or refused connection is a closed one: Warden ended it
      settled = e instanceof SocketException;
    }
    count(received);
    long took = System.nanoTime() - begun;
    if (settled && took > TimeUnit.SECONDS.toNanos(2)) {
      slow.incrementAndGet();
      if (slowSamples.size() < 5) {
        slowSamples.add(String.format(java.util.Locale.ROOT, "%.1f s: ", took / 1e9)
            + escape(batch.text(), 400) + " -> " + escape(received.toString(), 200));
      }
    }
    if (!settled || stopped.get()) {
      hangs.incrementAndGet();
      if (hangSamples.size() < 10) {
        hangSamples.add("connection " + batch.connection() + " (cases " + batch.firstCase() + "-"
            + batch.lastCase()
            + ") neither answered nor closed within " + bound.toSeconds() + " s; sent: "
            + escape(batch.text(), 600)
            + "; received: " + escape(received.toString(), 300));
      }
    }
  }

  /** Sends the batch in one to three writes, split at random places. */
  private static void write(OutputStream out, byte[] bytes, Random split) throws IOException {
    int pieces = 1 + split.nextInt(3);
    int from = 0;
    for (int i = 1; i <= pieces; i++) {
      int to = i == pieces ? bytes.length : from + split.nextInt(bytes.length - from + 1);
      try {
        out.write(bytes, from, to - from);
        out.flush();
      } catch (SocketException closedByWarden) {
        // Warden answered and closed mid-batch (a 400, a tunnel that ended): read what it said
        return;
      }
      from = to;
    }
  }

  /** Reads until Warden closes the connection (true) or the deadline passes (false). */
  private static boolean readUntilClosed(InputStream in, StringBuilder received, long deadline)
      throws IOException {
    byte[] buffer = new byte[16 * 1024];
    while (System.nanoTime() < deadline) {
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException notYet) {
        continue;
      } catch (SocketException reset) {
        return true;
      }
      if (n < 0) {
        return true;
      }
      if (received.length() < 1 << 20) {
        received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
    }
    return false;
  }

  private synchronized void count(CharSequence received) {
    Matcher m = STATUS_LINE.matcher(received);
    while (m.find()) {
      statuses.merge(Integer.parseInt(m.group(1)), 1L, Long::sum);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing to unblock a stuck write; the hang is counted by the caller
    }
  }

  /** Text for a report: control characters escaped, cut at {@code max}. */
  static String escape(String text, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.length() >= max ? out + "..." : out.toString();
  }
}
