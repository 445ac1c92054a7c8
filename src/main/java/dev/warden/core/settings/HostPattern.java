package dev.warden.core.settings;

import java.util.Locale;
import java.util.Objects;

/**
 * A destination pattern of a realm: {@code api.example.com}, {@code *.corp.example} (any name below
 * corp.example, not corp.example itself), {@code [::1]}, each optionally with {@code :PORT}
 * ({@code api.example.com:8443}). Without a port it matches every port. Host names compare
 * case-insensitively. Immutable.
 */
public final class HostPattern {

  private final String text;
  private final String host;
  private final boolean wildcard;
  private final int port;

  private HostPattern(String text, String host, boolean wildcard, int port) {
    this.text = text;
    this.host = host;
    this.wildcard = wildcard;
    this.port = port;
  }

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException with a message fit for the user
   */
  public static HostPattern parse(String text) {
    Objects.requireNonNull(text);
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a host pattern is empty");
    }
    String hostPart = value;
    int port = -1;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + text + "': missing ']' after the IPv6 address");
      }
      hostPart = value.substring(1, close);
      String rest = value.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("'" + text + "': expected ':PORT' after ']'");
        }
        port = parsePort(text, rest.substring(1));
      }
    } else {
      int colon = value.lastIndexOf(':');
      if (colon >= 0) {
        if (value.indexOf(':') != colon) {
          throw new IllegalArgumentException("'" + text + "': write IPv6 addresses in brackets, [::1]");
        }
        hostPart = value.substring(0, colon);
        port = parsePort(text, value.substring(colon + 1));
      }
    }
    boolean wildcard = hostPart.startsWith("*.");
    String name = wildcard ? hostPart.substring(2) : hostPart;
    if (name.isEmpty() || name.contains("*")) {
      throw new IllegalArgumentException(
          "'" + text + "': '*' is allowed only as a leading '*.' (e.g. *.corp.example)");
    }
    if (!name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '_'))) {
      // Destinations arrive in their ASCII (xn--) form, so a Unicode pattern would never match.
      throw new IllegalArgumentException(
          "'" + text + "': a host holds ASCII letters, digits, '.', '-', '_' only (write IDNs as xn--...)");
    }
    return new HostPattern(text.strip(), name, wildcard, port);
  }

  private static int parsePort(String text, String port) {
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("'" + text + "': '" + port + "' is not a port number");
    }
    int value = Integer.parseInt(port);
    if (value < 1 || value > 65_535) {
      throw new IllegalArgumentException("'" + text + "': port " + value + " is outside 1-65535");
    }
    return value;
  }

  /** Whether a destination falls under this pattern. {@code host} without IPv6 brackets. Any thread. */
  public boolean matches(String destinationHost, int destinationPort) {
    if (port >= 0 && port != destinationPort) {
      return false;
    }
    String candidate = destinationHost.toLowerCase(Locale.ROOT);
    if (candidate.endsWith(".")) {
      candidate = candidate.substring(0, candidate.length() - 1);
    }
    return wildcard ? candidate.endsWith("." + host) : candidate.equals(host);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostPattern other && text.equalsIgnoreCase(other.text);
  }

  @Override
  public int hashCode() {
    return text.toLowerCase(Locale.ROOT).hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
