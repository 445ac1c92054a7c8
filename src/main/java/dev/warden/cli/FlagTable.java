package dev.warden.cli;

import java.util.List;
import java.util.stream.Stream;

/**
 * Which flags the command line knows and how each is given: those taking a value, those that mean
 * something only without a window, those that may repeat, and an example value of each for the
 * "needs a value" sentence. The flags' help text is {@link Usage}'s. Constants only; any thread.
 */
final class FlagTable {

  /** Flags followed by a value ({@code --flag value} or {@code --flag=value}). */
  static final List<String> VALUE_FLAGS = Stream.concat(
          Stream.of(
              "--config",
              "--listen",
              "--realm",
              "--user",
              "--users-file",
              "--schemes",
              "--digest-algorithms",
              "--nonce-lifetime",
              "--lockout",
              "--export-squid",
              "--token",
              "--har",
              "--profile",
              "--fault"),
          LimitFlags.FLAGS.stream())
      .toList();

  /** Flags refused without {@code --headless}: the window has its own settings. */
  static final List<String> HEADLESS_ONLY = Stream.concat(
          Stream.of(
              "--realm",
              "--user",
              "--users-file",
              "--no-auth",
              "--schemes",
              "--digest-algorithms",
              "--nonce-lifetime",
              "--lockout",
              "--token",
              "--har",
              "--profile",
              "--fault"),
          LimitFlags.FLAGS.stream())
      .toList();

  /** Value flags that may be given more than once; every other may appear once. */
  static final List<String> REPEATABLE = List.of("--user", "--users-file", "--token", "--fault");

  private FlagTable() {}

  /** A value {@code flag} accepts, as shown after "e.g." in a sentence about it. */
  static String example(String flag) {
    return switch (flag) {
      case "--config" -> "settings.json";
      case "--listen" -> "127.0.0.1:3128";
      case "--realm" -> "Warden";
      case "--user" -> "alice:PASSWORD";
      case "--token" -> "ci-bot:TOKEN";
      case "--schemes" -> "digest,basic";
      case "--digest-algorithms" -> "SHA-256,MD5";
      case "--nonce-lifetime" -> "5m";
      case "--users-file" -> ".htpasswd";
      case "--lockout" -> "10,50,5m,429";
      case "--export-squid" -> "squid-export";
      case "--har" -> "run.har";
      case "--profile" -> "'Squid 5.7 (Basic)'";
      case "--fault" -> "connection=close";
      default -> LimitFlags.example(flag);
    };
  }
}
