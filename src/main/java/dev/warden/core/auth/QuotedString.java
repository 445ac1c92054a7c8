package dev.warden.core.auth;

/**
 * Writes an HTTP quoted-string (RFC 9110 §5.6.4) for challenge parameters such as {@code realm}.
 * Stateless; any thread.
 */
final class QuotedString {

  private QuotedString() {}

  /**
   * {@code text} in double quotes, with {@code "} and {@code \} escaped by {@code \}. Control
   * characters other than HTAB cannot appear in a quoted-string at all, and CR or LF would split the
   * header, so each becomes {@code ?}. Characters above U+007F are kept as they are: the code that
   * writes the field must send them as UTF-8, never as Latin-1.
   */
  static String of(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    String printable = quotable(text);
    for (int i = 0; i < printable.length(); i++) {
      char c = printable.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    return quoted.append('"').toString();
  }

  /**
   * {@code text} with each control character other than HTAB replaced by {@code ?}: what a
   * quoted-string can carry (an {@code AuthParam} refuses the rest).
   */
  static String quotable(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\t' && Character.getType(c) == Character.CONTROL) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, '?');
      }
    }
    return out == null ? text : out.toString();
  }
}
