package dev.warden.core.auth.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed field values give a failure with a short reason and a position, never an exception. */
class ParseFailureTest {

  private static ParseResult.Failed<?> challengeFailure(String fieldValue) {
    ParseResult<List<Challenge>> result = AuthHeaderParser.parseChallenges(fieldValue);
    assertThat(result).as("parse of %s", fieldValue).isInstanceOf(ParseResult.Failed.class);
    return (ParseResult.Failed<?>) result;
  }

  private static ParseResult.Failed<?> credentialsFailure(String fieldValue) {
    ParseResult<Credentials> result = AuthHeaderParser.parseCredentials(fieldValue);
    assertThat(result).as("parse of %s", fieldValue).isInstanceOf(ParseResult.Failed.class);
    return (ParseResult.Failed<?>) result;
  }

  @Test
  void reportsAnUnterminatedQuotedStringAtItsOpeningQuote() {
    ParseResult.Failed<?> failed = challengeFailure("Basic realm=\"abc, Digest");

    assertThat(failed.reason()).isEqualTo("unterminated quoted string at 12");
    assertThat(failed.position()).isEqualTo(12);
  }

  @Test
  void reportsABackslashAtTheEndAsAnUnterminatedQuotedString() {
    assertThat(credentialsFailure("Digest username=\"a\\").reason())
        .isEqualTo("unterminated quoted string at 16");
  }

  @Test
  void reportsAControlCharacterEvenInsideAQuotedString() {
    assertThat(challengeFailure("Basic\u0001").reason()).isEqualTo("bad character '\\u0001' at 5");
    assertThat(credentialsFailure("Digest a=\"x\r\ny\"").reason())
        .isEqualTo("bad character '\\u000d' at 11");
    assertThat(credentialsFailure("Digest a=\"x\u007fy\"").position()).isEqualTo(11);
  }

  @Test
  void reportsALoneEqualsAsAnEmptyScheme() {
    assertThat(challengeFailure("=").reason()).isEqualTo("empty scheme at 0");
    assertThat(credentialsFailure("=").reason()).isEqualTo("empty scheme at 0");
  }

  @Test
  void reportsAParameterWithoutAScheme() {
    assertThat(challengeFailure("realm=\"x\"").reason())
        .isEqualTo("parameter without a scheme at 0");
  }

  @Test
  void reportsBasicCredentialsWithNothingAfterTheScheme() {
    assertThat(credentialsFailure("Basic").reason()).isEqualTo("nothing after the scheme at 5");
    assertThat(credentialsFailure("Basic   ").reason()).isEqualTo("nothing after the scheme at 5");
  }

  @Test
  void reportsAnEmptyCredentialsField() {
    assertThat(credentialsFailure("").reason()).isEqualTo("no credentials");
    assertThat(credentialsFailure(" \t ").reason()).isEqualTo("no credentials");
  }

  @Test
  void reportsAChallengeFieldWithNoChallenge() {
    assertThat(challengeFailure(" , ,, ").reason()).isEqualTo("no challenge");
    assertThat(AuthHeaderParser.parseChallenges(List.of())).isInstanceOf(ParseResult.Failed.class);
  }

  @Test
  void reportsAParameterWithoutAValue() {
    assertThat(challengeFailure("Digest realm=\"x\", nonce=").reason())
        .isEqualTo("expected parameter value at 24");
    assertThat(credentialsFailure("Digest realm=\"x\", nonce=, uri=\"/\"").reason())
        .isEqualTo("expected parameter value at 24");
  }

  @Test
  void reportsAParameterNameWithoutEquals() {
    assertThat(credentialsFailure("Digest realm=\"x\", nonce").reason())
        .isEqualTo("expected '=' after parameter name at 23");
    assertThat(credentialsFailure("Digest realm=\"x\", nonce, uri=\"/\"").reason())
        .isEqualTo("expected '=' after parameter name at 23");
  }

  @Test
  void reportsParametersNotSeparatedByCommas() {
    assertThat(challengeFailure("Digest realm=\"x\" nonce=\"y\"").reason())
        .isEqualTo("expected ',' at 17");
  }

  @Test
  void reportsASecondCredentialsInOneField() {
    ParseResult.Failed<?> failed = credentialsFailure("Digest username=\"a\", Basic YWxpY2U6cHc=");

    assertThat(failed.reason()).isEqualTo("second credentials at 21; a field carries one");
  }

  @Test
  void reportsACommaAfterAToken68Credentials() {
    assertThat(credentialsFailure("Basic YWxpY2U6cHc=, Basic YWxpY2U6cHc=").reason())
        .isEqualTo("unexpected ',' after token68 at 18");
  }

  @Test
  void reportsAQuoteRightAfterTheScheme() {
    assertThat(challengeFailure("Basic\"x\"").reason())
        .isEqualTo("expected a space after the scheme at 5");
  }

  @Test
  void namesTheFieldAtFaultWhenSeveralAreParsed() {
    ParseResult<List<Challenge>> result =
        AuthHeaderParser.parseChallenges(List.of("Basic realm=x", "Digest realm=\"y"));

    assertThat(result)
        .isEqualTo(new ParseResult.Failed<>("field 2: unterminated quoted string at 13", 1, 13));
  }

  @Test
  void quotesNoVisibleCharacterOfTheCredentials() {
    assertThat(credentialsFailure("Digest username=\"secret\" password=\"hunter2\"")
            .reason())
        .doesNotContain("hunter2")
        .doesNotContain("password")
        .doesNotContain("secret");
  }
}
