package dev.warden.core.auth.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Writing challenges and credentials as field values. */
class AuthHeaderWriterTest {

  @Test
  void writesTheRfc7616DigestChallengeByDigestsQuotingRules() {
    Challenge digest = Challenge.withParams(
        "Digest",
        AuthParam.quoted("realm", "http-auth@example.org"),
        AuthParam.quoted("qop", "auth, auth-int"),
        new AuthParam("algorithm", "SHA-256", false),
        AuthParam.quoted("nonce", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"),
        AuthParam.quoted("opaque", "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"),
        new AuthParam("stale", "true", false));

    assertThat(AuthHeaderWriter.write(digest))
        .isEqualTo(
            "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
                + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", stale=true");
  }

  @Test
  void quotesATokenWhenTheCallerSaysSo() {
    assertThat(AuthHeaderWriter.write(AuthParam.quoted("qop", "auth"))).isEqualTo("qop=\"auth\"");
  }

  @Test
  void quotesOnlyWhatIsNotATokenWhenLeftToChoose() {
    assertThat(AuthHeaderWriter.write(AuthParam.of("charset", "UTF-8"))).isEqualTo("charset=UTF-8");
    assertThat(AuthHeaderWriter.write(AuthParam.of("realm", "Squid proxy")))
        .isEqualTo("realm=\"Squid proxy\"");
    assertThat(AuthHeaderWriter.write(AuthParam.of("realm", ""))).isEqualTo("realm=\"\"");
  }

  @Test
  void escapesQuotesAndBackslashesOnly() {
    assertThat(AuthHeaderWriter.write(AuthParam.of("realm", "a \"b\" \\ c, d=e")))
        .isEqualTo("realm=\"a \\\"b\\\" \\\\ c, d=e\"");
  }

  @Test
  void writesNonAsciiAsItIsForTheCallerToSendAsUtf8() {
    String realm = "Caf\u00e9 \u2603 \ud83d\udd11";

    assertThat(AuthHeaderWriter.write(AuthParam.of("realm", realm)))
        .isEqualTo("realm=\"" + realm + "\"");
    assertThat(AuthHeaderWriter.isVisibleAscii(realm)).isFalse();
    assertThat(AuthHeaderWriter.isVisibleAscii("Squid proxy-caching web server"))
        .isTrue();
    assertThat(AuthHeaderWriter.isVisibleAscii("tab\there")).isTrue();
    assertThat(AuthHeaderWriter.isVisibleAscii("bell\u0007")).isFalse();
  }

  @Test
  void writesAToken68AfterOneSpace() {
    assertThat(AuthHeaderWriter.write(
            Credentials.withToken68("Basic", "QWxhZGRpbjpvcGVuIHNlc2FtZQ==")))
        .isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  }

  @Test
  void writesABareScheme() {
    assertThat(AuthHeaderWriter.write(Challenge.withParams("Negotiate"))).isEqualTo("Negotiate");
  }

  @Test
  void writesSeveralChallengesInOneField() {
    String field = AuthHeaderWriter.writeChallenges(List.of(
        Challenge.withParams(
            "Digest", AuthParam.quoted("realm", "a"), AuthParam.quoted("nonce", "b")),
        Challenge.withParams("Basic", AuthParam.quoted("realm", "c")),
        Challenge.withParams("Negotiate")));

    assertThat(field).isEqualTo("Digest realm=\"a\", nonce=\"b\", Basic realm=\"c\", Negotiate");
  }

  @Test
  void refusesAnEmptyChallengeList() {
    assertThatThrownBy(() -> AuthHeaderWriter.writeChallenges(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesToQuoteLineBreaks() {
    assertThat(AuthHeaderWriter.canQuote("a\r\nSet-Cookie: x")).isFalse();
    assertThat(AuthHeaderWriter.canQuote("a\tb")).isTrue();
    assertThatThrownBy(() -> AuthHeaderWriter.quote("a\nb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthParam.of("realm", "a\rb"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnUnquotedValueThatIsNotAToken() {
    assertThatThrownBy(() -> new AuthParam("algorithm", "SHA 256", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuthParam("stale", "", false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesNamesAndSchemesThatAreNotTokens() {
    assertThatThrownBy(() -> AuthParam.of("re alm", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Challenge.withParams("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Credentials.withToken68("Basic", "a=b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Challenge("Basic", "abc", List.of(AuthParam.of("a", "b"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesCredentialsWithNothingAfterTheScheme() {
    assertThatThrownBy(() -> Credentials.withParams("Basic"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quotesAStringOnItsOwn() {
    assertThat(AuthHeaderWriter.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
  }
}
