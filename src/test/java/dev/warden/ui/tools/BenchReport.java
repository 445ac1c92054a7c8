package dev.warden.ui.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The GUI benchmark's figures: every turn of every round, the medians over rounds, and the issue's
 * targets (window req/s >= 0.8x headless, p99 frame gap < 100 ms, live heap <= 300 MB and flat).
 * One thread.
 */
final class BenchReport {

  static final double RATIO_TARGET = 0.8;
  static final double P99_TARGET_MS = 100;
  static final long HEAP_TARGET = 300L << 20;

  private final boolean views;
  private final int connections;
  private final int seconds;
  private final int capacity;
  private final List<Turn> turns = new ArrayList<>();
  private final StringBuilder extra = new StringBuilder();
  private final String loadAtStart = load();
  private long heapBefore;

  private record Turn(
      int round, boolean window, WrkRun wrk, long[] gaps, long maxHeap, long after) {}

  BenchReport(boolean views, int connections, int seconds, int capacity) {
    this.views = views;
    this.connections = connections;
    this.seconds = seconds;
    this.capacity = capacity;
  }

  void heapBefore(long bytes) {
    heapBefore = bytes;
  }

  /** One turn: {@code gaps} (nanoseconds, any order) for the window's turns, null for headless. */
  void add(int round, boolean window, WrkRun wrk, long[] gaps, long maxHeap, long after) {
    if (gaps != null) {
      Arrays.sort(gaps);
    }
    turns.add(new Turn(round, window, wrk, gaps, maxHeap, after));
  }

  /** What the window showed at the end against what was recorded. */
  void window(long recorded, long counted, long rows, long dropped) {
    extra.append(String.format(
        Locale.ROOT,
        "window:      %,d exchanges recorded, %,d counted by the table, %,d rows kept (capacity %,d),"
            + " %,d dropped by the log%n",
        recorded,
        counted,
        rows,
        capacity,
        dropped));
  }

  void dashboard(long counted, long userRows) {
    extra.append(String.format(
        Locale.ROOT,
        "dashboard:   %,d exchanges counted, %,d user rows shown%n",
        counted,
        userRows));
  }

  private double medianRatio() {
    return median(
        rounds().stream().mapToDouble(r -> rate(r, true) / rate(r, false)).toArray());
  }

  private double medianRate(boolean window) {
    return median(rounds().stream().mapToDouble(r -> rate(r, window)).toArray());
  }

  private double medianP99() {
    return median(windowTurns().stream().mapToDouble(t -> pct(t.gaps, 0.99)).toArray());
  }

  private long maxHeap() {
    return turns.stream().mapToLong(Turn::maxHeap).max().orElse(0);
  }

  /** Flat: what is held after the last round is within 10% + 16 MB of what was held after the first. */
  private boolean flat() {
    long first = turns.get(1).after;
    long last = turns.get(turns.size() - 1).after;
    return last <= first * 1.1 + (16L << 20);
  }

  boolean met() {
    return medianRatio() >= RATIO_TARGET
        && medianP99() < P99_TARGET_MS
        && maxHeap() <= HEAP_TARGET
        && flat();
  }

  String text() {
    StringBuilder out =
        new StringBuilder("\n== Warden GUI benchmark: window against headless ==\n");
    out.append(
        views
            ? "views:       dashboard open, table in conversation mode\n"
            : "views:       plain (no dashboard, table of exchanges)\n");
    out.append(String.format(
        Locale.ROOT,
        "load:        wrk -t2 -c%d, %d s a turn, %d rounds (order alternates), loopback 1 KiB origin%n",
        connections,
        seconds,
        rounds().size()));
    for (Turn t : turns) {
      out.append(String.format(
          Locale.ROOT,
          "round %d %-8s %,9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  bad %d",
          t.round + 1,
          t.window ? "window" : "headless",
          t.wrk.rate(),
          t.wrk.p50Millis(),
          t.wrk.p99Millis(),
          t.wrk.bad()));
      if (t.window) {
        out.append(String.format(
            Locale.ROOT,
            "  frames %,d: p50 %.1f p99 %.1f max %.1f ms",
            t.gaps.length,
            pct(t.gaps, 0.5),
            pct(t.gaps, 0.99),
            t.gaps.length == 0 ? 0 : t.gaps[t.gaps.length - 1] / 1e6));
      }
      out.append(
          String.format(Locale.ROOT, "  heap max %s, after %s%n", mb(t.maxHeap), mb(t.after)));
    }
    out.append(extra);
    double ratio = medianRatio();
    double p99 = medianP99();
    out.append(String.format(
        Locale.ROOT,
        "medians:     headless %,.0f req/s, window %,.0f req/s: ratio %.3f (rounds %s; target >= %.1f) %s%n",
        medianRate(false),
        medianRate(true),
        ratio,
        String.join(
            " ",
            rounds().stream()
                .map(r -> String.format(Locale.ROOT, "%.2f", rate(r, true) / rate(r, false)))
                .toList()),
        RATIO_TARGET,
        ratio >= RATIO_TARGET ? "met" : "MISSED"));
    out.append(String.format(
        Locale.ROOT,
        "frames:      p50 %.1f ms, p99 %.1f ms, max %.1f ms (medians of rounds; target p99 < %.0f ms) %s%n",
        median(windowTurns().stream().mapToDouble(t -> pct(t.gaps, 0.5)).toArray()),
        p99,
        median(windowTurns().stream()
            .mapToDouble(t -> t.gaps.length == 0 ? 0 : t.gaps[t.gaps.length - 1] / 1e6)
            .toArray()),
        P99_TARGET_MS,
        p99 < P99_TARGET_MS ? "met" : "MISSED"));
    out.append(String.format(
        Locale.ROOT,
        "heap (live): before %s, most during load %s (target <= %s), after each round %s: %s %s%n",
        mb(heapBefore),
        mb(maxHeap()),
        mb(HEAP_TARGET),
        String.join(
            " ", turns.stream().filter(t -> t.window).map(t -> mb(t.after)).toList()),
        flat() ? "flat" : "GROWING",
        maxHeap() <= HEAP_TARGET && flat() ? "met" : "MISSED"));
    out.append(String.format(
        Locale.ROOT,
        "machine:     %d cores; load average at the start %s, at the end %s%n",
        Runtime.getRuntime().availableProcessors(),
        loadAtStart,
        load()));
    out.append(met() ? "result:      every target met\n" : "result:      TARGET MISSED\n");
    return out.toString();
  }

  private List<Integer> rounds() {
    return turns.stream().map(Turn::round).distinct().toList();
  }

  private List<Turn> windowTurns() {
    return turns.stream().filter(Turn::window).toList();
  }

  private double rate(int round, boolean window) {
    return turns.stream()
        .filter(t -> t.round == round && t.window == window)
        .mapToDouble(t -> t.wrk.rate())
        .findFirst()
        .orElse(Double.NaN);
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
  }

  /** The 1-minute load average: on a shared machine the figures mean little without it. */
  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException unknown) {
      return "?";
    }
  }
}
