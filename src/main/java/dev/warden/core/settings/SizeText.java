package dev.warden.core.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * A size in bytes as people type it: {@code 65536}, {@code 64 KiB}, {@code 64k}, {@code 16 MiB}
 * ({@code k}, {@code KB} and {@code KiB} all mean 1,024 bytes; {@code M}, {@code MB}, {@code MiB}
 * 1,048,576). Whether the value is in range is the validator's business. Stateless; any thread.
 */
public final class SizeText {

  /** How to write a size, for messages. */
  public static final String FORMS = "bytes (65536), KiB (64 KiB) or MiB (16 MiB)";

  private static final int MAX_DIGITS = 9;

  private SizeText() {}

  /** The number of bytes {@code text} names, or empty when it is not one of the {@link #FORMS}. */
  public static Optional<Integer> parse(String text) {
    String value = text == null ? "" : text.strip();
    int digits = 0;
    while (digits < value.length() && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == 0 || digits > MAX_DIGITS) {
      return Optional.empty();
    }
    long amount = Long.parseLong(value.substring(0, digits));
    long unit = switch (value.substring(digits).strip().toLowerCase(Locale.ROOT)) {
      case "", "b", "bytes" -> 1;
      case "k", "kb", "kib" -> 1024;
      case "m", "mb", "mib" -> 1024 * 1024;
      default -> -1;
    };
    long bytes = amount * unit;
    return unit < 0 || bytes > Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) bytes);
  }

  /** The shortest exact form: {@code 16 MiB}, {@code 64 KiB}, {@code 1000}. */
  public static String format(int bytes) {
    if (bytes > 0 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes > 0 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return Integer.toString(bytes);
  }
}
