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
}
