package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.warden.core.settings.User;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stored hash formats, checked against vectors made by Apache's htpasswd (see supported.htpasswd). */
class PasswordHashTest {

  private static Map<String, PasswordHash> vectors;

  @BeforeAll
  static void readVectors() throws Exception {
    try (InputStream in = PasswordHashTest.class.getResourceAsStream("supported.htpasswd")) {
      List<User> users = HtpasswdFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      vectors = users.stream()
          .collect(Collectors.toMap(User::name, u -> PasswordHash.parse(u.passwordHash())));
    }
  }

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource(
      delimiter = '|',
      value = {
        "alice  | bcrypt | correct horse battery staple",
        "jürgen | bcrypt | pässwörd:ü",
        "bob    | {SHA}  | password",
        "carol  | $apr1$ | pa:ss w0rd"
      })
  void verifiesTheRightPasswordOfAnHtpasswdVector(String user, String format, String password) {
    PasswordHash hash = vectors.get(user);

    assertThat(hash.format()).isEqualTo(format);
    assertThat(hash.matches(password.toCharArray())).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "alice  | correct horse battery stapl",
        "jürgen | passwörd:ü",
        "bob    | Password",
        "carol  | pa:ss w0rD"
      })
  void rejectsAWrongPasswordOfAnHtpasswdVector(String user, String password) {
    assertThat(vectors.get(user).matches(password.toCharArray())).isFalse();
  }

  @Test
  void truncatesBcryptPasswordsAt72BytesAsHtpasswdDoes() {
    PasswordHash hash = vectors.get("long");

    assertThat(hash.matches("x".repeat(80).toCharArray())).isTrue();
    assertThat(hash.matches("x".repeat(72).toCharArray())).isTrue();
    assertThat(hash.matches("x".repeat(71).toCharArray())).isFalse();
  }

  @Test
  void verifiesBcrypt2aAnd2bPrefixes() {
    // openwall's crypt_blowfish vector for "password"
    String vector = "$2a$05$bvIG6Nmid91Mu9RcmmWZfO5HJIMCT8riNW0hEp8f6/FuA2/mHZFpe";

    assertThat(PasswordHash.parse(vector).matches("password".toCharArray())).isTrue();
    assertThat(PasswordHash.parse(vector.replace("$2a$", "$2b$")).matches("password".toCharArray()))
        .isTrue();
    assertThat(PasswordHash.parse(vector).matches("passwort".toCharArray())).isFalse();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "cENvEp5nzKQNc | unsupported hash format (crypt)",
        "$1$abcdefgh$0123456789012345678901 | unsupported hash format (crypt)",
        "$6$Zbz6JsT3eUqas1d1$C9nr9TfzAG12iII26fzh1.6tp2npGdMz17IORjywkFEQw6TE2CQ7g77mi3DS2DfpnxRnwOpDunFefpZiorUSf/"
            + " | unsupported hash format (crypt)",
        "hunter2 | unsupported hash format (plain text)",
        "{SSHA}c2VjcmV0c2FsdGVkaGFzaA== | unsupported hash format ({SSHA})",
        "$argon2id$v=19$m=65536 | unsupported hash format (unknown)",
        "$2x$05$bvIG6Nmid91Mu9RcmmWZfO5HJIMCT8riNW0hEp8f6/FuA2/mHZFpe | unsupported hash format (bcrypt variant)",
        "$2y$05$tooShort | damaged bcrypt hash",
        "$2y$99$bvIG6Nmid91Mu9RcmmWZfO5HJIMCT8riNW0hEp8f6/FuA2/mHZFpe | bcrypt cost 99 is outside 4-31",
        "{SHA}notbase64!! | damaged {SHA} hash",
        "{SHA}AAAA | damaged {SHA} hash",
        "$apr1$toolongsalt$DSnstyWFCuW2JzYtUJ43i/ | damaged $apr1$ hash",
        "$pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$short | damaged pbkdf2-sha256 hash",
        "$pbkdf2-sha256$9999999$AAECAwQFBgcICQoLDA0ODw$JeuGrMduQwGPGLmo.Qwv7UYtHHmeg9SK49fGkEamC2c"
            + " | pbkdf2-sha256 iteration count 9999999 is outside 1-5000000"
      })
  void refusesAFormatItCannotVerifyWithAMessageThatHidesTheHash(String stored, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PasswordHash.parse(stored))
        .withMessage(message);
  }

  @Test
  void refusesAnEmptyHash() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PasswordHash.parse(""))
        .withMessage("empty password hash");
  }

  @Test
  void neverShowsStoredHashesInToString() {
    assertThat(vectors.values())
        .map(Object::toString)
        .allSatisfy(s -> assertThat(s).doesNotContain("$2y$").doesNotContain("{SHA}"));
    assertThat(vectors.get("carol").toString()).doesNotContain("rxyIROwD");
    assertThat(vectors.get("bob").toString()).doesNotContain("W6ph5");
  }
}
