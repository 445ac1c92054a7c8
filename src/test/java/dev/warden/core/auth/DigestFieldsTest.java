package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.DigestFields.Name;
import dev.warden.core.auth.header.AuthHeaderParser;
import dev.warden.core.auth.header.Credentials;
import dev.warden.core.auth.header.ParseResult;
import org.junit.jupiter.api.Test;

class DigestFieldsTest {

  private static DigestFields fields(String credentials) {
    return DigestFields.of(
        ((ParseResult.Parsed<Credentials>) AuthHeaderParser.parseCredentials(credentials)).value());
  }

  @Test
  void keepsTheFirstValueOfEachName() {
    DigestFields fields = fields("Digest username=\"a\", nc=00000001, uri=\"/x\", nc=00000002");

    assertThat(fields.value(Name.USERNAME)).isEqualTo("a");
    assertThat(fields.value(Name.NC)).isEqualTo("00000001");
    assertThat(fields.value(Name.URI)).isEqualTo("/x");
  }

  @Test
  void readsNamesIgnoringCase() {
    DigestFields fields = fields("Digest UserName=\"a\", NONCE=\"n\", Username*=UTF-8''b");

    assertThat(fields.value(Name.USERNAME)).isEqualTo("a");
    assertThat(fields.value(Name.NONCE)).isEqualTo("n");
    assertThat(fields.value(Name.USERNAME_EXT)).isEqualTo("UTF-8''b");
  }

  @Test
  void namesTheFirstDuplicateInTheOrderOfTheRfcNotOfTheHeader() {
    DigestFields fields = fields("Digest qop=auth, qop=auth, realm=\"a\", realm=\"b\"");

    assertThat(fields.duplicate()).contains(Name.REALM);
    assertThat(fields("Digest realm=\"a\", nonce=\"n\"").duplicate()).isEmpty();
  }

  @Test
  void tellsAnEmptyValueFromAnAbsentOne() {
    DigestFields fields = fields("Digest opaque=\"\", realm=\"r\"");

    assertThat(fields.has(Name.OPAQUE)).isTrue();
    assertThat(fields.value(Name.OPAQUE)).isEmpty();
    assertThat(fields.has(Name.CNONCE)).isFalse();
    assertThat(fields.value(Name.CNONCE, "none")).isEqualTo("none");
  }

  @Test
  void ignoresParametersOfOtherNames() {
    DigestFields fields = fields("Digest usernam=\"a\", username**=\"b\", x=1, x=2");

    assertThat(fields.has(Name.USERNAME)).isFalse();
    assertThat(fields.duplicate()).isEmpty();
  }

  @Test
  void readsUserhashTrueInAnyCase() {
    assertThat(fields("Digest userhash=TRUE").userhash()).isTrue();
    assertThat(fields("Digest userhash=\"true\"").userhash()).isTrue();
    assertThat(fields("Digest userhash=false").userhash()).isFalse();
    assertThat(fields("Digest realm=r").userhash()).isFalse();
  }

  @Test
  void readsANonceCountOfExactlyEightHexDigits() {
    assertThat(DigestFields.nonceCount("0000000a")).isEqualTo(10);
    assertThat(DigestFields.nonceCount("FFFFFFFF")).isEqualTo(0xFFFFFFFFL);
    assertThat(DigestFields.nonceCount("0000000g")).isEqualTo(-1);
    assertThat(DigestFields.nonceCount("1")).isEqualTo(-1);
    assertThat(DigestFields.nonceCount("000000001")).isEqualTo(-1);
  }
}
