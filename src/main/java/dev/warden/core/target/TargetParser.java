package dev.warden.core.target;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The one parser behind {@link RequestTarget#parse}. */
final class TargetParser {

  static final int HTTP_PORT = 80;
  static final int HTTPS_PORT = 443;

  private static final String SUB_DELIMS = "!$&'()*+,;=";

  private TargetParser() {}

  static RequestTarget parse(String method, String target, List<String> hostFields) {
    Objects.requireNonNull(method);
    Objects.requireNonNull(target);
    List<String> fields = List.copyOf(hostFields);
    try {
      return parseOrRefuse(method, target, fields);
    } catch (RefusalException refused) {
      return new RequestTarget.Refused(refused.refusal(), shown(target));
    }
  }

  private static RequestTarget parseOrRefuse(
      String method, String target, List<String> hostFields) {
    if (target.isEmpty()) {
      throw new RefusalException(Refusal.EMPTY_TARGET);
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new RefusalException(Refusal.FORBIDDEN_CHARACTER);
      }
    }
    if (target.indexOf('#') >= 0) {
      // Clients must not send fragments (RFC 9112 3.2); parsers disagree on where "http://a#@b/"
      // ends its authority, so a fragment is refused rather than dropped.
      throw new RefusalException(Refusal.FRAGMENT);
    }
    if ("CONNECT".equals(method)) {
      if (target.indexOf('/') >= 0 || target.indexOf('?') >= 0 || target.indexOf('@') >= 0) {
        throw new RefusalException(Refusal.CONNECT_AUTHORITY_ONLY);
      }
      return new RequestTarget.Tunnel(Endpoint.parse(target, -1));
    }
    if (target.charAt(0) == '/') {
      return new RequestTarget.ToProxy(target, hostOfOriginForm(hostFields));
    }
    if (target.equals("*")) {
      if (!"OPTIONS".equals(method)) {
        throw new RefusalException(Refusal.ASTERISK_WITHOUT_OPTIONS);
      }
      return new RequestTarget.ToProxy(target, hostOfOriginForm(hostFields));
    }
    return absoluteForm(target, hostFields);
  }

  /**
   * Works on offsets into {@code target} and cuts only the authority and the path: it runs for every
   * forwarded request, and the intermediate strings (scheme, rest, hierarchy) were most of what
   * parsing a target allocated.
   */
  private static RequestTarget absoluteForm(String target, List<String> hostFields) {
    int colon = target.indexOf(':');
    if (colon <= 0 || !isScheme(target, colon)) {
      throw new RefusalException(Refusal.NOT_A_TARGET);
    }
    String scheme = scheme(target, colon);
    boolean plain = scheme.equals("http") || scheme.equals("ws");
    boolean secure = scheme.equals("https") || scheme.equals("wss");
    if (!target.startsWith("//", colon + 1)) {
      if (plain || secure) {
        throw new RefusalException(Refusal.MISSING_HOST);
      }
      String rest = target.substring(colon + 1);
      if (!rest.isEmpty() && IpLiterals.all(rest, IpLiterals::isDigit)) {
        throw new RefusalException(Refusal.AUTHORITY_FORM_WITHOUT_CONNECT);
      }
      throw new RefusalException(Refusal.UNSUPPORTED_SCHEME);
    }
    if (!plain && !secure) {
      throw new RefusalException(Refusal.UNSUPPORTED_SCHEME);
    }
    int start = colon + 3;
    int end = start;
    while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
      end++;
    }
    String authority = target.substring(start, end);
    String pathAndQuery = end == target.length()
        ? "/"
        : target.charAt(end) == '/' ? target.substring(end) : "/" + target.substring(end);
    int at = authority.lastIndexOf('@');
    boolean credentials = at >= 0;
    if (credentials) {
      checkUserinfo(authority.substring(0, at));
      authority = authority.substring(at + 1);
    }
    if (authority.isEmpty()) {
      throw new RefusalException(Refusal.MISSING_HOST);
    }
    Endpoint endpoint = Endpoint.parse(authority, secure ? HTTPS_PORT : HTTP_PORT);
    if (secure) {
      return new RequestTarget.Refused(
          Refusal.HTTPS_NEEDS_CONNECT,
          scheme + "://" + endpoint.hostField(HTTPS_PORT) + pathAndQuery);
    }
    return new RequestTarget.Forward(
        scheme, endpoint, pathAndQuery, credentials, hostFieldDiffers(hostFields, endpoint));
  }

  /** RFC 3986: {@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}. */
  private static boolean isScheme(String text) {
    return isScheme(text, text.length());
  }

  /** Whether {@code text}'s first {@code end} characters are a scheme (RFC 3986 §3.1). */
  private static boolean isScheme(String text, int end) {
    if (end == 0 || !isAlpha(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < end; i++) {
      char c = text.charAt(i);
      if (!(isAlpha(c) || IpLiterals.isDigit(c) || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** The scheme in lower case; the usual ones without a copy. */
  private static String scheme(String target, int colon) {
    if (colon == 4 && target.regionMatches(true, 0, "http", 0, 4)) {
      return "http";
    }
    if (colon == 5 && target.regionMatches(true, 0, "https", 0, 5)) {
      return "https";
    }
    return target.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /** RFC 3986: {@code *( unreserved / pct-encoded / sub-delims / ":" )}. Checked, then dropped. */
  private static void checkUserinfo(String userinfo) {
    for (int i = 0; i < userinfo.length(); i++) {
      char c = userinfo.charAt(i);
      if (c == '%') {
        if (i + 2 >= userinfo.length()
            || !IpLiterals.isHex(userinfo.charAt(i + 1))
            || !IpLiterals.isHex(userinfo.charAt(i + 2))) {
          throw new RefusalException(Refusal.BAD_USERINFO);
        }
        i += 2;
      } else if (!(isAlpha(c)
          || IpLiterals.isDigit(c)
          || "-._~".indexOf(c) >= 0
          || SUB_DELIMS.indexOf(c) >= 0
          || c == ':')) {
        throw new RefusalException(Refusal.BAD_USERINFO);
      }
    }
  }

  /** Absolute-form: the Host field is only compared (RFC 9112 3.2.2: ignored and replaced). */
  private static boolean hostFieldDiffers(List<String> hostFields, Endpoint endpoint) {
    if (hostFields.isEmpty()) {
      return false;
    }
    if (hostFields.size() > 1) {
      return true;
    }
    try {
      return !Endpoint.parse(hostFieldText(hostFields.get(0)), HTTP_PORT).equals(endpoint);
    } catch (RefusalException invalid) {
      return true;
    }
  }

  /** Origin-form: the Host field names the proxy itself; it must be valid (RFC 9112 3.2). */
  private static Optional<Endpoint> hostOfOriginForm(List<String> hostFields) {
    if (hostFields.size() > 1) {
      throw new RefusalException(Refusal.MULTIPLE_HOST_FIELDS);
    }
    if (hostFields.isEmpty() || hostFields.get(0).isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Endpoint.parse(hostFieldText(hostFields.get(0)), HTTP_PORT));
    } catch (RefusalException invalid) {
      throw new RefusalException(Refusal.BAD_HOST_FIELD);
    }
  }

  /** The field value without surrounding whitespace; only visible ASCII is a host. */
  private static String hostFieldText(String value) {
    String text = value.strip();
    if (!IpLiterals.all(text, c -> c > ' ' && c < 0x7f)) {
      throw new RefusalException(Refusal.BAD_HOST_FIELD);
    }
    return text;
  }

  private static boolean isAlpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * What a refused target may show: everything from the authority up to the last {@code @} removed
   * (a refused target may be malformed anywhere, so any {@code @} may end a password), then
   * characters outside visible ASCII escaped.
   */
  private static String shown(String target) {
    String text = target;
    int at = text.lastIndexOf('@');
    if (at >= 0) {
      int scheme = text.indexOf("://");
      int start = scheme > 0 && scheme < at && isScheme(text.substring(0, scheme)) ? scheme + 3 : 0;
      text = text.substring(0, start) + text.substring(at + 1);
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > ' ' && c < 0x7f) {
        out.append(c);
      } else if (c <= 0xff) {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.toString();
  }
}
