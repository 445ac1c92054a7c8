package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the Basic token reader over generated tokens. */
class BasicTokenPropertiesTest {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  @Property
  void refusesExactlyTheTokensThatAreNotTheCanonicalEncodingOfTheirBytes(
      @ForAll("paddedTokens") String token) {
    byte[] bytes = Base64.getDecoder().decode(token);
    boolean canonical = Base64.getEncoder().encodeToString(bytes).equals(token);

    BasicToken.Result read = BasicToken.read(token);

    if (canonical) {
      String detail = read instanceof BasicToken.Malformed m ? m.detail() : "";
      assertThat(detail).isNotEqualTo("invalid base64");
    } else {
      assertThat(read)
          .isInstanceOfSatisfying(
              BasicToken.Malformed.class, m -> assertThat(m.detail()).isEqualTo("invalid base64"));
    }
  }

  @Property
  void readsAsciiAndUtf8CredentialsAsTheyWereWritten(
      @ForAll("users") String user, @ForAll("passwords") String password) {
    String token = Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));

    BasicToken.Result read = BasicToken.read(token);

    assertThat(read).isInstanceOfSatisfying(BasicToken.Credentials.class, c -> {
      assertThat(c.user()).isEqualTo(user);
      assertThat(new String(c.password())).isEqualTo(password);
      assertThat(c.latin1()).isFalse();
    });
  }

  @Provide
  Arbitrary<String> paddedTokens() {
    Arbitrary<String> body =
        Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMinLength(0).ofMaxLength(40);
    return body.flatMap(b -> Arbitraries.of(0, 1, 2).map(pad -> {
      int chars = b.length() - b.length() % 4;
      String whole = b.substring(0, chars);
      // a final quantum of 4 - pad characters followed by pad '='
      String tail = (b.substring(chars) + "AAAA").substring(0, 4 - pad) + "=".repeat(pad);
      if (pad == 0) {
        return whole + tail;
      }
      return whole + tail.replace('A', ALPHABET.charAt(Math.abs(b.hashCode()) % 64));
    }));
  }

  @Provide
  Arbitrary<String> users() {
    return Arbitraries.strings()
        .withCharRange('!', '~')
        .withChars('é', '€', 'ß')
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(u -> u.indexOf(':') < 0);
  }

  @Provide
  Arbitrary<String> passwords() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('é', '€', 'ü', ':')
        .ofMaxLength(20);
  }
}
