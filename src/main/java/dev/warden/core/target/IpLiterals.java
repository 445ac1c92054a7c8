package dev.warden.core.target;

import java.util.function.IntPredicate;

/** IPv4 and IPv6 literal parsing and canonical text. Pure string work, no name resolution. */
final class IpLiterals {

  private IpLiterals() {}

  /**
   * Whether a host (lower case, trailing dot removed) must be read as an IPv4 address: its last
   * label is a number ({@code 1}, {@code 0x7f}, {@code 0x}). This is the WHATWG URL rule ("ends in a
   * number"); such a host is either a valid IPv4 address or refused, never a name, so no parser can
   * read a name where another reads an address.
   */
  static boolean looksLikeIpv4(String host) {
    String last = host.substring(host.lastIndexOf('.') + 1);
    if (last.isEmpty()) {
      return false;
    }
    if (last.startsWith("0x")) {
      return all(last.substring(2), IpLiterals::isHex);
    }
    return all(last, IpLiterals::isDigit);
  }

  /**
   * Parses every notation inet_aton(3) accepts: one to four parts, each decimal, octal (leading
   * {@code 0}) or hexadecimal ({@code 0x}); the last part fills the remaining bytes
   * ({@code 127.1}, {@code 2130706433}). Stricter than inet_aton only where parsers disagree: a bare
   * {@code 0x} part (inet_aton reads it as 0 in the middle and refuses it at the end, WHATWG reads 0)
   * and trailing whitespace are refused.
   *
   * @param host lower case, trailing dot removed
   * @return the four bytes
   * @throws RefusalException {@link Refusal#BAD_IPV4}
   */
  static byte[] parseIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length > 4) {
      throw new RefusalException(Refusal.BAD_IPV4);
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = ipv4Number(parts[i]);
      if (values[i] < 0 || (i < parts.length - 1 && values[i] > 255)) {
        throw new RefusalException(Refusal.BAD_IPV4);
      }
    }
    int lastBytes = 5 - parts.length;
    long last = values[parts.length - 1];
    if (last >= (1L << (8 * lastBytes))) {
      throw new RefusalException(Refusal.BAD_IPV4);
    }
    byte[] address = new byte[4];
    for (int i = 0; i < parts.length - 1; i++) {
      address[i] = (byte) values[i];
    }
    for (int b = 0; b < lastBytes; b++) {
      address[3 - b] = (byte) (last >>> (8 * b));
    }
    return address;
  }

  /** One inet_aton part, or -1 when it is not a number or exceeds 32 bits. */
  private static long ipv4Number(String part) {
    int radix;
    String digits;
    if (part.startsWith("0x")) {
      radix = 16;
      digits = part.substring(2);
    } else if (part.length() > 1 && part.charAt(0) == '0') {
      radix = 8;
      digits = part.substring(1);
    } else {
      radix = 10;
      digits = part;
    }
    if (digits.isEmpty()) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'f') {
        return -1;
      }
    }
    String significant = withoutLeadingZeros(digits);
    if (significant.length() > 11) {
      return -1;
    }
    long value = Long.parseLong(significant, radix);
    return value > 0xFFFF_FFFFL ? -1 : value;
  }

  /**
   * {@code digits} without its leading zeros, keeping the last digit ({@code "000"} gives {@code "0"}).
   * A loop, not a regular expression: it runs on every request's target.
   */
  static String withoutLeadingZeros(String digits) {
    int start = 0;
    while (start < digits.length() - 1 && digits.charAt(start) == '0') {
      start++;
    }
    return digits.substring(start);
  }

  /** Dotted-quad text of four bytes. */
  static String ipv4Text(byte[] address) {
    return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
        + (address[3] & 0xff);
  }

  /**
   * Parses the text between the brackets of an RFC 3986 IP-literal as an IPv6address: hex groups of
   * 1-4 digits, at most one {@code ::}, optionally ending in a dotted-quad IPv4 address (decimal, no
   * leading zeros, as inet_pton requires).
   *
   * @param text lower case, without brackets
   * @return the sixteen bytes
   * @throws RefusalException {@link Refusal#BAD_IPV6}
   */
  static byte[] parseIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      throw new RefusalException(Refusal.BAD_IPV6);
    }
    int[] head = gap >= 0 ? groups(text.substring(0, gap), false) : groups(text, true);
    int[] tail = gap >= 0 ? groups(text.substring(gap + 2), true) : new int[0];
    int explicit = head.length + tail.length;
    if (gap >= 0 ? explicit > 7 : explicit != 8) {
      throw new RefusalException(Refusal.BAD_IPV6);
    }
    byte[] address = new byte[16];
    for (int i = 0; i < head.length; i++) {
      address[2 * i] = (byte) (head[i] >>> 8);
      address[2 * i + 1] = (byte) head[i];
    }
    for (int i = 0; i < tail.length; i++) {
      int at = 8 - tail.length + i;
      address[2 * at] = (byte) (tail[i] >>> 8);
      address[2 * at + 1] = (byte) tail[i];
    }
    return address;
  }

  /** Colon-separated 16-bit groups; a trailing dotted quad (when allowed) counts as two groups. */
  private static int[] groups(String text, boolean ipv4Allowed) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] parts = text.split(":", -1);
    String last = parts[parts.length - 1];
    boolean dotted = ipv4Allowed && last.indexOf('.') >= 0;
    int[] groups = new int[parts.length + (dotted ? 1 : 0)];
    for (int i = 0; i < parts.length - (dotted ? 1 : 0); i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 4 || !all(part, IpLiterals::isHex)) {
        throw new RefusalException(Refusal.BAD_IPV6);
      }
      groups[i] = Integer.parseInt(part, 16);
    }
    if (dotted) {
      byte[] v4 = strictDottedQuad(last);
      groups[parts.length - 1] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
      groups[parts.length] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
    }
    return groups;
  }

  private static byte[] strictDottedQuad(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw new RefusalException(Refusal.BAD_IPV6);
    }
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty()
          || part.length() > 3
          || !all(part, IpLiterals::isDigit)
          || (part.length() > 1 && part.charAt(0) == '0')
          || Integer.parseInt(part) > 255) {
        throw new RefusalException(Refusal.BAD_IPV6);
      }
      address[i] = (byte) Integer.parseInt(part);
    }
    return address;
  }

  /** Whether sixteen bytes are an IPv4-mapped address, {@code ::ffff:a.b.c.d} (RFC 4291 2.5.5.2). */
  static boolean isIpv4Mapped(byte[] address) {
    for (int i = 0; i < 10; i++) {
      if (address[i] != 0) {
        return false;
      }
    }
    return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
  }

  /** RFC 5952 text: lower-case hex, no leading zeros, the first longest run of two or more zero groups as {@code ::}. */
  static String ipv6Text(byte[] address) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  static boolean isHex(int c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * Whether every character of {@code text} satisfies {@code test}: a loop rather than
   * {@code text.chars().allMatch}, whose stream objects showed up in every request's target parse.
   */
  static boolean all(String text, IntPredicate test) {
    for (int i = 0; i < text.length(); i++) {
      if (!test.test(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
