package dev.warden.core.auth.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Proxy-Authenticate / WWW-Authenticate field values into challenges. */
class ChallengeParsingTest {

  static List<Challenge> challenges(String fieldValue) {
    ParseResult<List<Challenge>> result = AuthHeaderParser.parseChallenges(fieldValue);
    assertThat(result).as("parse of %s", fieldValue).isInstanceOf(ParseResult.Parsed.class);
    return result.parsed().orElseThrow();
  }

  @Test
  void readsTheRfc9110ExampleAsTwoChallengesWithTheirParameters() {
    List<Challenge> challenges = challenges(
        "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\"");

    assertThat(challenges)
        .containsExactly(
            Challenge.withParams(
                "Newauth",
                AuthParam.quoted("realm", "apps"),
                new AuthParam("type", "1", false),
                AuthParam.quoted("title", "Login to \"apps\"")),
            Challenge.withParams("Basic", AuthParam.quoted("realm", "simple")));
  }

  @Test
  void splitsTwoChallengesInOneField() {
    List<Challenge> challenges = challenges("Digest realm=\"a\", nonce=\"b\", Basic realm=\"c\"");

    assertThat(challenges).extracting(Challenge::scheme).containsExactly("Digest", "Basic");
    assertThat(challenges.get(0).params())
        .extracting(AuthParam::name)
        .containsExactly("realm", "nonce");
    assertThat(challenges.get(1).firstValue("realm")).contains("c");
  }

