package dev.warden.core.auth;

import java.util.List;

/**
 * The request's Proxy-Authorization fields read down to "scheme + the rest", before any scheme looks
 * at them (RFC 9110 §11.4, §11.7.2). Immutable values; {@link #read} is stateless, any thread.
 */
sealed interface ProxyAuthorization {

  /** Longest field value Warden reads; longer ones are malformed, not parsed. */
  int MAX_LENGTH = 4096;

  /** No Proxy-Authorization field. */
  record Absent() implements ProxyAuthorization {}

  /** A field no scheme could make sense of; {@code detail} is short and holds no secret. */
  record Unreadable(String detail) implements ProxyAuthorization {}

  /**
   * One field with a syntactically valid scheme token.
   *
   * @param scheme the scheme token as the client spelled it
   * @param credentials everything after the scheme and its separating whitespace: a secret, never
   *     log or show it
   */
  record Present(String scheme, String credentials) implements ProxyAuthorization {
    @Override
    public String toString() {
      return "Present[" + scheme + " ***]";
    }
  }

  /** Reads every Proxy-Authorization field value of a request, in order. Never throws. */
  static ProxyAuthorization read(List<String> fields) {
    if (fields.isEmpty()) {
      return new Absent();
    }
    if (fields.size() > 1) {
      return new Unreadable("several Proxy-Authorization fields");
    }
    String value = fields.get(0);
    if (value.length() > MAX_LENGTH) {
      return new Unreadable("oversize (" + value.length() + " characters)");
    }
    int start = 0;
    int end = value.length();
    while (start < end && isWhitespace(value.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(value.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return new Unreadable("empty Proxy-Authorization field");
    }
    int schemeEnd = start;
    while (schemeEnd < end && !isWhitespace(value.charAt(schemeEnd))) {
      schemeEnd++;
    }
    String scheme = value.substring(start, schemeEnd);
    if (!isToken(scheme)) {
      return new Unreadable("invalid scheme name");
    }
    int rest = schemeEnd;
    while (rest < end && isWhitespace(value.charAt(rest))) {
      rest++;
    }
    return new Present(scheme, value.substring(rest, end));
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  /** RFC 9110 §5.6.2 token: what a scheme name may be made of. */
  private static boolean isToken(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean tchar = (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!tchar) {
        return false;
      }
    }
    return true;
  }
}
