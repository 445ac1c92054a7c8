package dev.warden.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.CredentialMaterial;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsValidatorTest {

  private static final String HASH = "$pbkdf2-sha256$310000$c2FsdA$aGFzaA";

  private final SettingsValidator validator = new SettingsValidator();

  private static User user(String name) {
    return new User(name, true, HASH);
  }

  private static Realm defaultRealm(User... users) {
    return new Realm("Warden", List.of(), List.of(users));
  }

  private static Settings withRealms(Realm... realms) {
    return Settings.defaults().withRealms(List.of(realms));
  }

  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        Arguments.of("no realm", withRealms(), "At least one realm is needed"),
        Arguments.of(
            "no default realm",
            withRealms(new Realm("Corp", List.of("*.corp.example"), List.of())),
            "One realm must have no host patterns: it is the default realm for every other destination"),
        Arguments.of(
            "two default realms",
            withRealms(defaultRealm(), new Realm("Other", List.of(), List.of())),
            "Only one realm may have no host patterns (the default realm), but 'Warden', 'Other' have none"),
        Arguments.of(
            "blank realm name",
            withRealms(new Realm(" ", List.of(), List.of())),
            "Realm #1 has no name"),
        Arguments.of(
            "duplicate realm name, other case",
            withRealms(defaultRealm(), new Realm("warden", List.of("a.example"), List.of())),
            "Realm name 'warden' is used more than once (names are compared without regard to case)"),
        Arguments.of(
            "non-ASCII realm name",
            withRealms(new Realm("Réalm", List.of(), List.of())),
            "Realm 'Réalm': use ASCII letters only; the realm travels in an ASCII header"),
        Arguments.of(
            "control character in realm name",
            withRealms(new Realm("Bad\nName", List.of(), List.of())),
            "Realm 'Bad\\u000AName' contains a control character"),
        Arguments.of(
            "unparseable host pattern",
            withRealms(defaultRealm(), new Realm("Corp", List.of("a*b.example"), List.of())),
            "Realm 'Corp': 'a*b.example': '*' is allowed only as a leading '*.' (e.g. *.corp.example)"),
        Arguments.of(
            "duplicate host pattern, other case",
            withRealms(
                defaultRealm(),
                new Realm("Corp", List.of("*.corp.example", "*.CORP.example"), List.of())),
            "Realm 'Corp': host pattern '*.CORP.example' is listed more than once"),
        Arguments.of(
            "empty user name",
            withRealms(defaultRealm(user(""))),
            "Realm 'Warden': a user has no name"),
        Arguments.of(
            "colon in user name",
            withRealms(defaultRealm(user("a:b"))),
            "Realm 'Warden': user name 'a:b' contains ':', which Basic authentication cannot carry"),
        Arguments.of(
            "control character in user name",
            withRealms(defaultRealm(user("al\u0000ice"))),
            "Realm 'Warden': user name 'al\\u0000ice' contains a control character"),
        Arguments.of(
            "duplicate user",
            withRealms(defaultRealm(user("alice"), user("alice").withEnabled(false))),
            "Realm 'Warden': user 'alice' is listed more than once"),
        Arguments.of(
            "empty password hash",
            withRealms(defaultRealm(new User("alice", true, ""))),
            "Realm 'Warden': user 'alice' has no password"),
        Arguments.of(
            "no scheme",
            withRealms(defaultRealm().withAuth(RealmAuth.defaults().withSchemes(List.of()))),
            "Realm 'Warden' offers no authentication scheme; choose at least one of basic, digest, ntlm, negotiate, bearer"),
        Arguments.of(
            "unknown scheme",
            withRealms(defaultRealm()
                .withAuth(RealmAuth.defaults().withSchemes(List.of("basic", "kerberos")))),
            "Realm 'Warden': scheme 'kerberos' is not one Warden knows (basic, digest, ntlm, negotiate, bearer)"),
        Arguments.of(
            "duplicate scheme, other case",
            withRealms(defaultRealm()
                .withAuth(RealmAuth.defaults().withSchemes(List.of("basic", "Basic")))),
            "Realm 'Warden': scheme 'basic' is listed more than once"),
        Arguments.of(
            "Digest without algorithms",
            withRealms(defaultRealm().withAuth(digest().withDigestAlgorithms(List.of()))),
            "Realm 'Warden' offers Digest but no Digest algorithm; choose at least one"),
        Arguments.of(
            "unknown Digest algorithm",
            withRealms(defaultRealm().withAuth(digest().withDigestAlgorithms(List.of("SHA-1")))),
            "Realm 'Warden': Digest algorithm 'SHA-1' is not one Warden knows (MD5, MD5-sess, SHA-256, "
                + "SHA-256-sess, SHA-512-256, SHA-512-256-sess)"),
        Arguments.of(
            "duplicate Digest algorithm, other case",
            withRealms(
                defaultRealm().withAuth(digest().withDigestAlgorithms(List.of("MD5", "md5")))),
            "Realm 'Warden': Digest algorithm 'md5' is listed more than once"),
        Arguments.of(
            "nonce lifetime zero",
            withRealms(defaultRealm().withAuth(digest().withNonceLifetime(Duration.ZERO))),
            "Realm 'Warden': nonce lifetime 0 s is outside 1 s to 24 h (86400 s)"),
        Arguments.of(
            "nonce lifetime over a day",
            withRealms(
                defaultRealm().withAuth(digest().withNonceLifetime(Duration.ofSeconds(86_401)))),
            "Realm 'Warden': nonce lifetime 86401 s is outside 1 s to 24 h (86400 s)"),
        Arguments.of(
            "disabled-user status neither 403 nor 407",
            withRealms(defaultRealm().withAuth(RealmAuth.defaults().withDisabledUserStatus(401))),
            "Realm 'Warden': disabled users must get 403 or 407, not 401"),
        Arguments.of(
            "H(A1) of the wrong length",
            withRealms(defaultRealm(
                user("alice").withDigest(new DigestSecrets("Warden", Map.of("MD5", "abc"))))),
            "Realm 'Warden': user 'alice' has a MD5 H(A1) that is not 32 lower-case hex digits"),
        Arguments.of(
            "H(A1) for a session algorithm",
            withRealms(defaultRealm(user("alice")
                .withDigest(new DigestSecrets("Warden", Map.of("MD5-sess", MD5_HA1))))),
            "Realm 'Warden': user 'alice' has Digest material for 'MD5-sess', which is not a base "
                + "algorithm (MD5, SHA-256, SHA-512-256)"),
        Arguments.of(
            "CONNECT port 0",
            withRealms(defaultRealm().withConnectPorts(List.of(443, 0))),
            "Realm 'Warden': CONNECT port 0 is outside 1-65535"),
        Arguments.of(
            "CONNECT port above 65535",
            withRealms(defaultRealm().withConnectPorts(List.of(65_536))),
            "Realm 'Warden': CONNECT port 65536 is outside 1-65535"),
        Arguments.of(
            "CONNECT port twice",
            withRealms(defaultRealm().withConnectPorts(List.of(443, 8443, 443))),
            "Realm 'Warden': CONNECT port 443 is listed more than once"),
        Arguments.of(
            "traffic capacity too small",
            Settings.defaults().withTrafficCapacity(99),
            "Traffic capacity 99 is outside 100-1,000,000 exchanges"),
        Arguments.of(
            "traffic capacity too large",
            Settings.defaults().withTrafficCapacity(1_000_001),
            "Traffic capacity 1,000,001 is outside 100-1,000,000 exchanges"),
        Arguments.of(
            "negative body prefix limit",
            Settings.defaults().withBodyPrefixLimit(-1),
            "Body prefix limit -1 bytes is outside 0-16 MiB (0-16,777,216 bytes)"),
        Arguments.of(
            "body prefix limit above 16 MiB",
            Settings.defaults().withBodyPrefixLimit(16 * 1024 * 1024 + 1),
            "Body prefix limit 16,777,217 bytes is outside 0-16 MiB (0-16,777,216 bytes)"));
  }

  private static final String MD5_HA1 = "939e7578ed9e3c518a452acee763bce9";

  private static RealmAuth digest() {
    return RealmAuth.defaults().withSchemes(List.of("digest", "basic"));
  }

  private static Settings digestRealmWith(User... users) {
    return withRealms(new Realm("Corp", List.of(), List.of(users), digest()));
  }

  @Test
  void acceptsEveryKnownSchemeAndAlgorithmAtTheLifetimeBounds() {
    RealmAuth auth = new RealmAuth(
        List.of("digest", "basic"),
        List.of("SHA-256", "SHA-256-sess", "MD5", "MD5-sess", "SHA-512-256", "SHA-512-256-sess"),
        Duration.ofSeconds(1),
        407);

    assertThat(validator.problems(withRealms(defaultRealm().withAuth(auth)))).isEmpty();
    assertThat(validator.problems(
            withRealms(defaultRealm().withAuth(auth.withNonceLifetime(Duration.ofHours(24))))))
        .isEmpty();
  }

  @Test
  void refusesLockoutValuesOutOfRangeOneSentenceEach() {
    RealmLockout wrong = new RealmLockout(-1, 0, Duration.ZERO, 503);

    assertThat(validator.problems(
            withRealms(defaultRealm().withAuth(RealmAuth.defaults().withLockout(wrong)))))
        .containsExactly(
            "Realm 'Warden': lockout after 0 failures is outside 1 to 10000",
            "Realm 'Warden': delay after -1 failures is outside 0 to 10000",
            "Realm 'Warden': lockout duration 0 s is outside 1 s to 24 h (86400 s)",
            "Realm 'Warden': locked-out clients must get 407 or 429, not 503");
    assertThat(validator.problems(withRealms(defaultRealm()
            .withAuth(RealmAuth.defaults()
                .withLockout(new RealmLockout(0, 10_000, Duration.ofHours(24), 429))))))
        .isEmpty();
  }

  @Test
  void aDigestUserWithoutMaterialIsAGapNotAProblem() {
    Settings settings = digestRealmWith(user("alice"));

    assertThat(validator.problems(settings)).isEmpty();
    assertThat(validator.digestGaps(settings))
        .containsExactly(
            "alice cannot use Digest in realm 'Corp' until their password is set again (it was stored before Digest was on)");
  }

  @Test
  void digestMaterialOfAnotherRealmNameIsAGap() {
    Settings settings = digestRealmWith(
        user("bob").withDigest(CredentialMaterial.digest("bob", "Old name", "pw".toCharArray())));

    assertThat(validator.digestGaps(settings))
        .containsExactly(
            "bob cannot use Digest in realm 'Corp' until their password is set again (the realm was renamed)");
  }

  @Test
  void digestMaterialLackingAnOfferedBaseAlgorithmIsAGapNamingIt() {
    Settings settings = digestRealmWith(
        user("carol").withDigest(new DigestSecrets("Corp", Map.of("MD5", MD5_HA1))));

    assertThat(validator.digestGaps(settings))
        .containsExactly(
            "carol cannot use Digest in realm 'Corp' until their password is set again (it was stored without SHA-256)");
  }

  @Test
  void materialCoveringEveryOfferedAlgorithmIsNoGapAndBasicOnlyRealmsHaveNone() {
    User dave =
        user("dave").withDigest(CredentialMaterial.digest("dave", "Corp", "pw".toCharArray()));

    assertThat(validator.digestGaps(digestRealmWith(dave))).isEmpty();
    assertThat(
            validator.digestGaps(withRealms(new Realm("Corp", List.of(), List.of(user("erin"))))))
        .isEmpty();
  }

  @Test
  void digestMessagesNeverContainAnHa1() {
    User frank =
        user("frank").withDigest(new DigestSecrets("Corp", Map.of("MD5", MD5_HA1.substring(1))));
    Settings settings = digestRealmWith(frank);

    assertThat(String.join(" ", validator.problems(settings)) + validator.digestGaps(settings))
        .doesNotContain(MD5_HA1.substring(1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSettings")
  void reportsEachProblemInOneSentence(String situation, Settings settings, String expected) {
    assertThat(validator.problems(settings)).containsExactly(expected);
  }

  @Test
  void defaultsAreValidButWarnThatEveryRequestIsChallenged() {
    assertThat(validator.problems(Settings.defaults())).isEmpty();
    assertThat(validator.warnings(Settings.defaults()))
        .containsExactly("Realm 'Warden' has no users: every request will be challenged");
  }

  @Test
  void realmWithoutUsersIsNotWarnedAboutWhenEnforcementIsOff() {
    assertThat(validator.warnings(Settings.defaults().withEnforcement(false))).isEmpty();
  }

  @Test
  void warnsAboutRealmWhoseUsersAreAllDisabled() {
    Settings settings = withRealms(
        defaultRealm(user("alice")),
        new Realm("Corp", List.of("*.corp.example"), List.of(user("bob").withEnabled(false))));

    assertThat(validator.warnings(settings))
        .containsExactly(
            "Realm 'Corp' has only disabled users: every request to its hosts will be challenged");
  }

  @Test
  void warnsWhenListeningBeyondLoopback() {
    Settings settings =
        withRealms(defaultRealm(user("alice"))).withListen(ListenAddress.parse("0.0.0.0:3128"));

    assertThat(validator.warnings(settings))
        .singleElement()
        .asString()
        .startsWith("Listening on 0.0.0.0:3128 lets other machines use the proxy");
  }

  @Test
  void acceptsRichSettingsWithoutProblemsOrWarnings() {
    Settings settings = withRealms(
            new Realm(
                "Corp Intranet",
                List.of("*.corp.example", "api.example.com:8443", "[::1]"),
                List.of(user("alice"), user("bob").withEnabled(false))),
            new Realm("Warden", List.of(), List.of(user("carol"), user("Carol"))))
        .withTrafficCapacity(100)
        .withBodyPrefixLimit(0)
        .withListen(ListenAddress.parse("[::1]:8080"));

    assertThat(validator.problems(settings)).isEmpty();
    assertThat(validator.warnings(settings)).isEmpty();
  }

  @Test
  void listsEveryProblemNotJustTheFirst() {
    Settings settings =
        withRealms(new Realm("Réalm", List.of(), List.of(user("a:b")))).withTrafficCapacity(0);

    assertThat(validator.problems(settings)).hasSize(3);
  }

  @Test
  void neverPutsThePasswordHashIntoAMessage() {
    Settings settings =
        withRealms(defaultRealm(new User("a:b", false, HASH), new User("a:b", true, HASH)));

    assertThat(validator.problems(settings)).isNotEmpty().noneMatch(p -> p.contains(HASH));
    assertThat(validator.warnings(settings)).noneMatch(p -> p.contains(HASH));
  }
}
