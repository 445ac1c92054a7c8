package dev.warden.core.target;

import java.util.Objects;

/**
 * A canonical destination: host and port. What realm patterns are matched against and what the
 * engine connects to.
 *
 * @param host canonical host
 * @param port 1-65535
 */
public record Endpoint(CanonicalHost host, int port) {

  public Endpoint {
    Objects.requireNonNull(host);
    if (port < 1 || port > 65_535) {
      throw new RefusalException(Refusal.BAD_PORT);
    }
  }

  /**
   * Parses {@code host[:port]} as in a Host field or a CONNECT target ({@code uri-host [":" port]}).
   *
   * @param defaultPort the port when none is written, or -1 when a port is required
   * @throws RefusalException why it is not a destination
   */
  public static Endpoint parse(String authority, int defaultPort) {
    Objects.requireNonNull(authority);
    Recent recent = RECENT.get();
    Endpoint known = recent.find(authority, defaultPort);
    if (known != null) {
      return known;
    }
    Endpoint parsed = parseAnew(authority, defaultPort);
    recent.remember(authority, defaultPort, parsed);
    return parsed;
  }

  /**
   * The last few authorities each thread parsed. A keep-alive connection names the same destination
   * in request after request (and again in its Host field), and canonicalising a host is the
   * costliest part of reading a target: measured at a fifth of the client loop's time under load.
   * Parsing is a pure function of its text, so a remembered answer is the answer; refusals are not
   * remembered (they throw). Per thread, so no locking; a handful of entries, so bounded.
   */
  private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

  private static final class Recent {
    private static final int SIZE = 4;
    private final String[] texts = new String[SIZE];
    private final int[] defaults = new int[SIZE];
    private final Endpoint[] endpoints = new Endpoint[SIZE];
    private int next;

    Endpoint find(String text, int defaultPort) {
      for (int i = 0; i < SIZE; i++) {
        if (defaults[i] == defaultPort && text.equals(texts[i])) {
          return endpoints[i];
        }
      }
      return null;
    }

    void remember(String text, int defaultPort, Endpoint endpoint) {
      texts[next] = text;
      defaults[next] = defaultPort;
      endpoints[next] = endpoint;
      next = (next + 1) % SIZE;
    }
  }

  /** {@link #parse} without the memory of recent answers. */
  static Endpoint parseAnew(String authority, int defaultPort) {
    String hostText = authority;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new RefusalException(Refusal.BAD_IPV6);
      }
      hostText = authority.substring(0, close + 1);
      String rest = authority.substring(close + 1);
      if (!rest.isEmpty()) {
        if (rest.charAt(0) != ':') {
          throw new RefusalException(Refusal.BAD_IPV6);
        }
        portText = rest.substring(1);
      }
    } else {
      int colon = authority.indexOf(':');
      if (colon >= 0) {
        if (authority.indexOf(':', colon + 1) >= 0) {
          boolean ipv6Like =
              IpLiterals.all(authority, c -> IpLiterals.isHex(c) || c == ':' || c == '.');
          throw new RefusalException(ipv6Like ? Refusal.IPV6_NEEDS_BRACKETS : Refusal.BAD_PORT);
        }
        hostText = authority.substring(0, colon);
        portText = authority.substring(colon + 1);
      }
    }
    CanonicalHost host = CanonicalHost.parse(hostText);
    int port;
    if (portText == null || portText.isEmpty()) {
      // RFC 3986 3.2.3 allows an empty port ("host:"), meaning the scheme's default.
      if (defaultPort < 0) {
        throw new RefusalException(Refusal.PORT_REQUIRED);
      }
      port = defaultPort;
    } else {
      port = parsePort(portText);
    }
    return new Endpoint(host, port);
  }

  /** {@code port = *DIGIT} (RFC 3986), 1-65535; leading zeros allowed, no sign, no spaces. */
  static int parsePort(String text) {
    if (!IpLiterals.all(text, IpLiterals::isDigit)) {
      throw new RefusalException(Refusal.BAD_PORT);
    }
    String significant = IpLiterals.withoutLeadingZeros(text);
    if (significant.length() > 5) {
      throw new RefusalException(Refusal.BAD_PORT);
    }
    int port = Integer.parseInt(significant);
    if (port < 1 || port > 65_535) {
      throw new RefusalException(Refusal.BAD_PORT);
    }
    return port;
  }

  /** {@code host:port}, IPv6 in brackets: the CONNECT form and the display of a tunnel. */
  public String authority() {
    return host.uriText() + ":" + port;
  }

  /** The Host field value: {@code host}, or {@code host:port} when the port is not {@code defaultPort}. */
  public String hostField(int defaultPort) {
    return port == defaultPort ? host.uriText() : authority();
  }

  @Override
  public String toString() {
    return authority();
  }
}
