package dev.warden.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class IpLiteralPropertiesTest {

  @Property(tries = 2000)
  void everyInetAtonNotationOfAnAddressIsItsDottedQuad(@ForAll int bits) {
    long value = bits & 0xFFFF_FFFFL;
    int a = (int) (value >>> 24);
    int b = (int) (value >>> 16) & 0xff;
    int c = (int) (value >>> 8) & 0xff;
    int d = (int) value & 0xff;
    String dotted = a + "." + b + "." + c + "." + d;
    String[] notations = {
      dotted,
      Long.toString(value),
      "0x" + Long.toHexString(value),
      "0" + Long.toOctalString(value),
      a + "." + ((value >>> 16) & 0xff) + "." + (value & 0xffff),
      a + "." + (value & 0xff_ffff),
      "0x" + Integer.toHexString(a) + ".0" + Integer.toOctalString(b) + "." + c + ".0x"
          + Integer.toHexString(d),
      "[::ffff:" + dotted + "]",
      "[::ffff:" + Long.toHexString(value >>> 16) + ":" + Long.toHexString(value & 0xffff) + "]"
    };

    for (String notation : notations) {
      if (a == 0) {
        assertThat(RequestTarget.parse("GET", "http://" + notation + "/", (String) null))
            .as(notation)
            .isInstanceOf(RequestTarget.Refused.class);
      } else {
        CanonicalHost host = CanonicalHost.parse(notation);
        assertThat(host.text()).as(notation).isEqualTo(dotted);
        assertThat(host.kind()).isEqualTo(CanonicalHost.Kind.IPV4);
      }
    }
  }

  @Property(tries = 2000)
  void ipv6TextRoundTripsAndFollowsRfc5952(
      @ForAll @Size(16) byte[] address, @ForAll @IntRange(max = 8) int zeroGroups) {
    for (int i = 0; i < 2 * zeroGroups; i++) {
      address[i] = 0;
    }
    String text = IpLiterals.ipv6Text(address);

    assertThat(IpLiterals.parseIpv6(text)).isEqualTo(address);
    assertThat(text).matches("[0-9a-f:]+").doesNotContain(":::");
    String[] halves = text.split("::", -1);
    assertThat(halves.length).isLessThanOrEqualTo(2);
    int explicit = 0;
    int longestExplicitZeroRun = 0;
    for (String half : halves) {
      int run = 0;
      for (String group : half.isEmpty() ? new String[0] : half.split(":")) {
        explicit++;
        assertThat(group).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        if (group.length() > 1) {
          assertThat(group).doesNotStartWith("0");
        }
        run = group.equals("0") ? run + 1 : 0;
        longestExplicitZeroRun = Math.max(longestExplicitZeroRun, run);
      }
    }
    if (halves.length == 2) {
      int compressed = 8 - explicit;
      assertThat(compressed)
          .isGreaterThanOrEqualTo(2)
          .isGreaterThanOrEqualTo(longestExplicitZeroRun);
    } else {
      assertThat(longestExplicitZeroRun).isLessThanOrEqualTo(1);
    }
  }
}
