package dev.warden.core.auth;

import static dev.warden.core.auth.TestPolicies.basic;
import static dev.warden.core.auth.TestPolicies.enforcing;
import static dev.warden.core.auth.TestPolicies.get;
import static dev.warden.core.auth.TestPolicies.realm;
import static dev.warden.core.auth.TestPolicies.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthPolicyTest {

  private static final Realm CORP =
      realm("Corp", List.of("*.corp.example", "intranet:8443"), user("alice", "corp-pw"));
  private static final Realm DEFAULT = realm(
      "Everywhere",
      List.of(),
      user("alice", "default-pw"),
      user("bob", "bob-pw").withEnabled(false));

  private static AuthRequest to(String host, int port, String... proxyAuthorization) {
    return new AuthRequest("GET", host, port, List.of(proxyAuthorization));
  }

  @Test
  void picksTheFirstRealmWhosePatternMatchesTheDestination() {
    AuthPolicy policy = AuthPolicy.of(enforcing(DEFAULT, CORP));

    AuthDecision decision = policy.decide(to("git.corp.example", 443, basic("alice:corp-pw")));

    assertThat(decision.outcome())
        .isEqualTo(new AuthOutcome.Authenticated("Basic", "alice", "Corp"));
  }

  @Test
  void usesTheDefaultRealmWhenNoPatternMatches() {
    AuthPolicy policy = AuthPolicy.of(enforcing(CORP, DEFAULT));

    AuthDecision wrongPort = policy.decide(to("intranet", 80, basic("alice:corp-pw")));
    AuthDecision defaultPassword = policy.decide(to("intranet", 80, basic("alice:default-pw")));

    assertThat(wrongPort.outcome()).isInstanceOfSatisfying(AuthOutcome.Challenged.class, c -> {
      assertThat(c.realm()).isEqualTo("Everywhere");
      assertThat(c.reason()).isEqualTo(ChallengeReason.WRONG_PASSWORD);
    });
    assertThat(wrongPort.challenges())
        .containsExactly("Basic realm=\"Everywhere\", charset=\"UTF-8\"");
    assertThat(defaultPassword.outcome())
        .isEqualTo(new AuthOutcome.Authenticated("Basic", "alice", "Everywhere"));
  }

  @Test
  void challengesInTheRealmThatGuardsTheDestination() {
    AuthPolicy policy = AuthPolicy.of(enforcing(CORP, DEFAULT));

    AuthDecision decision = policy.decide(to("intranet", 8443));

    assertThat(decision.challenges()).containsExactly("Basic realm=\"Corp\", charset=\"UTF-8\"");
  }

  @Test
  void challengesConnectExactlyLikeOtherMethods() {
    AuthPolicy policy = AuthPolicy.of(enforcing(CORP, DEFAULT));

    AuthDecision connect = policy.decide(
        new AuthRequest("CONNECT", "git.corp.example", 443, List.of(basic("alice:nope"))));
    AuthDecision plain = policy.decide(to("git.corp.example", 443, basic("alice:nope")));

    assertThat(connect).isEqualTo(plain);
  }

  @Test
  void reportsADisabledUserOnlyAfterTheRightPassword() {
    AuthPolicy policy = AuthPolicy.of(enforcing(DEFAULT));

    AuthOutcome right = policy.decide(get(basic("bob:bob-pw"))).outcome();
    AuthOutcome wrong = policy.decide(get(basic("bob:guess"))).outcome();

    assertThat(right)
        .isEqualTo(new AuthOutcome.Challenged(
            ChallengeReason.DISABLED_USER, "", "Everywhere", "Basic", "bob"));
    assertThat(wrong)
        .isEqualTo(new AuthOutcome.Challenged(
            ChallengeReason.WRONG_PASSWORD, "", "Everywhere", "Basic", "bob"));
  }

  @Test
  void rejectsAWrongPassword() {
    AuthPolicy policy = AuthPolicy.of(enforcing(DEFAULT));

    AuthDecision decision = policy.decide(get(basic("alice:corp-pw")));

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.outcome())
        .isEqualTo(new AuthOutcome.Challenged(
            ChallengeReason.WRONG_PASSWORD, "", "Everywhere", "Basic", "alice"));
    assertThat(decision.redactedCredentials()).isEqualTo("Basic alice:***");
  }

  @Test
  void runsAVerificationForAnUnknownUserToo() {
    AuthPolicy policy = AuthPolicy.of(enforcing(DEFAULT));

    AuthOutcome outcome = policy.decide(get(basic("mallory:anything"))).outcome();

    assertThat(outcome)
        .isEqualTo(new AuthOutcome.Challenged(
            ChallengeReason.UNKNOWN_USER, "", "Everywhere", "Basic", "mallory"));
    assertThat(policy.slowVerifications()).isEqualTo(1);
  }

  @Test
  void verifiesRightCredentialsOnlyOncePerPolicy() {
    AuthPolicy policy = AuthPolicy.of(enforcing(DEFAULT));

    for (int i = 0; i < 5; i++) {
      assertThat(policy.decide(get(basic("alice:default-pw"))).allowed()).isTrue();
    }

    assertThat(policy.slowVerifications()).isEqualTo(1);
  }

  @Test
  void verifiesARepeatedWrongPasswordOnlyOnce() {
    AuthPolicy policy = AuthPolicy.of(enforcing(DEFAULT));

    for (int i = 0; i < 5; i++) {
      assertThat(policy.decide(get(basic("alice:guess"))).allowed()).isFalse();
    }
    policy.decide(get(basic("alice:another guess")));

    assertThat(policy.slowVerifications()).isEqualTo(2);
  }

  @Test
  void startsWithAnEmptyCacheInANewPolicy() {
    Settings settings = enforcing(DEFAULT);
    AuthPolicy first = AuthPolicy.of(settings);
    first.decide(get(basic("alice:default-pw")));

    AuthPolicy next = AuthPolicy.of(settings);
    assertThat(next.slowVerifications()).isZero();
    next.decide(get(basic("alice:default-pw")));

    assertThat(next.slowVerifications()).isEqualTo(1);
  }

  @Test
  void rejectsAnOldPasswordAsSoonAsTheSettingsChange() {
    AuthPolicy before = AuthPolicy.of(enforcing(DEFAULT));
    assertThat(before.decide(get(basic("alice:default-pw"))).allowed()).isTrue();

    Realm changed = DEFAULT.withUsers(List.of(user("alice", "new-pw")));
    AuthPolicy after = AuthPolicy.of(enforcing(changed));

    assertThat(after.decide(get(basic("alice:default-pw"))).allowed()).isFalse();
    assertThat(after.decide(get(basic("alice:new-pw"))).allowed()).isTrue();
  }

  @Test
  void keepsRealmsWithTheSameNameApartInTheCache() {
    Realm twin = realm("Everywhere", List.of("twin.example"), user("alice", "twin-pw"));
    AuthPolicy policy = AuthPolicy.of(enforcing(twin, DEFAULT));

    assertThat(policy.decide(to("twin.example", 80, basic("alice:twin-pw"))).allowed())
        .isTrue();

    assertThat(policy.decide(to("other.example", 80, basic("alice:twin-pw"))).allowed())
        .isFalse();
  }

  @Test
  void countsNoFailureWhileEnforcementIsOff() {
    AuthState state = new AuthState(
        new LockoutPolicy(
            java.time.Duration.ofMinutes(1),
            2,
            java.time.Duration.ofMillis(250),
            java.time.Duration.ofSeconds(5),
            2,
            java.time.Duration.ofMinutes(5),
            10_000),
        java.time.Clock.systemUTC());
    AuthPolicy off = AuthPolicy.of(enforcing(DEFAULT).withEnforcement(false), state);
    for (int i = 0; i < 5; i++) {
      assertThat(off.decide(get(basic("alice:wrong"))).allowed()).isTrue();
    }

    assertThat(state.lockouts()).isEmpty();
    state.close();
  }

  @Test
  void letsEverythingPassWhenEnforcementIsOffAndSaysWhatEnforcementWouldHaveDecided() {
    AuthPolicy policy = AuthPolicy.of(enforcing(DEFAULT).withEnforcement(false));

    AuthDecision withCredentials = policy.decide(get(basic("alice:wrong")));
    AuthDecision without = policy.decide(get());

    assertThat(withCredentials.allowed()).isTrue();
    assertThat(withCredentials.outcome())
        .isInstanceOfSatisfying(
            AuthOutcome.NotRequired.class,
            off -> assertThat(off.wouldHaveBeen())
                .isEqualTo("would have been refused: wrong password"));
    assertThat(withCredentials.challenges()).isEmpty();
    assertThat(withCredentials.redactedCredentials()).isEqualTo("Basic alice:***");
    assertThat(withCredentials.received())
        .isEqualTo(new ReceivedCredentials.SchemeAndUser("Basic", "alice"));
    assertThat(without.allowed()).isTrue();
    assertThat(((AuthOutcome.NotRequired) without.outcome()).wouldHaveBeen())
        .isEqualTo("would have been challenged: no credentials");
    assertThat(without.redactedCredentials()).isEmpty();
  }

  @Test
  void redactsUnreadableAndForeignCredentialsWhenEnforcementIsOff() {
    AuthPolicy policy = AuthPolicy.of(enforcing(DEFAULT).withEnforcement(false));

    assertThat(policy.decide(get("Basic %%%")).redactedCredentials())
        .isEqualTo("Basic (unreadable)");
    assertThat(policy.decide(get("Bearer secret-token")).redactedCredentials())
        .isEqualTo("Bearer ***");
    assertThat(policy.decide(get("a", "b")).redactedCredentials()).isEqualTo("(unreadable)");
  }

  @Test
  void challengesInTheBuiltInRealmWhenNoRealmIsTheDefault() {
    AuthPolicy policy = AuthPolicy.of(enforcing(CORP));

    AuthDecision decision = policy.decide(to("example.com", 80, basic("alice:corp-pw")));

    assertThat(decision.outcome())
        .isInstanceOfSatisfying(
            AuthOutcome.Challenged.class,
            c -> assertThat(c.realm()).isEqualTo(Settings.DEFAULT_REALM_NAME));
  }

  @Test
  void namesUnusableSettingsInProblemsWithoutEchoingHashes() {
    Realm broken = realm(
        "Broken",
        List.of("*bad*", "ok.example"),
        new User("dave", true, "cENvEp5nzKQNc"),
        new User("eve", true, "plaintext-secret"));

    AuthPolicy policy = AuthPolicy.of(enforcing(broken, DEFAULT));

    assertThat(policy.problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("'*bad*'"))
        .anySatisfy(
            p -> assertThat(p).contains("'dave'").contains("unsupported hash format (crypt)"))
        .anySatisfy(
            p -> assertThat(p).contains("'eve'").contains("unsupported hash format (plain text)"))
        .noneSatisfy(p -> assertThat(p).contains("cENvEp5nzKQNc"))
        .noneSatisfy(p -> assertThat(p).contains("plaintext-secret"));
    assertThat(
            policy.decide(to("ok.example", 80, basic("eve:plaintext-secret"))).outcome())
        .isInstanceOfSatisfying(
            AuthOutcome.Challenged.class,
            c -> assertThat(c.reason()).isEqualTo(ChallengeReason.WRONG_PASSWORD));
  }

  @Test
  void reportsNoProblemsForCleanSettings() {
    assertThat(AuthPolicy.of(enforcing(CORP, DEFAULT)).problems()).isEmpty();
    assertThat(AuthPolicy.of(Settings.defaults()).problems()).isEmpty();
  }

  @Test
  void acceptsUsersImportedFromHtpasswd() throws Exception {
    List<User> users = HtpasswdFile.parse("bob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\n"
        + "carol:$apr1$rxyIROwD$DSnstyWFCuW2JzYtUJ43i/\n");
    AuthPolicy policy = AuthPolicy.of(enforcing(new Realm("Imported", List.of(), users)));

    assertThat(policy.decide(get(basic("bob:password"))).allowed()).isTrue();
    assertThat(policy.decide(get(basic("carol:pa:ss w0rd"))).allowed()).isTrue();
    assertThat(policy.decide(get(basic("carol:pa:ss"))).allowed()).isFalse();
  }
}
