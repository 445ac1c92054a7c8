package dev.warden.core.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ConstantTimeTextTest {

  private static final String HEX = "0123456789abcdef0123456789abcdef";

  @Test
  void equalTextsMatch() {
    assertThat(ConstantTimeText.equal(HEX, new String(HEX.toCharArray()))).isTrue();
    assertThat(ConstantTimeText.equal("", "")).isTrue();
  }

  @Test
  void aDifferenceAnywhereIsAMismatch() {
    for (int i = 0; i < HEX.length(); i++) {
      String other = HEX.substring(0, i) + 'X' + HEX.substring(i + 1);
      assertThat(ConstantTimeText.equal(HEX, other)).as("at %d", i).isFalse();
    }
  }

  @Test
  void aPrefixOrAnExtensionIsAMismatch() {
    assertThat(ConstantTimeText.equal(HEX, HEX.substring(0, 31))).isFalse();
    assertThat(ConstantTimeText.equal(HEX, HEX + "0")).isFalse();
    assertThat(ConstantTimeText.equal(HEX, "")).isFalse();
    assertThat(ConstantTimeText.equal("", "0")).isFalse();
  }

  @Test
  void nullIsAMismatch() {
    assertThat(ConstantTimeText.equal(HEX, null)).isFalse();
  }

  @Test
  void textsBeyondAsciiCompareByCharacter() {
    assertThat(ConstantTimeText.equal("ré\uffff", "ré\uffff")).isTrue();
    assertThat(ConstantTimeText.equal("ré\uffff", "re\uffff")).isFalse();
    assertThat(ConstantTimeText.equal("\uffff", "")).isFalse();
  }

  @Property
  void agreesWithStringEquals(@ForAll String expected, @ForAll String received) {
    assertThat(ConstantTimeText.equal(expected, received)).isEqualTo(expected.equals(received));
    assertThat(ConstantTimeText.equal(expected, expected + "")).isTrue();
  }

  @Test
  void latin1BytesCompareAsTheirText() {
    byte[] expected = HEX.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThat(ConstantTimeText.equal(expected, expected.length, HEX)).isTrue();
    assertThat(ConstantTimeText.equal(expected, 31, HEX.substring(0, 31))).isTrue();
    assertThat(ConstantTimeText.equal(expected, expected.length, HEX.substring(0, 31)))
        .isFalse();
    assertThat(ConstantTimeText.equal(expected, expected.length, HEX + "0")).isFalse();
    assertThat(ConstantTimeText.equal(expected, expected.length, null)).isFalse();
    assertThat(ConstantTimeText.equal(new byte[] {(byte) 0xe9}, 1, "\u00e9")).isTrue();
    assertThat(ConstantTimeText.equal(new byte[] {(byte) 0xe9}, 1, "\u01e9")).isFalse();
  }

  @Property
  void bytesAgreeWithStringEquals(@ForAll String expected, @ForAll String received) {
    String latin1 = expected
        .chars()
        .mapToObj(c -> String.valueOf((char) (c & 0xff)))
        .collect(java.util.stream.Collectors.joining());
    byte[] bytes = latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    // room after the text, as in a reused buffer: only the first length bytes count
    byte[] buffer = java.util.Arrays.copyOf(bytes, bytes.length + 3);

    assertThat(ConstantTimeText.equal(buffer, bytes.length, received))
        .isEqualTo(latin1.equals(received));
    assertThat(ConstantTimeText.equal(buffer, bytes.length, latin1)).isTrue();
  }
}
