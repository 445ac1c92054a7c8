package dev.warden.core.settings;

import java.util.Objects;

/**
 * Where the proxy listens: a host (name or literal IPv4/IPv6 address) and a port, 0 meaning "any free
 * port". Immutable; safe to share between threads.
 */
public record ListenAddress(String host, int port) {

  /** Warden's default: loopback only, the port Squid made familiar. */
  public static final ListenAddress DEFAULT = new ListenAddress("127.0.0.1", 3128);

  public ListenAddress {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the listen host is empty");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is outside 0-65535");
    }
  }

  /**
   * Parses {@code HOST:PORT}, {@code [IPV6]:PORT} or a bare {@code PORT} (loopback implied).
   *
   * @throws IllegalArgumentException with a message fit for the user when the text is not an address
   */
  public static ListenAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the listen address is empty (expected HOST:PORT)");
    }
    String value = text.strip();
    String host;
    String port;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0 || close + 1 >= value.length() || value.charAt(close + 1) != ':') {
        throw new IllegalArgumentException("'" + value + "' is not [IPV6]:PORT");
      }
      host = value.substring(1, close);
      port = value.substring(close + 2);
    } else if (value.chars().allMatch(Character::isDigit)) {
      host = DEFAULT.host();
      port = value;
    } else {
      int colon = value.lastIndexOf(':');
      if (colon <= 0 || value.indexOf(':') != colon) {
        throw new IllegalArgumentException("'" + value + "' is not HOST:PORT");
      }
      host = value.substring(0, colon);
      port = value.substring(colon + 1);
    }
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException(
          "'" + value + "': '" + port + "' is not a port number (0-65535)");
    }
    return new ListenAddress(host, Integer.parseInt(port));
  }

  /** The form {@link #parse} accepts: {@code host:port}, IPv6 literals in brackets. */
  /** The host a client on this machine connects to: loopback for a wildcard address, brackets dropped. */
  public String reachableHost() {
    return switch (host) {
      case "0.0.0.0", "" -> "127.0.0.1";
      case "::", "[::]" -> "::1";
      default ->
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    };
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
