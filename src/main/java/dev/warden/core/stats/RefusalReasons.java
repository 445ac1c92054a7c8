package dev.warden.core.stats;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each reason refused a request, since this was made. The reasons are a fixed set (every
 * {@link ChallengeReason} plus the CONNECT port and the unreadable request), so the counts are a
 * fixed array of {@link LongAdder}s: bounded whatever clients send. {@link #count} never blocks; any
 * thread.
 */
final class RefusalReasons {

  private static final ChallengeReason[] CHALLENGE_REASONS = ChallengeReason.values();
  private static final int PORT = CHALLENGE_REASONS.length;
  private static final int UNJUDGED = PORT + 1;
  private final LongAdder[] counts = new LongAdder[UNJUDGED + 1];

  RefusalReasons() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  /** Counts the reason of a refusal ({@link AuthCategory#REFUSED}); anything else is ignored. */
  void count(AuthOutcome outcome) {
    if (AuthCategory.of(outcome) != AuthCategory.REFUSED) {
      return;
    }
    if (outcome instanceof AuthOutcome.Challenged c) {
      counts[c.reason().ordinal()].increment();
    } else if (outcome instanceof AuthOutcome.PortRefused) {
      counts[PORT].increment();
    } else {
      counts[UNJUDGED].increment();
    }
  }

  /** The reasons counted at least once, most frequent first (ties in a fixed order). */
  List<StatsSnapshot.ReasonCount> top(int limit) {
    List<StatsSnapshot.ReasonCount> out = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      long n = counts[i].sum();
      if (n > 0) {
        out.add(new StatsSnapshot.ReasonCount(text(i), n));
      }
    }
    out.sort(Comparator.comparingLong(StatsSnapshot.ReasonCount::count).reversed());
    return List.copyOf(out.subList(0, Math.min(limit, out.size())));
  }

  /** The reason as the traffic table's auth cell says it, e.g. "wrong password". */
  private static String text(int index) {
    if (index == PORT) {
      return "CONNECT port not allowed";
    }
    if (index == UNJUDGED) {
      return "refused before authentication";
    }
    return CHALLENGE_REASONS[index].label();
  }
}
