package dev.warden.core.auth.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The parsers read each character of their input a bounded number of times, whatever the input, so
 * their work is linear in its length and a caller need not bound the input for their sake (what
 * {@link AuthHeaderParser} promises). They read through a {@link CountingText}: the test counts work,
 * not time, so it answers the same on every machine and every run.
 *
 * <p>The bound is {@value #READS_PER_CHARACTER} reads per character. Measured, the most any parser
 * takes on these inputs is 5.2, on {@code Digest a=b, a=b, ...}: one pass for control characters, then
 * every character of such short tokens is looked at again by the step that ends one token and by the
 * step that starts the next. A scanner that went back over its input once per parameter, or a decoder
 * that sliced off the rest of its input once per character, took over a thousand per character at
 * 8,000 characters when tried, so the bound leaves room to change the parsers but none for a rescan.
 *
 * <p>And eight times the input takes at most eight times the reads, plus {@value #SLACK} for the
 * rounding of an input's repetitions ({@code 8000 / 3} is not {@code 8 * (1000 / 3)}).
 */
class LinearParsingTest {

  private static final int SMALL = 1_000;
  private static final int LARGE = 8 * SMALL;
  private static final int READS_PER_CHARACTER = 8;
  private static final long SLACK = 64;

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
      n -> "a ".repeat(n / 2),
      // ExtValue gives up on every input above at its search for an apostrophe; these get further
      n -> "UTF-8''" + "%C3%A9".repeat(n / 6),
      n -> "UTF-8''" + "a".repeat(n),
      n -> "UTF-8'" + "a".repeat(n) + "'",
      n -> "x".repeat(n) + "''");

  private record Parser(String name, Function<CharSequence, ?> parse) {}

  private static final List<Parser> PARSERS = List.of(
      new Parser("parseChallenges", AuthHeaderParser::parseChallenges),
      new Parser("parseCredentials", AuthHeaderParser::parseCredentials),
      new Parser("ExtValue.decode", ExtValue::decode));

  @Test
  void readsEachCharacterABoundedNumberOfTimes() {
    SoftAssertions softly = new SoftAssertions();
    for (IntFunction<String> input : PATHOLOGICAL) {
      String text = input.apply(LARGE);
      for (Parser parser : PARSERS) {
        softly
            .assertThat(reads(parser, text))
            .as("%s(%s...), %d chars", parser.name(), text.substring(0, 16), text.length())
            .isLessThanOrEqualTo((long) READS_PER_CHARACTER * text.length());
      }
    }
    softly.assertAll();
  }

  @Test
  void readingEightTimesTheInputTakesAtMostEightTimesTheReads() {
    SoftAssertions softly = new SoftAssertions();
    for (IntFunction<String> input : PATHOLOGICAL) {
      String small = input.apply(SMALL);
      String large = input.apply(LARGE);
      for (Parser parser : PARSERS) {
        long smallReads = reads(parser, small);
        softly
            .assertThat(reads(parser, large))
            .as(
                "%s(%s...), %d reads of %d chars",
                parser.name(), large.substring(0, 16), smallReads, small.length())
            .isLessThanOrEqualTo(8 * smallReads + SLACK);
      }
    }
    softly.assertAll();
  }

  private static long reads(Parser parser, String input) {
    CountingText text = new CountingText(input);
    assertThat(parser.parse().apply(text)).isNotNull();
    return text.reads();
  }
}
