package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An unknown user costs what a wrong password costs in the same realm, whatever its hash format. */
class StandInTest {

  private static final String ALICE_BCRYPT_COST_5 =
      "$2y$05$qHQwp9h5ha0fxroRqLO8R.sSwkpFagV63SCJ5YQgHwSZ4YFKrfZsK";

  private final PasswordHash decoy = TestPolicies.CHEAP.decoy();
  private final CredentialVerifier verifier =
      new CredentialVerifier(decoy, new VerificationPool(1));

  private static ProtectionSpace space(Map<String, Account> accounts) {
    return new ProtectionSpace(0, "Lab", List.of(), accounts, List.of());
  }

  @Test
  void checksAnUnknownUserOfABcryptRealmAgainstABcryptHash() {
    PasswordHash bcrypt = PasswordHash.parse(ALICE_BCRYPT_COST_5);
    ProtectionSpace lab = space(Map.of("alice", new Account("alice", true, bcrypt)));
    assertThat(verifier.standIn(lab)).isSameAs(bcrypt);
  }

  @Test
  void fallsBackToTheDecoyInARealmWithoutUsers() {
    assertThat(verifier.standIn(space(Map.of()))).isSameAs(decoy);
  }

  @Test
  void neverAcceptsAnUnknownUserWhosePasswordMatchesTheStandIn() {
    ProtectionSpace lab = space(Map.of(
        "alice",
        new Account(
            "alice", true, PasswordHash.parse(TestPolicies.CHEAP.hash("s3cret".toCharArray())))));
    assertThat(verifier.verify(lab, "mallory", "s3cret".toCharArray()).join())
        .isEqualTo(CredentialVerifier.Result.UNKNOWN_USER);
  }
}
