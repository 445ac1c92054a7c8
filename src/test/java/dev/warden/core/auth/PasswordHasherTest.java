package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void verifiesThePasswordItHashed() {
    String stored = TestPolicies.CHEAP.hash("s3cret:ü".toCharArray());

    assertThat(PasswordHash.parse(stored).matches("s3cret:ü".toCharArray())).isTrue();
  }

  @Test
  void rejectsAWrongPassword() {
    String stored = TestPolicies.CHEAP.hash("s3cret".toCharArray());

    assertThat(PasswordHash.parse(stored).matches("s3creT".toCharArray())).isFalse();
    assertThat(PasswordHash.parse(stored).matches(new char[0])).isFalse();
  }

  @Test
  void writesTheDocumentedFormatWithTheDefaultIterations() {
    String stored = new PasswordHasher().hash("pw".toCharArray());

    assertThat(stored).matches("\\$pbkdf2-sha256\\$600000\\$[./A-Za-z0-9]{22}\\$[./A-Za-z0-9]{43}");
    assertThat(PasswordHasher.ITERATIONS).isEqualTo(600_000);
  }

  @Test
  void keepsVerifyingAHashStoredWithTheFormerIterations() {
    String stored = new PasswordHasher(50_000).hash("older".toCharArray());

    assertThat(stored).startsWith("$pbkdf2-sha256$50000$");
    assertThat(PasswordHash.parse(stored).matches("older".toCharArray())).isTrue();
    assertThat(PasswordHash.parse(stored).matches("newer".toCharArray())).isFalse();
  }

  @Test
  void usesAFreshSaltForEveryHash() {
    char[] password = "same".toCharArray();

    assertThat(TestPolicies.CHEAP.hash(password)).isNotEqualTo(TestPolicies.CHEAP.hash(password));
  }

  @Test
  void leavesTheCallersPasswordUntouched() {
    char[] password = "mine".toCharArray();

    TestPolicies.CHEAP.hash(password);

    assertThat(password).containsExactly('m', 'i', 'n', 'e');
  }

  @Test
  void verifiesHashesMadeByPythonInPasslibFormat() {
    // hashlib.pbkdf2_hmac('sha256', pw.encode('utf-8'), bytes(range(16)), 1000), salt and hash in
    // ab64
    PasswordHash ascii = PasswordHash.parse(
        "$pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$JeuGrMduQwGPGLmo.Qwv7UYtHHmeg9SK49fGkEamC2c");
    PasswordHash utf8 = PasswordHash.parse(
        "$pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$L1aYbGjzdoPwxPhGrTdCzJAIXgv98gXX9F7Efjyq3Og");

    assertThat(ascii.matches("password".toCharArray())).isTrue();
    assertThat(utf8.matches("pässwörd".toCharArray())).isTrue();
    assertThat(utf8.matches("passwort".toCharArray())).isFalse();
  }

  @Test
  void neverShowsTheHashInToString() {
    String stored = TestPolicies.CHEAP.hash("pw".toCharArray());
    String hashPart = stored.substring(stored.lastIndexOf('$') + 1);

    assertThat(PasswordHash.parse(stored).toString()).doesNotContain(hashPart).contains("1000");
  }

  @Test
  void makesADecoyThatCostsTheSameAndMatchesNothing() {
    PasswordHash decoy = new PasswordHasher().decoy();

    assertThat(decoy)
        .isInstanceOfSatisfying(
            Pbkdf2Hash.class, h -> assertThat(h.iterations()).isEqualTo(PasswordHasher.ITERATIONS));
    assertThat(decoy.matches("".toCharArray())).isFalse();
  }
}