  @Test
  void readsTheRfc7616DigestChallengesFromTwoFields() {
    String sha256 =
        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
            + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    String md5 = sha256.replace("SHA-256", "MD5");

    List<Challenge> challenges =
        AuthHeaderParser.parseChallenges(List.of(sha256, md5)).parsed().orElseThrow();

    assertThat(challenges).hasSize(2);
    Challenge first = challenges.get(0);
    assertThat(first.params())
        .containsExactly(
            AuthParam.quoted("realm", "http-auth@example.org"),
            AuthParam.quoted("qop", "auth, auth-int"),
            new AuthParam("algorithm", "SHA-256", false),
            AuthParam.quoted("nonce", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"),
            AuthParam.quoted("opaque", "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"));
    assertThat(challenges.get(1).first("algorithm"))
        .contains(new AuthParam("algorithm", "MD5", false));
  }

  @Test
  void readsTheRfc7617BasicChallengeWithCharset() {
    assertThat(challenges("Basic realm=\"foo\", charset=\"UTF-8\""))
        .containsExactly(Challenge.withParams(
            "Basic", AuthParam.quoted("realm", "foo"), AuthParam.quoted("charset", "UTF-8")));
  }

  @Test
  void keepsStaleAndAlgorithmAsUnquotedTokens() {
    Challenge digest = challenges("Digest realm=\"r\", nonce=\"n\", stale=true, algorithm=SHA-256")
        .get(0);

    assertThat(digest.first("stale")).contains(new AuthParam("stale", "true", false));
    assertThat(digest.first("algorithm")).contains(new AuthParam("algorithm", "SHA-256", false));
    assertThat(digest.first("nonce").orElseThrow().quoted()).isTrue();
  }

  @Test
  void readsToken68Challenges() {
    assertThat(challenges("Negotiate abc==, NTLM TlRMTVNTUAACAAAA"))
        .containsExactly(
            Challenge.withToken68("Negotiate", "abc=="),
            Challenge.withToken68("NTLM", "TlRMTVNTUAACAAAA"));
  }

  @Test
  void readsBareSchemesAsChallengesWithNothing() {
    assertThat(challenges("Negotiate, NTLM"))
        .containsExactly(Challenge.withParams("Negotiate"), Challenge.withParams("NTLM"));
  }

  @Test
  void readsABareSchemeAfterParameters() {
    assertThat(challenges("Basic realm=\"x\", Negotiate"))
        .extracting(Challenge::scheme)
        .containsExactly("Basic", "Negotiate");
  }

  @Test
  void readsAToken68ChallengeAfterAParameterChallenge() {
    assertThat(challenges("Basic realm=\"x\", Negotiate YWJj"))
        .containsExactly(
            Challenge.withParams("Basic", AuthParam.quoted("realm", "x")),
            Challenge.withToken68("Negotiate", "YWJj"));
  }

  @Test
  void ignoresEmptyListElements() {
    assertThat(challenges(" , ,Basic realm=\"x\",, ,Digest realm=\"y\",,  nonce=\"n\" ,"))
        .containsExactly(
            Challenge.withParams("Basic", AuthParam.quoted("realm", "x")),
            Challenge.withParams(
                "Digest", AuthParam.quoted("realm", "y"), AuthParam.quoted("nonce", "n")));
  }

  @Test
  void acceptsWhitespaceAroundEquals() {
    assertThat(challenges("Basic realm =  \"x\", charset\t=\tUTF-8"))
        .containsExactly(Challenge.withParams(
            "Basic", AuthParam.quoted("realm", "x"), new AuthParam("charset", "UTF-8", false)));
  }

  @Test
  void unescapesQuotedPairs() {
    Challenge basic = challenges("Basic realm=\"a \\\"b\\\" \\\\ c\\d\"").get(0);

    assertThat(basic.firstValue("realm")).contains("a \"b\" \\ cd");
  }

  @Test
  void keepsCommasAndEqualsInsideQuotedStrings() {
    assertThat(challenges("Basic realm=\"a, Digest b=c\""))
        .containsExactly(Challenge.withParams("Basic", AuthParam.quoted("realm", "a, Digest b=c")));
  }

  @Test
  void keepsTheSpellingOfSchemeAndNamesButLooksThemUpIgnoringCase() {
    Challenge challenge = challenges("bAsIc ReAlM=\"x\"").get(0);

    assertThat(challenge.scheme()).isEqualTo("bAsIc");
    assertThat(challenge.hasScheme("Basic")).isTrue();
    assertThat(challenge.params().get(0).name()).isEqualTo("ReAlM");
    assertThat(challenge.firstValue("realm")).contains("x");
  }

  @Test
  void keepsDuplicateParametersInOrder() {
    Challenge digest = challenges("Digest realm=\"a\", qop=auth, REALM=\"b\"").get(0);

    assertThat(digest.count("realm")).isEqualTo(2);
    assertThat(digest.firstValue("realm")).contains("a");
    assertThat(digest.all("realm")).extracting(AuthParam::value).containsExactly("a", "b");
    assertThat(digest.count("nonce")).isZero();
    assertThat(digest.first("nonce")).isEmpty();
  }

  @Test
  void readsObsTextInQuotedStringsAsItCame() {
    // UTF-8 bytes of "é" decoded as ISO-8859-1, as Netty hands header values over, and the same as
    // UTF-8.
    assertThat(challenges("Basic realm=\"caf\u00c3\u00a9\"").get(0).firstValue("realm"))
        .contains("caf\u00c3\u00a9");
    assertThat(challenges("Basic realm=\"caf\u00e9\"").get(0).firstValue("realm"))
        .contains("caf\u00e9");
  }

  @Test
  void acceptsSurroundingWhitespace() {
    assertThat(challenges(" \tBasic realm=x \t"))
        .containsExactly(Challenge.withParams("Basic", new AuthParam("realm", "x", false)));
  }

  @Test
  void readsChallengesFromEveryFieldInOrder() {
    assertThat(AuthHeaderParser.parseChallenges(List.of("Negotiate", "", "Basic realm=x, NTLM"))
            .parsed())
        .hasValueSatisfying(list -> assertThat(list)
            .extracting(Challenge::scheme)
            .containsExactly("Negotiate", "Basic", "NTLM"));
  }
}
