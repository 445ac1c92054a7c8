package dev.warden.core.connect;

/** Python string literals. Pure; any thread. */
final class PythonString {

  private PythonString() {}

  /** {@code text} as a double-quoted Python literal; quotes, backslashes and control characters escaped. */
  static String of(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
