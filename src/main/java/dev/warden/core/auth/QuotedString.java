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
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c != '\t' && Character.getType(c) == Character.CONTROL) {
        quoted.append('?');
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
