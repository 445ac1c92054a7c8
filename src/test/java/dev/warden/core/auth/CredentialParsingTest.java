package dev.warden.core.auth;

import static dev.warden.core.auth.TestPolicies.basic;
import static dev.warden.core.auth.TestPolicies.enforcing;
import static dev.warden.core.auth.TestPolicies.get;
import static dev.warden.core.auth.TestPolicies.realm;
import static dev.warden.core.auth.TestPolicies.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading Proxy-Authorization, judged end to end through {@link AuthPolicy#decide}. */
class CredentialParsingTest {

  private static AuthPolicy policy;

  @BeforeAll
  static void compilePolicy() {
    policy = AuthPolicy.of(enforcing(realm(
        "Corp",
        List.of(),
        user("alice", "pw"),
        user("carol", "pa:ss:word"),
        user("jürgen", "grüße"))));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("scheme alone", List.of("Basic"), "no token after scheme"),
        Arguments.of("scheme and spaces", List.of("Basic   "), "no token after scheme"),
        Arguments.of(
            "two tokens", List.of("Basic YWxp Y2U6cHc="), "more than one token after scheme"),
        Arguments.of("bad alphabet", List.of("Basic YWxpY2U6cH*="), "invalid base64"),
        Arguments.of("url-safe alphabet", List.of("Basic YWxpY2U6cH_="), "invalid base64"),
        Arguments.of("newline inside", List.of("Basic YWxp\nY2U6cHc="), "invalid base64"),
        Arguments.of("non-zero pad bits", List.of("Basic YR=="), "invalid base64"),
        Arguments.of("missing padding", List.of("Basic YWxpY2U6cHc"), "bad base64 padding"),
        Arguments.of("short padding", List.of("Basic YQ="), "bad base64 padding"),
        Arguments.of("padding in the middle", List.of("Basic YQ==YQ=="), "bad base64 padding"),
        Arguments.of("three pad characters", List.of("Basic Y==="), "bad base64 padding"),
        Arguments.of("no colon", List.of(basic("alice")), "no colon between user and password"),
        Arguments.of("empty user", List.of(basic(":pw")), "empty user name"),
        Arguments.of(
            "NUL in user", List.of(basic("al\u0000ice:pw")), "control character in credentials"),
        Arguments.of(
            "tab in password", List.of(basic("alice:p\tw")), "control character in credentials"),
        Arguments.of(
            "DEL in password",
            List.of(basic("alice:pw\u007f")),
            "control character in credentials"),
        Arguments.of(
            "C1 NEL in password",
            List.of(basic("alice:pw\u0085")),
            "control character in credentials"),
        Arguments.of(
            "oversize", List.of("Basic " + "A".repeat(10_234)), "oversize (10240 characters)"),
        Arguments.of(
            "two fields",
            List.of(basic("alice:pw"), basic("alice:pw")),
            "several Proxy-Authorization fields"),
        Arguments.of("empty field", List.of(""), "empty Proxy-Authorization field"),
        Arguments.of(
            "scheme with a bad character", List.of("B@sic YWxpY2U6cHc="), "invalid scheme name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void answersMalformedCredentialsWithAChallengeAndTheirDetail(
      String name, List<String> fields, String detail) {
    AuthDecision decision = policy.decide(get(fields.toArray(String[]::new)));

    assertThat(decision.outcome()).isInstanceOfSatisfying(AuthOutcome.Challenged.class, c -> {
      assertThat(c.reason()).isEqualTo(ChallengeReason.MALFORMED);
      assertThat(c.detail()).isEqualTo(detail);
      assertThat(c.user()).isEmpty();
    });
    assertThat(decision.challenges()).containsExactly("Basic realm=\"Corp\", charset=\"UTF-8\"");
    assertThat(decision.redactedCredentials()).endsWith("(unreadable)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic", "basic", "BASIC", "bAsIc"})
  void readsTheSchemeNameCaseInsensitively(String scheme) {
    String token = basic("alice:pw").substring("Basic ".length());

    AuthDecision decision = policy.decide(get(scheme + " " + token));

    assertThat(decision.outcome())
        .isEqualTo(new AuthOutcome.Authenticated("Basic", "alice", "Corp"));
  }

  @Test
  void splitsAtFirstColonSoPasswordsMayHoldColons() {
    AuthDecision decision = policy.decide(get(basic("carol:pa:ss:word")));

    assertThat(decision.outcome())
        .isEqualTo(new AuthOutcome.Authenticated("Basic", "carol", "Corp"));
  }

  @Test
  void acceptsIso88591CredentialsAndSaysTheClientIgnoredTheCharset() {
    AuthDecision decision = policy.decide(get(basic("jürgen:grüße", StandardCharsets.ISO_8859_1)));

    assertThat(decision.outcome()).isInstanceOfSatisfying(AuthOutcome.Authenticated.class, a -> {
      assertThat(a.user()).isEqualTo("jürgen");
      assertThat(a.note()).contains("ISO-8859-1").contains("charset");
    });
  }

  @Test
  void refusesIso88591CredentialsWithAWrongPassword() {
    AuthDecision decision = policy.decide(get(basic("jürgen:grüsse", StandardCharsets.ISO_8859_1)));

    assertThat(decision.outcome())
        .isInstanceOfSatisfying(
            AuthOutcome.Challenged.class,
            c -> assertThat(c.reason()).isEqualTo(ChallengeReason.WRONG_PASSWORD));
  }

  @Test
  void decodesUserAndPasswordAsUtf8() {
    AuthDecision decision = policy.decide(get(basic("jürgen:grüße")));

    assertThat(decision.outcome())
        .isEqualTo(new AuthOutcome.Authenticated("Basic", "jürgen", "Corp"));
    assertThat(decision.redactedCredentials()).isEqualTo("Basic jürgen:***");
  }

  @Test
  void toleratesWhitespaceAroundTheValueAndBetweenSchemeAndToken() {
    String token = basic("alice:pw").substring("Basic ".length());

    AuthDecision decision = policy.decide(get(" Basic \t " + token + " "));

    assertThat(decision.allowed()).isTrue();
  }

  @Test
  void recordsAnotherSchemeAsUnsupportedWithItsName() {
    AuthDecision decision = policy.decide(get("Bearer abc.def"));

    assertThat(decision.outcome())
        .isEqualTo(new AuthOutcome.Challenged(
            ChallengeReason.UNSUPPORTED_SCHEME, "", "Corp", "Bearer", ""));
    assertThat(decision.redactedCredentials()).isEqualTo("Bearer ***");
  }

  @Test
  void challengesARequestWithoutCredentialsAsMissing() {
    AuthDecision decision = policy.decide(get());

    assertThat(decision.outcome())
        .isEqualTo(new AuthOutcome.Challenged(ChallengeReason.MISSING, "", "Corp", "", ""));
    assertThat(decision.redactedCredentials()).isEmpty();
    assertThat(decision.challenges()).hasSize(1);
  }

  @Test
  void readsAFieldOfExactly4096CharactersButNotOneMore() {
    String limit = "Basic " + "A".repeat(4_090);

    AuthOutcome atLimit = policy.decide(get(limit)).outcome();
    AuthOutcome overLimit = policy.decide(get(limit + "A")).outcome();

    assertThat(atLimit)
        .isInstanceOfSatisfying(
            AuthOutcome.Challenged.class,
            c -> assertThat(c.detail()).isEqualTo("bad base64 padding"));
    assertThat(overLimit)
        .isInstanceOfSatisfying(
            AuthOutcome.Challenged.class,
            c -> assertThat(c.detail()).isEqualTo("oversize (4097 characters)"));
  }

  @Test
  void acceptsAnEmptyPassword() {
    AuthPolicy emptyPassword = AuthPolicy.of(enforcing(realm("Corp", List.of(), user("nopw", ""))));

    assertThat(emptyPassword.decide(get(basic("nopw:"))).allowed()).isTrue();
  }
}
