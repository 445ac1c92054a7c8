package dev.warden.core.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The limits and deadlines Warden's proxy path enforces, as one immutable value inside
 * {@link Settings}. Each is read once per client connection when it is accepted, so a change applies
 * to the connections opened after it. Constructed freely (a settings file may hold anything);
 * {@link #problems()} says what is out of range, and settings with a problem are refused.
 *
 * @param requestHead from the first byte of a request head, how long the whole head may take to
 *     arrive; later: 408 and the connection closed
 * @param idle how long a connection may wait for the first byte of its next request (or of its first
 *     one) before Warden closes it, without an answer: there is no request to answer
 * @param refusedBody after a 407/403, how long the refused request's body may take to arrive before
 *     the connection is closed
 * @param refusedBodyDrain bytes of a refused request's body read and discarded before the connection
 *     is closed instead
 * @param requestLine longest request line accepted (414 beyond)
 * @param headerBlock largest header block accepted (431 beyond)
 * @param maxConnections open client connections; a connection beyond gets 503 and is closed
 * @param connect how long the connection to the destination may take (504 beyond)
 * @param firstByte from the whole request having been forwarded, how long the destination may take
 *     to start its response (504 beyond); a response that then stalls for about as long is cut
 */
public record Limits(
    Duration requestHead,
    Duration idle,
    Duration refusedBody,
    int refusedBodyDrain,
    int requestLine,
    int headerBlock,
    int maxConnections,
    Duration connect,
    Duration firstByte) {

  public static final Duration MIN_DEADLINE = Duration.ofMillis(100);
  public static final Duration MAX_DEADLINE = Duration.ofHours(1);
  public static final int MAX_REFUSED_BODY_DRAIN = 16 * 1024 * 1024;
  public static final int MIN_REQUEST_LINE = 256;
  public static final int MAX_REQUEST_LINE = 1024 * 1024;
  public static final int MIN_HEADER_BLOCK = 1024;
  public static final int MAX_HEADER_BLOCK = 1024 * 1024;
  public static final int MAX_MAX_CONNECTIONS = 1_000_000;

  /**
   * Squid-like defaults, shorter where Squid's are generous: 30 s for a head, 60 s idle, 10 s and
   * 64 KiB for a refused body, 8 KiB request line, 64 KiB of headers (room for a large
   * Proxy-Authorization, which then gets its 407 with a reason), 20,000 connections, 10 s to
   * connect, 60 s to the first byte.
   */
  public static final Limits DEFAULTS = new Limits(
      Duration.ofSeconds(30),
      Duration.ofSeconds(60),
      Duration.ofSeconds(10),
      64 * 1024,
      8 * 1024,
      64 * 1024,
      20_000,
      Duration.ofSeconds(10),
      Duration.ofSeconds(60));

  public Limits {
    Objects.requireNonNull(requestHead, "requestHead");
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(refusedBody, "refusedBody");
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(firstByte, "firstByte");
  }

  /** Every value out of range, one sentence each naming the limit; empty when all can be used. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    deadline("Request head deadline", requestHead, problems);
    deadline("Idle keep-alive timeout", idle, problems);
    deadline("Refused body deadline", refusedBody, problems);
    deadline("Upstream connect timeout", connect, problems);
    deadline("Upstream first-byte timeout", firstByte, problems);
    range("Refused body drain", refusedBodyDrain, 0, MAX_REFUSED_BODY_DRAIN, " bytes", problems);
    range(
        "Request line limit", requestLine, MIN_REQUEST_LINE, MAX_REQUEST_LINE, " bytes", problems);
    range(
        "Header block limit", headerBlock, MIN_HEADER_BLOCK, MAX_HEADER_BLOCK, " bytes", problems);
    range("Maximum client connections", maxConnections, 1, MAX_MAX_CONNECTIONS, "", problems);
    return List.copyOf(problems);
  }

  /**
   * Longer than every deadline of Warden's own: LittleProxy's idle timers are set to this, so they
   * stay a backstop (a stalled upload, a silent tunnel) and never pre-empt a limit that names
   * itself in the record.
   */
  public Duration backstop() {
    Duration longest = requestHead;
    for (Duration d : List.of(idle, refusedBody, connect, firstByte)) {
      if (d.compareTo(longest) > 0) {
        longest = d;
      }
    }
    return longest.plusSeconds(1);
  }

  /** {@code 30 s}, {@code 250 ms}, {@code 2.5 s}: how a duration is named in a record's reason. */
  public static String describe(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static void deadline(String name, Duration value, List<String> problems) {
    if (value.compareTo(MIN_DEADLINE) < 0 || value.compareTo(MAX_DEADLINE) > 0) {
      problems.add(name + " " + value.toMillis() + " ms is outside 100 ms to 1 h (3600000 ms)");
    }
  }

  private static void range(
      String name, int value, int min, int max, String unit, List<String> problems) {
    if (value < min || value > max) {
      problems.add(String.format(
          Locale.ROOT, "%s %,d%s is outside %,d-%,d%s", name, value, unit, min, max, unit));
    }
  }

  public Limits withRequestHead(Duration value) {
    return new Limits(
        value,
        idle,
        refusedBody,
        refusedBodyDrain,
        requestLine,
        headerBlock,
        maxConnections,
        connect,
        firstByte);
  }

  public Limits withIdle(Duration value) {
    return new Limits(
        requestHead,
        value,
        refusedBody,
        refusedBodyDrain,
        requestLine,
        headerBlock,
        maxConnections,
        connect,
        firstByte);
  }

  public Limits withRefusedBody(Duration value) {
    return new Limits(
        requestHead,
        idle,
        value,
        refusedBodyDrain,
        requestLine,
        headerBlock,
        maxConnections,
        connect,
        firstByte);
  }

  public Limits withRefusedBodyDrain(int value) {
    return new Limits(
        requestHead,
        idle,
        refusedBody,
        value,
        requestLine,
        headerBlock,
        maxConnections,
        connect,
        firstByte);
  }

  public Limits withRequestLine(int value) {
    return new Limits(
        requestHead,
        idle,
        refusedBody,
        refusedBodyDrain,
        value,
        headerBlock,
        maxConnections,
        connect,
        firstByte);
  }

  public Limits withHeaderBlock(int value) {
    return new Limits(
        requestHead,
        idle,
        refusedBody,
        refusedBodyDrain,
        requestLine,
        value,
        maxConnections,
        connect,
        firstByte);
  }

  public Limits withMaxConnections(int value) {
    return new Limits(
        requestHead,
        idle,
        refusedBody,
        refusedBodyDrain,
        requestLine,
        headerBlock,
        value,
        connect,
        firstByte);
  }

  public Limits withConnect(Duration value) {
    return new Limits(
        requestHead,
        idle,
        refusedBody,
        refusedBodyDrain,
        requestLine,
        headerBlock,
        maxConnections,
        value,
        firstByte);
  }

  public Limits withFirstByte(Duration value) {
    return new Limits(
        requestHead,
        idle,
        refusedBody,
        refusedBodyDrain,
        requestLine,
        headerBlock,
        maxConnections,
        connect,
        value);
  }
}
