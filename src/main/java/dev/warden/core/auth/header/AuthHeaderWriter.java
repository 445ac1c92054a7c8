package dev.warden.core.auth.header;

import java.util.List;
import java.util.Objects;

/**
 * Writes challenges and credentials as field values (RFC 9110 §11.2–§11.4), the inverse of
 * {@link AuthHeaderParser}: parsing what this writes gives back an equal value.
 *
 * <p>A parameter is written as {@code name=value} when {@link AuthParam#quoted} is false (its value is
 * then a token), and as {@code name="value"} otherwise, with {@code "} and {@code \} escaped by
 * {@code \} and nothing else escaped. Parameters are separated by {@code ", "}, and so are challenges.
 *
 * <p>The result is a Java string. A quoted value may hold characters above U+007F (a realm typed by a
 * user, say); the caller must put the field on the wire as UTF-8 bytes, never as ISO-8859-1, and may
 * use {@link #isVisibleAscii} to tell whether that question arises at all. Every method is pure and
 * thread-safe.
 */
public final class AuthHeaderWriter {

  private AuthHeaderWriter() {}

  /**
   * One challenge or credentials: {@code scheme}, or {@code scheme token68}, or
   * {@code scheme name=value, name="value"}.
   */
  public static String write(AuthValue value) {
    StringBuilder text = new StringBuilder(value.scheme());
    if (value.hasToken68()) {
      text.append(' ').append(value.token68());
    }
    String separator = " ";
    for (AuthParam param : value.params()) {
      text.append(separator);
      appendParam(text, param);
      separator = ", ";
    }
    return text.toString();
  }

  /**
   * A {@code Proxy-Authenticate} or {@code WWW-Authenticate} field value holding every challenge, in
   * order, separated by {@code ", "}.
   *
   * @throws IllegalArgumentException if {@code challenges} is empty: such a field carries at least one
   */
  public static String writeChallenges(List<Challenge> challenges) {
    if (challenges.isEmpty()) {
      throw new IllegalArgumentException("a challenge field carries at least one challenge");
    }
    StringBuilder text = new StringBuilder();
    for (Challenge challenge : challenges) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(write(challenge));
    }
    return text.toString();
  }

  /** One parameter, {@code name=value} or {@code name="value"}, as {@link #write} puts it. */
  public static String write(AuthParam param) {
    StringBuilder text = new StringBuilder();
    appendParam(text, param);
    return text.toString();
  }

  /**
   * {@code text} as a quoted-string: in double quotes, with {@code "} and {@code \} escaped by
   * {@code \}.
   *
   * @throws IllegalArgumentException if {@code text} holds a control character other than HTAB, which
   *     no quoted-string may hold (see {@link #canQuote})
   */
  public static String quote(String text) {
    if (!canQuote(text)) {
      throw new IllegalArgumentException("a quoted-string cannot hold a control character");
    }
    StringBuilder quoted = new StringBuilder(text.length() + 2);
    appendQuoted(quoted, text);
    return quoted.toString();
  }

  /**
   * Whether {@code text} can be a parameter value at all: it holds no control character other than
   * HTAB (so no CR or LF either). A realm or other text from the user should be checked with this
   * before it goes into an {@link AuthParam}.
   */
  public static boolean canQuote(String text) {
    return HeaderSyntax.isQuotable(Objects.requireNonNull(text, "text"));
  }

  /**
   * Whether {@code text} is an RFC 9110 token, which a parameter value may be written as without
   * quotes. The empty string is not.
   */
  public static boolean isToken(String text) {
    return HeaderSyntax.isToken(Objects.requireNonNull(text, "text"));
  }

  /**
   * Whether {@code text} is only visible ASCII (RFC 5234 VCHAR, U+0021–U+007E) and SP or HTAB: then
   * its bytes are the same in every charset a peer might assume, and it holds no control character.
   */
  public static boolean isVisibleAscii(String text) {
    return HeaderSyntax.isVisibleAscii(Objects.requireNonNull(text, "text"));
  }

  private static void appendParam(StringBuilder text, AuthParam param) {
    text.append(param.name()).append('=');
    if (param.quoted()) {
      appendQuoted(text, param.value());
    } else {
      text.append(param.value());
    }
  }

  /**
   * Appends {@code value} as a quoted-string to {@code text}: the {@link #quote} form, without its
   * check, for values already known to be quotable (any {@link AuthParam}'s value, or one read by
   * {@link AuthHeaderParser}).
   */
  public static void appendQuoted(StringBuilder text, String value) {
    text.append('"');
    if (value.indexOf('"') < 0 && value.indexOf('\\') < 0) {
      text.append(value).append('"');
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\');
      }
      text.append(c);
    }
    text.append('"');
  }
}
