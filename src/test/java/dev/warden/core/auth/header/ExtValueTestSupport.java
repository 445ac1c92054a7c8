package dev.warden.core.auth.header;

/** What the property tests need to know about strings that UTF-8 can carry. */
final class ExtValueTestSupport {

  private ExtValueTestSupport() {}

  static boolean hasNoUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
