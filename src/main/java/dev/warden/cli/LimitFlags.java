package dev.warden.cli;

import dev.warden.core.settings.LifetimeText;
import dev.warden.core.settings.Limits;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The limit flags of headless mode, each replacing one {@link Limits} value for the run:
 * {@code --head-timeout}, {@code --idle-timeout}, {@code --connect-timeout},
 * {@code --first-byte-timeout} (durations: {@code 500ms}, {@code 30}, {@code 30s}, {@code 5m},
 * {@code 1h}) and {@code --max-connections}. Values are checked against the same ranges as the
 * settings, so a bad one is refused with the flag's name before anything starts. Immutable.
 */
public record LimitFlags(
    Optional<Duration> requestHead,
    Optional<Duration> idle,
    Optional<Duration> connect,
    Optional<Duration> firstByte,
    OptionalInt maxConnections) {

  public static final LimitFlags NONE = new LimitFlags(
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty());

  static final List<String> FLAGS = List.of(
      "--head-timeout",
      "--idle-timeout",
      "--connect-timeout",
      "--first-byte-timeout",
      "--max-connections");

  public LimitFlags {
    Objects.requireNonNull(requestHead);
    Objects.requireNonNull(idle);
    Objects.requireNonNull(connect);
    Objects.requireNonNull(firstByte);
    Objects.requireNonNull(maxConnections);
  }

  /** {@code limits} with every value a flag gave replaced. */
  public Limits apply(Limits limits) {
    Limits result = limits;
    if (requestHead.isPresent()) {
      result = result.withRequestHead(requestHead.get());
    }
    if (idle.isPresent()) {
      result = result.withIdle(idle.get());
    }
    if (connect.isPresent()) {
      result = result.withConnect(connect.get());
    }
    if (firstByte.isPresent()) {
      result = result.withFirstByte(firstByte.get());
    }
    if (maxConnections.isPresent()) {
      result = result.withMaxConnections(maxConnections.getAsInt());
    }
    return result;
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /** These flags with {@code flag} (one of {@link #FLAGS}) set to {@code value}. */
  LimitFlags with(String flag, String value) throws UsageException {
    return switch (flag) {
      case "--head-timeout" ->
        new LimitFlags(
            Optional.of(duration(flag, value)), idle, connect, firstByte, maxConnections);
      case "--idle-timeout" ->
        new LimitFlags(
            requestHead, Optional.of(duration(flag, value)), connect, firstByte, maxConnections);
      case "--connect-timeout" ->
        new LimitFlags(
            requestHead, idle, Optional.of(duration(flag, value)), firstByte, maxConnections);
      case "--first-byte-timeout" ->
        new LimitFlags(
            requestHead, idle, connect, Optional.of(duration(flag, value)), maxConnections);
      case "--max-connections" ->
        new LimitFlags(requestHead, idle, connect, firstByte, OptionalInt.of(count(flag, value)));
      default -> throw new IllegalArgumentException(flag);
    };
  }

  static String example(String flag) {
    return flag.equals("--max-connections") ? "1000" : "30s";
  }

  private static Duration duration(String flag, String value) throws UsageException {
    Duration d = LifetimeText.parse(value.strip().toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new UsageException(
            flag + ": '" + value + "' is not a duration; use " + LifetimeText.DEADLINE_FORMS));
    if (d.compareTo(Limits.MIN_DEADLINE) < 0 || d.compareTo(Limits.MAX_DEADLINE) > 0) {
      throw new UsageException(flag + ": '" + value + "' is outside 100ms to 1h");
    }
    return d;
  }

  private static int count(String flag, String value) throws UsageException {
    String v = value.strip();
    if (!v.matches("[0-9]{1,9}")) {
      throw new UsageException(flag + ": '" + value + "' is not a whole number");
    }
    int n = Integer.parseInt(v);
    if (n < 1 || n > Limits.MAX_MAX_CONNECTIONS) {
      throw new UsageException(String.format(
          Locale.ROOT, "%s: '%s' is outside 1 to %d", flag, value, Limits.MAX_MAX_CONNECTIONS));
    }
    return n;
  }
}
