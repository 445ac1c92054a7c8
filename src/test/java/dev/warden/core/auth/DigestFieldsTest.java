package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.DigestFields.Name;
import dev.warden.core.auth.header.AuthHeaderParser;
import dev.warden.core.auth.header.Credentials;
import dev.warden.core.auth.header.ParseResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DigestFieldsTest {

  /** As the Digest scheme reads them: the parser hands the parameters straight to the fields. */
  private static DigestFields fields(String credentials) {
    return ((ParseResult.Parsed<DigestFields>) DigestFields.read(credentials)).value();
  }

  /** Through the parser's own {@link Credentials}, the other way in. */
  private static DigestFields viaCredentials(String credentials) {
    return DigestFields.of(
        ((ParseResult.Parsed<Credentials>) AuthHeaderParser.parseCredentials(credentials)).value());
  }

  @Test
  void readsEveryNameRfc7616Defines() {
    StringBuilder header = new StringBuilder("Digest ");
    for (Name name : Name.values()) {
      header.append(name.wire()).append("=\"v-").append(name.ordinal()).append("\", ");
    }
    DigestFields fields = fields(header.toString());

    for (Name name : Name.values()) {
      assertThat(fields.value(name)).as(name.wire()).isEqualTo("v-" + name.ordinal());
    }
    assertThat(fields.duplicate()).isEmpty();
  }

  @Property
  void readsAsTheParsersCredentialsDo(
      @ForAll("parameters") List<String> names, @ForAll boolean upperCase) {
    StringBuilder header = new StringBuilder("Digest ");
    for (int i = 0; i < names.size(); i++) {
      String name = upperCase ? names.get(i).toUpperCase(Locale.ROOT) : names.get(i);
      header.append(i == 0 ? "" : ", ").append(name).append("=\"").append(i).append('"');
    }
    DigestFields direct = fields(header.toString());
    DigestFields built = viaCredentials(header.toString());

    for (Name name : Name.values()) {
      assertThat(direct.value(name)).as(name.wire()).isEqualTo(built.value(name));
    }
    assertThat(direct.duplicate()).isEqualTo(built.duplicate());
  }

  @Provide
  Arbitrary<List<String>> parameters() {
    List<String> known = Arrays.stream(Name.values()).map(Name::wire).toList();
    Arbitrary<String> other =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
    return Arbitraries.oneOf(Arbitraries.of(known), other).list().ofMinSize(1).ofMaxSize(15);
  }

  @Test
  void tellsATokenFromParameters() {
    assertThat(fields("Digest abc==").hasToken68()).isTrue();
    assertThat(fields("Digest abc==").has(Name.USERNAME)).isFalse();
    assertThat(fields("Digest realm=r").hasToken68()).isFalse();
  }

  @Test
  void failsAsTheParserFails() {
    assertThat(DigestFields.read("Digest realm=\"r"))
        .isEqualTo(new ParseResult.Failed<DigestFields>("unterminated quoted string at 13", 0, 13));
    assertThat(DigestFields.read("Digest").isParsed()).isFalse();
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
