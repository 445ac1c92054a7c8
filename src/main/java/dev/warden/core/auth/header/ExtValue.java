package dev.warden.core.auth.header;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An RFC 8187 {@code ext-value}, the value of a parameter whose name ends in {@code *} such as Digest's
 * {@code username*=UTF-8''J%C3%A4s%C3%B8n%20Doe} (RFC 7616 §3.4.4):
 *
 * <pre>
 * ext-value   = charset "'" [ language ] "'" value-chars
 * value-chars = *( pct-encoded / attr-char )
 * </pre>
 *
 * <p>Only the two charsets RFC 8187 requires are supported, UTF-8 and ISO-8859-1, named in any case.
 * Immutable; every method is pure and thread-safe; {@link #decode} never throws for any string.
 *
 * @param charset {@link StandardCharsets#UTF_8} or {@link StandardCharsets#ISO_8859_1}
 * @param language the language tag as written, such as {@code en}, or {@code ""}
 * @param value the decoded Unicode text
 */
public record ExtValue(Charset charset, String language, String value) {

  private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * Checks that the value can be encoded.
   *
   * @throws IllegalArgumentException if the charset is neither UTF-8 nor ISO-8859-1, the language holds
   *     anything but ASCII letters, digits and {@code -}, or the charset cannot encode {@code value}
   *     (an unpaired surrogate, or a character above U+00FF in ISO-8859-1)
   */
  public ExtValue {
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(value, "value");
    if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.ISO_8859_1)) {
      throw new IllegalArgumentException("charset must be UTF-8 or ISO-8859-1: " + charset);
    }
    for (int i = 0; i < language.length(); i++) {
      if (!isLanguageChar(language.charAt(i))) {
        throw new IllegalArgumentException("not a language tag: " + language);
      }
    }
    if (!charset.newEncoder().canEncode(value)) {
      throw new IllegalArgumentException("value cannot be encoded in " + charset.name());
    }
  }

  /**
   * {@code value} in UTF-8 with no language, the form senders should use.
   *
   * @throws IllegalArgumentException if {@code value} holds an unpaired surrogate
   */
  public static ExtValue utf8(String value) {
    return new ExtValue(StandardCharsets.UTF_8, "", value);
  }

  /**
   * Reads an ext-value such as {@code UTF-8''%c2%a3%20rates} or {@code iso-8859-1'en'%A3%20rates}.
   * Fails, with a short reason that quotes no input character, on a missing {@code '}, a charset other
   * than UTF-8 or ISO-8859-1, a bad language tag, a character that is neither attr-char nor part of a
   * {@code %} escape, a {@code %} not followed by two hex digits, or bytes that are not valid UTF-8.
   */
  public static ParseResult<ExtValue> decode(String text) {
    return decode((CharSequence) text);
  }

  /**
   * {@link #decode(String)} for any character sequence, so that a test can count what it reads.
   * Production passes only strings, through the overload above; the calls on {@code text} thus see
   * one class and the JIT inlines them as if they were {@link String}'s own.
   */
  static ParseResult<ExtValue> decode(CharSequence text) {
    Objects.requireNonNull(text, "text");
    int length = text.length();
    int charsetEnd = indexOfApostrophe(text, 0, length);
    if (charsetEnd < 0) {
      return failed("expected an apostrophe after the charset", length);
    }
    int languageEnd = indexOfApostrophe(text, charsetEnd + 1, length);
    if (languageEnd < 0) {
      return failed("expected an apostrophe after the language", length);
    }
    String charsetName = text.subSequence(0, charsetEnd).toString();
    Charset charset;
    if (charsetName.equalsIgnoreCase("UTF-8")) {
      charset = StandardCharsets.UTF_8;
    } else if (charsetName.equalsIgnoreCase("ISO-8859-1")) {
      charset = StandardCharsets.ISO_8859_1;
    } else if (charsetName.isEmpty()) {
      return failed("empty charset", 0);
    } else {
      return failed("unsupported charset; only UTF-8 and ISO-8859-1 are", 0);
    }
    String language = text.subSequence(charsetEnd + 1, languageEnd).toString();
    for (int i = 0; i < language.length(); i++) {
      if (!isLanguageChar(language.charAt(i))) {
        return failed("bad language tag at " + (charsetEnd + 1 + i), charsetEnd + 1 + i);
      }
    }

    byte[] bytes = new byte[length];
    int count = 0;
    int i = languageEnd + 1;
    while (i < length) {
      char c = text.charAt(i);
      if (c == '%') {
        int high = i + 1 < length ? Character.digit(text.charAt(i + 1), 16) : -1;
        int low = i + 2 < length ? Character.digit(text.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0 || !isAscii(text.charAt(i + 1)) || !isAscii(text.charAt(i + 2))) {
          return failed("bad % escape at " + i, i);
        }
        bytes[count++] = (byte) (high * 16 + low);
        i += 3;
      } else if (isAttrChar(c)) {
        bytes[count++] = (byte) c;
        i++;
      } else {
        String which = HeaderSyntax.isForbiddenControl(c) ? " " + HeaderSyntax.describe(c) : "";
        return failed("bad character" + which + " at " + i, i);
      }
    }

    try {
      String value = charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, count))
          .toString();
      return new ParseResult.Parsed<>(new ExtValue(charset, language, value));
    } catch (CharacterCodingException e) {
      return failed("not valid UTF-8", languageEnd + 1);
    }
  }

  /**
   * This value as an ext-value: the charset's canonical name, the language, and every byte that is not
   * an attr-char as an upper-case {@code %} escape, such as {@code UTF-8''J%C3%A4s%C3%B8n%20Doe}. The
   * result is visible ASCII and a token, so it goes into a parameter unquoted.
   */
  public String encode() {
    StringBuilder text =
        new StringBuilder(charset.name()).append('\'').append(language).append('\'');
    ByteBuffer bytes;
    try {
      bytes = charset.newEncoder().encode(CharBuffer.wrap(value));
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("checked by the constructor", e);
    }
    while (bytes.hasRemaining()) {
      int b = bytes.get() & 0xff;
      if (b < 0x80 && isAttrChar((char) b)) {
        text.append((char) b);
      } else {
        text.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
      }
    }
    return text.toString();
  }

  /**
   * {@code String.indexOf('\'', from)}, which a {@link CharSequence} lacks; a charset name and a
   * language tag are a few characters, so its vectorised search would gain nothing.
   */
  private static int indexOfApostrophe(CharSequence text, int from, int length) {
    for (int i = from; i < length; i++) {
      if (text.charAt(i) == '\'') {
        return i;
      }
    }
    return -1;
  }

  private static ParseResult<ExtValue> failed(String reason, int position) {
    return new ParseResult.Failed<>(reason, 0, position);
  }

  private static boolean isAscii(char c) {
    return c < 0x80;
  }

  /** RFC 8187 attr-char: ALPHA, DIGIT and a few marks; a subset of tchar. */
  private static boolean isAttrChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || ATTR_CHAR_PUNCTUATION.indexOf(c) >= 0;
  }

  /** What an RFC 5646 language tag is made of; its finer structure is not checked. */
  private static boolean isLanguageChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  }
}
