package dev.warden.core.auth.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Parsing time grows linearly with the input: eight times the input takes well under the 64 times a
 * quadratic scanner would. Best of several runs after a warm-up, measured again up to three times, so
 * a shared machine's noise and a garbage collection do not decide; the bound (16 times, plus a little
 * for timer granularity) is generous on purpose. A quadratic parser fails every attempt.
 */
class ParsingTimeTest {

  private static final int SMALL = 20_000;
  private static final int LARGE = 8 * SMALL;
  private static final int RUNS = 5;
  /** A garbage collection can land in every run of one measurement, rarely in those of three. */
  private static final int ATTEMPTS = 3;

  private static final long SLACK_NANOS = 3_000_000;

  private static final List<IntFunction<String>> PATHOLOGICAL = List.of(
      n -> "a=".repeat(n / 2),
      n -> "Basic " + "a=".repeat(n / 2),
      n -> "Digest realm=\"" + "\\\"".repeat(n / 2),
      n -> "\"\\".repeat(n / 2),
      n -> ",".repeat(n),
      n -> "Digest " + "a=b, ".repeat(n / 5),
      n -> "Basic realm=x, " + "a, ".repeat(n / 3),
      n -> "Digest a=b, " + "c".repeat(n),
      n -> "Negotiate " + "a".repeat(n) + "=".repeat(n),
      n -> "Digest a=\"" + "x".repeat(n) + "\", b=" + "y".repeat(n) + " z",
      n -> "a ".repeat(n / 2));

  private static final List<Function<String, ?>> PARSERS = List.of(
      AuthHeaderParser::parseChallenges, AuthHeaderParser::parseCredentials, ExtValue::decode);

  @Test
  void parsingEightTimesTheInputTakesAtMostSixteenTimesAsLong() {
    for (IntFunction<String> input : PATHOLOGICAL) {
      for (Function<String, ?> parser : PARSERS) {
        bestOf(parser, input.apply(SMALL));
      }
    }
    for (IntFunction<String> input : PATHOLOGICAL) {
      String small = input.apply(SMALL);
      String large = input.apply(LARGE);
      for (Function<String, ?> parser : PARSERS) {
        long smallNanos = 0;
        long largeNanos = Long.MAX_VALUE;
        for (int attempt = 0; attempt < ATTEMPTS && largeNanos > bound(smallNanos); attempt++) {
          smallNanos = bestOf(parser, small);
          largeNanos = bestOf(parser, large);
        }

        assertThat(largeNanos)
            .as(
                "%s... : %d ns for %d chars, %d ns for %d chars",
                large.substring(0, 16), smallNanos, small.length(), largeNanos, large.length())
            .isLessThanOrEqualTo(bound(smallNanos));
      }
    }
  }

  private static long bound(long smallNanos) {
    return 16 * smallNanos + SLACK_NANOS;
  }

  private static long bestOf(Function<String, ?> parser, String input) {
    long best = Long.MAX_VALUE;
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      Object result = parser.apply(input);
      long elapsed = System.nanoTime() - start;
      assertThat(result).isNotNull();
      best = Math.min(best, elapsed);
    }
    return best;
  }
}
