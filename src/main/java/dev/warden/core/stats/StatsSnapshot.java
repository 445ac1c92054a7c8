package dev.warden.core.stats;

import java.util.List;

/**
 * What {@link AuthStats} had counted at one moment. Immutable; any thread.
 *
 * @param seconds the last seconds, oldest first, one entry per second (zeros included)
 * @param totals exchanges per category since Warden started
 * @param reasons the most frequent refusal reasons since Warden started, most frequent first
 * @param users per user name (authenticated, or named by refused credentials)
 * @param clients per client address (the IP, without the port)
 */
public record StatsSnapshot(
    List<Second> seconds, Second totals, List<ReasonCount> reasons, Table users, Table clients) {

  public StatsSnapshot {
    seconds = List.copyOf(seconds);
    reasons = List.copyOf(reasons);
  }

  /**
   * Counts per category in one second (or, for {@link #totals()}, in all of them).
   *
   * @param epochSecond the second, or 0 for totals
   */
  public record Second(
      long epochSecond, long challenged, long authenticated, long refused, long notJudged) {

    /** All exchanges counted. */
    public long all() {
      return challenged + authenticated + refused + notJudged;
    }
  }

  /** One refusal reason in plain words, as the traffic table shows it, and how often it refused. */
  public record ReasonCount(String reason, long count) {}

  /**
   * One user or client.
   *
   * @param failures requests refused ({@link AuthCategory#REFUSED})
   */
  public record PartyRow(String name, long requests, long failures, long lastSeenEpochMillis) {}

  /**
   * A bounded table.
   *
   * @param rows most recently seen first
   * @param capacity the most rows kept
   * @param evicted rows evicted (least recently seen first) to make room for new ones
   * @param untabled requests counted in no row: no place could be had without waiting
   */
  public record Table(List<PartyRow> rows, int capacity, long evicted, long untabled) {
    public Table {
      rows = List.copyOf(rows);
    }

    /** Whether rows were evicted: the table no longer has everyone seen since Warden started. */
    public boolean capped() {
      return evicted > 0 || untabled > 0;
    }
  }
}
