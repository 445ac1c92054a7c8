package dev.warden.core.settings;

import dev.warden.core.target.CanonicalHost;
import dev.warden.core.target.RefusalException;
import java.util.Locale;
import java.util.Objects;

/**
 * A destination pattern of a realm: {@code api.example.com}, {@code *.corp.example} (any name below
 * corp.example, not corp.example itself), {@code [::1]}, each optionally with {@code :PORT}
 * ({@code api.example.com:8443}). Without a port it matches every port. The host is canonicalised
 * when the pattern is compiled, by the same parser as request targets ({@link CanonicalHost}), so a
 * pattern matches however either side writes the address or name. Immutable.
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
          throw new IllegalArgumentException(
              "'" + text + "': write IPv6 addresses in brackets, [::1]");
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
    return new HostPattern(
        text.strip(), canonical(text, name, wildcard, value.startsWith("[")), wildcard, port);
  }

  /**
   * The host as the request target's parser spells it ({@link CanonicalHost}): destinations are
   * matched in that spelling, so {@code 127.1}, {@code [::ffff:127.0.0.1]} and {@code 2130706433}
   * must become {@code 127.0.0.1}, {@code EXAMPLE.com.} {@code example.com}, and a Unicode name its
   * {@code xn--} form, or the pattern would never match the destination it names.
   */
  private static String canonical(String text, String name, boolean wildcard, boolean bracketed) {
    CanonicalHost host;
    try {
      host = CanonicalHost.parse(bracketed ? "[" + name + "]" : name);
    } catch (RefusalException e) {
      throw new IllegalArgumentException(
          "'" + text + "': " + lowerFirst(e.refusal().sentence()), e);
    }
    if (wildcard && host.isIpLiteral()) {
      throw new IllegalArgumentException(
          "'" + text + "': '*.' goes before a name, not an IP address");
    }
    return host.text();
  }

  private static String lowerFirst(String sentence) {
    String plain = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    return Character.toLowerCase(plain.charAt(0)) + plain.substring(1);
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

  /**
   * Whether a destination falls under this pattern. {@code host} is the canonical host of the request
   * target ({@link CanonicalHost#text()}: no IPv6 brackets); only case and a trailing dot are forgiven
   * here, since the proxy path calls this per request. Any thread.
   */
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

  /** Two patterns are equal when they match the same destinations: {@code 127.1} equals {@code 127.0.0.1}. */
  @Override
  public boolean equals(Object o) {
    return o instanceof HostPattern other
        && host.equals(other.host)
        && wildcard == other.wildcard
        && port == other.port;
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, wildcard, port);
  }

  /** The canonical host this pattern matches (without {@code *.}). */
  public String host() {
    return host;
  }

  @Override
  public String toString() {
    return text;
  }
}
