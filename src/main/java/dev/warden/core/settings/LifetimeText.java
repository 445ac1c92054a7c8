package dev.warden.core.settings;

import java.time.Duration;
import java.util.Optional;

/**
 * A duration as people type it (a nonce lifetime, a deadline): milliseconds ({@code 500ms}),
 * seconds ({@code 90}, {@code 90s}), minutes ({@code 5m}) or hours ({@code 1h}); one grammar for the
 * command line, the editor and the limits dialog. Whether the value is in range is the validator's
 * business. Stateless; any thread.
 */
public final class LifetimeText {

  /** How to write a lifetime, for messages. */
  public static final String FORMS = "seconds (90, 90s), minutes (5m) or hours (1h)";
  /** How to write a deadline, for messages: milliseconds too. */
  public static final String DEADLINE_FORMS =
      "milliseconds (500ms), seconds (30, 30s), minutes (5m) or hours (1h)";

  private static final int MAX_DIGITS = 9;

  private LifetimeText() {}

  /** The duration {@code text} names, or empty when it is not one of the {@link #FORMS}. */
  public static Optional<Duration> parse(String text) {
    String value = text == null ? "" : text.strip();
    int digits = 0;
    while (digits < value.length() && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
      digits++;
    }
    String unit = value.substring(digits);
    if (digits == 0 || digits > MAX_DIGITS || unit.length() > 2) {
      return Optional.empty();
    }
    long amount = Long.parseLong(value.substring(0, digits));
    return switch (unit) {
      case "", "s" -> Optional.of(Duration.ofSeconds(amount));
      case "m" -> Optional.of(Duration.ofMinutes(amount));
      case "h" -> Optional.of(Duration.ofHours(amount));
      case "ms" -> Optional.of(Duration.ofMillis(amount));
      default -> Optional.empty();
    };
  }

  /** The shortest exact form: {@code 1h}, {@code 5m}, {@code 90s}, {@code 1500ms}. */
  public static String format(Duration lifetime) {
    if (lifetime.toMillis() % 1000 != 0) {
      return lifetime.toMillis() + "ms";
    }
    long seconds = lifetime.toSeconds();
    if (seconds > 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
