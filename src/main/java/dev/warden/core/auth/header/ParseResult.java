package dev.warden.core.auth.header;

import java.util.Objects;
import java.util.Optional;

/**
 * What a parse gives: the {@link Parsed} value, or why there is none ({@link Failed}). Immutable; any
 * thread.
 *
 * @param <T> the parsed value's type
 */
public sealed interface ParseResult<T> permits ParseResult.Parsed, ParseResult.Failed {

  /** The input was well formed. */
  record Parsed<T>(T value) implements ParseResult<T> {
    public Parsed {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The input was not well formed.
   *
   * @param reason short and plain, such as {@code unterminated quoted string at 17}; when several field
   *     values were parsed together and there is more than one, it starts with {@code field 2: }. It
   *     quotes no input character except a control character, so it holds no secret and may be logged
   *     or shown
   * @param field the index, from 0, of the field value at fault among those parsed together
   * @param position the index, from 0, of the character at fault in that field value, or its length
   *     when the value ended too early
   */
  record Failed<T>(String reason, int field, int position) implements ParseResult<T> {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The parsed value, or empty for a failure. */
  default Optional<T> parsed() {
    return this instanceof Parsed<T> parsed ? Optional.of(parsed.value()) : Optional.empty();
  }

  /** Whether the input was well formed. */
  default boolean isParsed() {
    return this instanceof Parsed;
  }
}
