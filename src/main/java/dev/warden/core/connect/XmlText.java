package dev.warden.core.connect;

/** XML character data. Pure; any thread. */
final class XmlText {

  private XmlText() {}

  /** {@code text} with {@code & < > " '} as entities. */
  static String of(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
