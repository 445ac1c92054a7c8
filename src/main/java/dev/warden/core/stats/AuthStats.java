package dev.warden.core.stats;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.traffic.Exchange;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Authentication over time, for the dashboard: exchanges per second by {@link AuthCategory} for the
 * last {@link #DEFAULT_SECONDS} seconds, totals, refusal reasons, and bounded per-user and per-client
 * tables. Fed with every exchange as the traffic log records it, so nothing the log later overwrites
 * is missed.
 *
 * <p>Threads: {@link #record} runs on network threads: it only adds to lock-free counters and never
 * blocks or allocates more than a row for a new name (and a bucket per second). {@link #snapshot}
 * copies, from any thread; readers poll it (the window once a second), so the cost under load does
 * not grow with the request rate on the reading side.
 */
public final class AuthStats {

  /** How far back the per-second counts go. */
  public static final int DEFAULT_SECONDS = 300;
  /** The most rows each of the user and client tables keeps. */
  public static final int DEFAULT_TABLE_CAPACITY = 1_000;
  /** How many refusal reasons a snapshot lists. */
  public static final int TOP_REASONS = 8;

  private final Clock clock;
  private final SecondRing seconds;
  private final LongAdder[] totals = new LongAdder[AuthCategory.values().length];
  private final RefusalReasons reasons = new RefusalReasons();
  private final PartyTable users;
  private final PartyTable clients;

  /** Default sizes, the system clock. */
  public AuthStats() {
    this(Clock.systemUTC(), DEFAULT_SECONDS, DEFAULT_TABLE_CAPACITY);
  }

  /**
   * @param clock when {@link #record(Exchange)} happens
   * @param seconds how many seconds of per-second counts to keep
   * @param tableCapacity the most rows per table
   */
  public AuthStats(Clock clock, int seconds, int tableCapacity) {
    this.clock = Objects.requireNonNull(clock);
    this.seconds = new SecondRing(seconds);
    this.users = new PartyTable(tableCapacity);
    this.clients = new PartyTable(tableCapacity);
    for (int i = 0; i < totals.length; i++) {
      totals[i] = new LongAdder();
    }
  }

  /** Counts an exchange now, by the clock. Never blocks; any thread. */
  public void record(Exchange exchange) {
    record(exchange, clock.millis());
  }

  /** Counts an exchange as seen at {@code epochMillis}. Never blocks; any thread. */
  public void record(Exchange exchange, long epochMillis) {
    AuthOutcome outcome = exchange.auth();
    AuthCategory category = AuthCategory.of(outcome);
    boolean failed = category == AuthCategory.REFUSED;
    seconds.add(Math.floorDiv(epochMillis, 1000L), category);
    totals[category.ordinal()].increment();
    reasons.count(outcome);
    String user = userOf(outcome);
    if (!user.isEmpty()) {
      users.record(user, epochMillis, failed);
    }
    String client = hostOf(exchange.client());
    if (!client.isEmpty()) {
      clients.record(client, epochMillis, failed);
    }
  }

  /** What is counted now, with the last {@code lastSeconds} seconds ending at the clock's second. */
  public StatsSnapshot snapshot(int lastSeconds) {
    return snapshot(clock.millis(), lastSeconds);
  }

  /** What is counted now, with the last {@code lastSeconds} seconds ending at {@code nowEpochMillis}. */
  public StatsSnapshot snapshot(long nowEpochMillis, int lastSeconds) {
    return new StatsSnapshot(
        seconds.last(Math.floorDiv(nowEpochMillis, 1000L), lastSeconds),
        new StatsSnapshot.Second(
            0,
            total(AuthCategory.CHALLENGED),
            total(AuthCategory.AUTHENTICATED),
            total(AuthCategory.REFUSED),
            total(AuthCategory.NOT_JUDGED)),
        reasons.top(TOP_REASONS),
        new StatsSnapshot.Table(users.rows(), users.capacity(), users.evicted(), users.untabled()),
        new StatsSnapshot.Table(
            clients.rows(), clients.capacity(), clients.evicted(), clients.untabled()));
  }

  /** Rows the user table holds now, for tests of its bound. */
  int userRowsHeld() {
    return users.held();
  }

  private long total(AuthCategory category) {
    return totals[category.ordinal()].sum();
  }

  /** The user the request authenticated as, or the one its refused credentials named; else empty. */
  private static String userOf(AuthOutcome outcome) {
    if (outcome instanceof AuthOutcome.Authenticated a) {
      return a.user();
    }
    if (outcome instanceof AuthOutcome.Challenged c) {
      return c.user();
    }
    if (outcome instanceof AuthOutcome.PortRefused p) {
      return p.user();
    }
    return "";
  }

  /** {@code 10.0.0.5:51234} → {@code 10.0.0.5}; {@code [::1]:51234} → {@code ::1}. */
  static String hostOf(String client) {
    int colon = client.lastIndexOf(':');
    if (colon < 0) {
      return client;
    }
    String host = client.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      return host.substring(1, host.length() - 1);
    }
    return host.indexOf(':') >= 0 ? client : host; // an IPv6 address without brackets or port
  }
}
