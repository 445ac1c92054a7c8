package dev.warden.core.auth.digest;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Remembers which nonce counts ({@code nc}) were used with each issued nonce, so that an exact replay
 * (same nonce, same nc) is refused while counts arriving out of order from parallel connections are
 * accepted once each: nc 5 then 3 are both first uses, 3 again is a replay.
 *
 * <p><b>Bounded memory.</b> Per nonce, the highest count seen and a bitmap of the {@value #WINDOW}
 * counts up to it (a sliding window, as in IPsec's anti-replay check); a count below the window is
 * refused as {@link Use#TOO_OLD} (a client with more than {@value #WINDOW} requests in flight on one
 * nonce is unheard of). At most {@code capacity}
 * nonces are tracked: tracking one more forgets the one tracked earliest, and a forgotten nonce answers
 * {@link Use#UNTRACKED} for ever after, never {@link Use#FIRST_USE}, so eviction can make a client
 * re-authenticate (answer {@code stale=true}) but never lets a replay through. Measured on JDK 17 (64-bit,
 * compressed oops, 200,000 nonces of {@link NonceFactory}): about 200 bytes of heap per tracked nonce,
 * its key string included (map entry, queue node, window), so 10,000 nonces take about 2 MB.
 *
 * <p><b>Thread-safe</b> and non-blocking apart from a per-nonce lock held for a few arithmetic
 * operations. Guarantees: as long as a nonce is tracked, each (nonce, nc) pair gets
 * {@link Use#FIRST_USE} at most once across all threads; the number of tracked nonces is at most
 * {@code capacity} whenever no {@link #track} call is running (concurrent calls may exceed it by at
 * most their number, briefly).
 */
public final class NonceCounts {

  /** How many counts below the highest one seen for a nonce are still remembered, and accepted. */
  public static final int WINDOW = 128;

  /** The answer of {@link #record}. */
  public enum Use {
    /** The first use of this count with this nonce: accept. */
    FIRST_USE,
    /** This count was already used with this nonce: refuse. */
    REPLAY,
    /** The count is at least {@value NonceCounts#WINDOW} below the highest seen (or below 1): refuse. */
    TOO_OLD,
    /** The nonce is not tracked (forgotten to bound memory, or never issued here): treat it as stale. */
    UNTRACKED
  }

  private final int capacity;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  // nonces in the order they were tracked; every key of windows is here (or about to be)
  private final Queue<String> order = new ConcurrentLinkedQueue<>();

  /**
   * @param capacity the most nonces tracked at once: at least the number of nonces issued within a
   *     nonce lifetime, or clients get {@code stale=true} more often than needed
   */
  public NonceCounts(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity < 1");
    }
    this.capacity = capacity;
  }

  /**
   * Starts tracking a nonce that was just issued, forgetting the earliest tracked nonces beyond the
   * capacity. Tracking a nonce that is still tracked changes nothing. Call it only with new nonces:
   * tracking a forgotten nonce again would forget its used counts.
   */
  public void track(String nonce) {
    Objects.requireNonNull(nonce, "nonce");
    if (windows.putIfAbsent(nonce, new Window()) != null) {
      return;
    }
    order.add(nonce);
    while (windows.size() > capacity) {
      String earliest = order.poll();
      if (earliest == null) {
        return; // the other trackers have yet to queue theirs; they evict after that
      }
      windows.remove(earliest);
    }
  }

  /**
   * Records a use of {@code nc} with {@code nonce} and says whether it is the first. Never throws for a
   * non-null nonce: counts below 1 are {@link Use#TOO_OLD}.
   *
   * @param nc the nonce count as a number ({@code 0000000a} is 10)
   */
  public Use record(String nonce, long nc) {
    Window window = windows.get(Objects.requireNonNull(nonce, "nonce"));
    if (window == null) {
      return Use.UNTRACKED;
    }
    if (nc < 1) {
      return Use.TOO_OLD;
    }
    return window.record(nc);
  }

  /** The number of nonces tracked now. */
  public int size() {
    return windows.size();
  }

  /**
   * The counts used with one nonce: the highest count seen and a bitmap of the {@value #WINDOW}
   * counts up to it (bit i of hi:lo = count {@code highest - i} was used).
   */
  private static final class Window {
    private long highest;
    private long lo;
    private long hi;

    synchronized Use record(long nc) {
      if (nc > highest) {
        shift(nc - highest);
        highest = nc;
        lo |= 1L;
        return Use.FIRST_USE;
      }
      long offset = highest - nc;
      if (offset >= WINDOW) {
        return Use.TOO_OLD;
      }
      if (offset < 64) {
        long bit = 1L << offset;
        if ((lo & bit) != 0) {
          return Use.REPLAY;
        }
        lo |= bit;
      } else {
        long bit = 1L << (offset - 64);
        if ((hi & bit) != 0) {
          return Use.REPLAY;
        }
        hi |= bit;
      }
      return Use.FIRST_USE;
    }

    /** Moves every remembered count {@code by} places further from the highest. */
    private void shift(long by) {
      if (by >= WINDOW) {
        lo = 0;
        hi = 0;
      } else if (by >= 64) {
        hi = lo << (by - 64);
        lo = 0;
      } else {
        hi = (hi << by) | (lo >>> (64 - by));
        lo = lo << by;
      }
    }
  }
}
