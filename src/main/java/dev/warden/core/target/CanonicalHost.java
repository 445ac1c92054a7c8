package dev.warden.core.target;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A destination host in the one spelling Warden compares, matches and connects to, so that every
 * way of writing the same destination is the same value: lower case, no trailing dot, IDNs in
 * their ASCII ({@code xn--}) form, IPv4 in dotted-quad (from any inet_aton notation, and from
 * IPv4-mapped IPv6), IPv6 in RFC 5952 text without brackets. Never resolves a name. Immutable.
 */
public final class CanonicalHost {

  /** What a canonical host is. */
  public enum Kind {
    /** A registered (DNS) name: LDH labels, {@code _} tolerated. */
    NAME,
    /** An IPv4 address, dotted quad. */
    IPV4,
    /** An IPv6 address, RFC 5952 text; never IPv4-mapped (those are {@link #IPV4}). */
    IPV6
  }

  private static final int MAX_NAME = 253;
  private static final int MAX_LABEL = 63;

  private final String text;
  private final Kind kind;
  private final byte[] address;

  private CanonicalHost(String text, Kind kind, byte[] address) {
    this.text = text;
    this.kind = kind;
    this.address = address;
  }

  /**
   * Canonicalises a host as written in a URI authority or a Host field ({@code uri-host} of RFC
   * 3986: a reg-name, possibly percent-encoded UTF-8, an IPv4 address in any inet_aton notation,
   * or an IPv6 address in brackets). Unicode names are accepted too (for settings typed by a user).
   *
   * @throws RefusalException with the reason the host is not a destination
   */
  public static CanonicalHost parse(String host) {
    Objects.requireNonNull(host);
    if (host.isEmpty()) {
      throw new RefusalException(Refusal.MISSING_HOST);
    }
    if (host.charAt(0) == '[') {
      return ipLiteral(host);
    }
    if (host.indexOf(']') >= 0) {
      throw new RefusalException(Refusal.BAD_HOST);
    }
    if (host.indexOf(':') >= 0) {
      throw new RefusalException(Refusal.IPV6_NEEDS_BRACKETS);
    }
    String name = percentDecode(host);
    if (!IpLiterals.all(name, c -> c < 0x80)) {
      try {
        name = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException notIdna) {
        throw new RefusalException(Refusal.BAD_IDN);
      }
    }
    name = name.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty()) {
      throw new RefusalException(Refusal.MISSING_HOST);
    }
    if (IpLiterals.looksLikeIpv4(name)) {
      return ipv4(IpLiterals.parseIpv4(name));
    }
    if (name.length() > MAX_NAME) {
      throw new RefusalException(Refusal.NAME_TOO_LONG);
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || !IpLiterals.all(label, CanonicalHost::isLdhOrUnderscore)) {
        throw new RefusalException(Refusal.BAD_HOST);
      }
      if (label.length() > MAX_LABEL) {
        throw new RefusalException(Refusal.NAME_TOO_LONG);
      }
    }
    return new CanonicalHost(name, Kind.NAME, null);
  }

  private static CanonicalHost ipLiteral(String host) {
    if (host.length() < 2 || host.charAt(host.length() - 1) != ']') {
      throw new RefusalException(Refusal.BAD_IPV6);
    }
    String inside = host.substring(1, host.length() - 1).toLowerCase(Locale.ROOT);
    if (inside.indexOf('%') >= 0) {
      throw new RefusalException(Refusal.ZONE_ID);
    }
    if (inside.startsWith("v")) {
      throw new RefusalException(Refusal.BAD_IPV6); // IPvFuture: nothing connects to it
    }
    byte[] address = IpLiterals.parseIpv6(inside);
    if (IpLiterals.isIpv4Mapped(address)) {
      byte[] v4 = new byte[4];
      System.arraycopy(address, 12, v4, 0, 4);
      return ipv4(v4);
    }
    boolean unspecified = true;
    for (byte b : address) {
      unspecified &= b == 0;
    }
    if (unspecified) {
      throw new RefusalException(Refusal.NOT_A_DESTINATION);
    }
    return new CanonicalHost(IpLiterals.ipv6Text(address), Kind.IPV6, address);
  }

  private static CanonicalHost ipv4(byte[] address) {
    if (address[0] == 0) {
      // 0.0.0.0/8 is "this host on this network" (RFC 1122 3.2.1.3): connecting to it reaches
      // this machine on Linux, so it would be 127.0.0.1 under another name.
      throw new RefusalException(Refusal.NOT_A_DESTINATION);
    }
    return new CanonicalHost(IpLiterals.ipv4Text(address), Kind.IPV4, address);
  }

  /** Decodes %XX escapes as UTF-8; anything else is left for the name rules to judge. */
  private static String percentDecode(String host) {
    if (host.indexOf('%') < 0) {
      return host;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(host.length());
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '%') {
        if (i + 2 >= host.length()
            || !IpLiterals.isHex(host.charAt(i + 1))
            || !IpLiterals.isHex(host.charAt(i + 2))) {
          throw new RefusalException(Refusal.BAD_HOST);
        }
        bytes.write(Integer.parseInt(host.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      throw new RefusalException(Refusal.BAD_HOST);
    }
  }

  private static boolean isLdhOrUnderscore(int c) {
    return (c >= 'a' && c <= 'z') || IpLiterals.isDigit(c) || c == '-' || c == '_';
  }

  /** The canonical text: {@code example.com}, {@code 127.0.0.1}, {@code 2001:db8::1} (no brackets). */
  public String text() {
    return text;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether this is an IPv4 or IPv6 address rather than a name. */
  public boolean isIpLiteral() {
    return kind != Kind.NAME;
  }

  /** The host as written in a URI authority or Host field: IPv6 in brackets, others as {@link #text()}. */
  public String uriText() {
    return kind == Kind.IPV6 ? "[" + text + "]" : text;
  }

  /**
   * The address of an IP literal, built from the parsed bytes (no lookup); empty for a name.
   */
  public Optional<InetAddress> address() {
    if (address == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(address.clone()));
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CanonicalHost other && text.equals(other.text) && kind == other.kind;
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Same as {@link #uriText()}. */
  @Override
  public String toString() {
    return uriText();
  }
}
