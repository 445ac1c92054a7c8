package dev.warden.core.auth.header;

import java.util.List;
import java.util.Objects;

/**
 * Character classes of RFC 9110 §5.6 and RFC 8187 §3.2.1, as used by the parser, the writer and the
 * values' own checks. Stateless; any thread.
 */
final class HeaderSyntax {

  /** The tchars below U+0080, by code: every character of every credentials passes through here. */
  private static final boolean[] TCHAR = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      TCHAR[c] = (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
  }

  private HeaderSyntax() {}

  /** RFC 9110 §5.6.2 tchar. */
  static boolean isTchar(char c) {
    return c < 128 && TCHAR[c];
  }

  /** The characters of RFC 9110 §11.2 token68 before its trailing {@code =} padding. */
  static boolean isToken68Char(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '+'
        || c == '/';
  }

  /** SP or HTAB: what RFC 9110 §5.6.3 OWS and BWS are made of. */
  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  /**
   * A control character that may appear nowhere in a field value: every CTL of RFC 5234 except HTAB,
   * that is U+0000–U+0008, U+000A–U+001F and U+007F.
   */
  static boolean isForbiddenControl(char c) {
    return (c < 0x20 && c != '\t') || c == 0x7f;
  }

  /** One or more tchar. */
  static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!isTchar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** RFC 9110 §11.2 token68: one or more token68 characters, then any number of {@code =}. */
  static boolean isToken68(String text) {
    int i = 0;
    while (i < text.length() && isToken68Char(text.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return false;
    }
    while (i < text.length() && text.charAt(i) == '=') {
      i++;
    }
    return i == text.length();
  }

  /**
   * Whether {@code text} can stand inside a quoted-string: no forbidden control character. Every
   * character above U+007F counts as obs-text; the caller sends the field as UTF-8.
   */
  static boolean isQuotable(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isForbiddenControl(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Only SP, HTAB and RFC 5234 VCHAR (U+0021–U+007E). */
  static boolean isVisibleAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c == ' ' || c == '\t' || (c >= 0x21 && c <= 0x7e))) {
        return false;
      }
    }
    return true;
  }

  /**
   * How a failure names a control character: as a Java-style escape in single quotes ({@code u0001}
   * after a backslash, for U+0001). Reasons name no other input character, since credentials are
   * secrets.
   */
  static String describe(char c) {
    return String.format("'\\u%04x'", (int) c);
  }

  /** The shape check that {@link Challenge} and {@link Credentials} share; see their constructors. */
  static void checkShape(String scheme, String token68, List<AuthParam> params) {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(token68, "token68");
    Objects.requireNonNull(params, "params");
    if (!isToken(scheme)) {
      throw new IllegalArgumentException("scheme is not a token: " + scheme);
    }
    if (!token68.isEmpty() && !isToken68(token68)) {
      throw new IllegalArgumentException("not a token68");
    }
    if (!token68.isEmpty() && !params.isEmpty()) {
      throw new IllegalArgumentException("a token68 and parameters cannot go together");
    }
  }
}
