package dev.warden.core.har;

import dev.warden.core.traffic.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two request fields that carry credentials, {@code Proxy-Authorization} and {@code
 * Authorization}, and how a capture hides them. Pure functions; any thread.
 */
public final class CredentialFields {

  /** What replaces everything after the scheme of a redacted field. */
  public static final String REDACTED = "[redacted]";

  private CredentialFields() {}

  /** Whether {@code name} is one of the two credential fields, in any case. */
  public static boolean isCredentialField(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("proxy-authorization") || lower.equals("authorization");
  }

  /**
   * The headers with each credential field's value cut to its scheme and {@link #REDACTED}, e.g.
   * {@code Basic [redacted]}: the scheme stays (it is what an authentication question is about), the
   * user name and anything else go.
   */
  public static List<Header> redacted(List<Header> headers) {
    return replaced(headers, REDACTED);
  }

  /**
   * The headers with each credential field's value cut to its scheme and {@code ***}, as Warden
   * records an origin's credentials: what an imported capture (a browser's HAR holds real
   * passwords and tokens) is reduced to before anything shows it.
   */
  public static List<Header> masked(List<Header> headers) {
    List<Header> out = new ArrayList<>(headers.size());
    for (Header h : headers) {
      out.add(
          isCredentialField(h.name()) && !isMasked(h.value())
              ? new Header(h.name(), scheme(h.value()) + " ***")
              : h);
    }
    return out;
  }

  /**
   * Whether a value already hides its secret the ways Warden writes it: {@code Basic alice:***},
   * {@code Digest username="alice", response=***}, {@code Basic ***}, {@code Basic [redacted]}.
   */
  static boolean isMasked(String value) {
    String v = value.strip();
    String rest = v.indexOf(' ') < 0 ? "" : v.substring(v.indexOf(' ') + 1).strip();
    if (rest.equals("***") || rest.equals(REDACTED) || rest.equals("(unreadable)")) {
      return true;
    }
    String scheme = scheme(v).toLowerCase(Locale.ROOT);
    if (scheme.equals("basic")) {
      return rest.endsWith(":***") && rest.indexOf(':') == rest.length() - 4;
    }
    if (scheme.equals("digest")) {
      return rest.matches("username=\"[^\"]*\", response=\\*\\*\\*");
    }
    return false;
  }

  private static List<Header> replaced(List<Header> headers, String mask) {
    List<Header> out = new ArrayList<>(headers.size());
    for (Header h : headers) {
      out.add(
          isCredentialField(h.name()) ? new Header(h.name(), scheme(h.value()) + " " + mask) : h);
    }
    return out;
  }

  /** The first word of a credentials value: its scheme. */
  static String scheme(String value) {
    String v = value.strip();
    int space = v.indexOf(' ');
    return space < 0 ? v : v.substring(0, space);
  }
}
