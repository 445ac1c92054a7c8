package dev.warden.core.replay;

/** POSIX shell quoting. Pure; any thread. */
public final class ShellQuote {

  private ShellQuote() {}

  /**
   * {@code text} in single quotes, each {@code '} inside written as {@code '\''}: safe for any text
   * in sh, bash, zsh and dash, newlines and {@code $} included (nothing is expanded).
   */
  public static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /**
   * A {@code printf} format that prints exactly {@code bytes}: printable ASCII as is, everything
   * else as a three-digit octal escape, {@code %} and {@code \} escaped; single-quoted.
   */
  public static String printfFormat(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c == '%') {
        out.append("%%");
      } else if (c == '\\') {
        out.append("\\\\");
      } else if (c >= 0x20 && c < 0x7f && c != '\'') {
        out.append((char) c);
      } else {
        out.append('\\').append(String.format("%03o", c));
      }
    }
    return "'" + out + "'";
  }
}
