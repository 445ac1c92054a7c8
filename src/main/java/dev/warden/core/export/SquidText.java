package dev.warden.core.export;

/** What squid.conf can carry in one unquoted token or to the end of a line. */
final class SquidText {

  private SquidText() {}

  /** Non-empty, no whitespace, no control characters, no quote: one squid.conf token as it is. */
  static boolean isToken(String value) {
    return !value.isEmpty() && value.chars().noneMatch(c -> c <= ' ' || c == 0x7f || c == '"');
  }

  /** A user name Squid's ACLs and both password files can hold: a token without ':'. */
  static boolean isUserName(String value) {
    return isToken(value) && value.indexOf(':') < 0;
  }

  /** Text to the end of a squid.conf line: control characters (a line break above all) become spaces. */
  static String line(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(c -> out.appendCodePoint(c < ' ' || c == 0x7f ? ' ' : c));
    return out.toString().strip();
  }
}
