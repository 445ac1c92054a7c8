package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.traffic.ExchangeError;
import org.junit.jupiter.api.Test;

class AccessLogLineTest {

  @Test
  void writesTheFieldsInDocumentedOrder() {
    assertThat(AccessLogLine.of(Exchanges.authenticated(1)))
        .isEqualTo("2026-11-29T10:01:02.345Z 127.0.0.1:50412 alice GET http://127.0.0.1:8080/x 200"
            + " authenticated 1024 3");
  }

  @Test
  void keepsMillisecondsWhenTheyAreZero() {
    var e = Exchanges.authenticated(1);
    var atWholeSecond = new dev.warden.core.traffic.Exchange(
        e.id(),
        e.connectionId(),
        e.client(),
        java.time.Instant.parse("2026-01-01T00:00:00Z"),
        e.timeToFirstByte(),
        e.duration(),
        e.method(),
        e.url(),
        e.protocol(),
        e.requestHeaders(),
        e.responseHeaders(),
        e.requestBody(),
        e.responseBody(),
        e.status(),
        e.auth(),
        e.error());

    assertThat(AccessLogLine.of(atWholeSecond)).startsWith("2026-01-01T00:00:00.000Z ");
  }

  @Test
  void writesTheSameTimeAsTheIsoFormatterForAnyInstantOfFourDigitYears() {
    var iso = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
        .withZone(java.time.ZoneOffset.UTC);
    var random = new java.util.Random(20261201L);
    long first = java.time.Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    long last = java.time.Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    for (int i = 0; i < 20_000; i++) {
      var instant = java.time.Instant.ofEpochMilli(
              first + (long) (random.nextDouble() * (last - first)))
          .plusNanos(random.nextInt(1_000_000));
      var line = new StringBuilder();
      AccessLogLine.appendTime(instant, line);
      assertThat(line.toString()).as("%s", instant).isEqualTo(iso.format(instant));
    }
  }

  @Test
  void writesADashForNoUserWhenEnforcementIsOff() {
    String line = AccessLogLine.of(Exchanges.get(1, new AuthOutcome.NotRequired(), 200, null));

    assertThat(line.split(" ")[2]).isEqualTo("-");
    assertThat(line.split(" ")[6]).isEqualTo("not-required");
  }

  @Test
  void namesTheClaimedUserOfAChallengeWithItsReason() {
    var outcome =
        new AuthOutcome.Challenged(ChallengeReason.WRONG_PASSWORD, "", "Warden", "Basic", "alice");

    String[] fields = AccessLogLine.of(Exchanges.get(1, outcome, 407, null)).split(" ");

    assertThat(fields[2]).isEqualTo("alice");
    assertThat(fields[5]).isEqualTo("407");
    assertThat(fields[6]).isEqualTo(outcome.label());
  }

  @Test
  void writesADashWhenNoStatusWasSent() {
    var error = new ExchangeError(ExchangeError.Kind.CLIENT_ABORTED, "");

    String line = AccessLogLine.of(Exchanges.get(1, new AuthOutcome.NotRequired(), 0, error));

    assertThat(line.split(" ")[5]).isEqualTo("-");
    assertThat(line).endsWith(" error=\"client closed the connection\"");
  }

  @Test
  void appendsTheFailureOfTheDestination() {
    var error =
        new ExchangeError(ExchangeError.Kind.DNS_FAILURE, "no.such.host: \"name\" not resolved");

    String line = AccessLogLine.of(Exchanges.get(1, new AuthOutcome.NotRequired(), 502, error));

    assertThat(line)
        .endsWith(
            " 502 not-required 1024 3 error=\"DNS failure: no.such.host: 'name' not resolved\"");
  }

  @Test
  void doesNotRepeatTheKindWhenTheDetailAlreadyNamesIt() {
    var error = new ExchangeError(
        ExchangeError.Kind.CONNECT_FAILED,
        "http://127.0.0.1:1/: connection refused or unreachable");

    String line = AccessLogLine.of(Exchanges.get(1, new AuthOutcome.NotRequired(), 502, error));

    assertThat(line).endsWith(" error=\"http://127.0.0.1:1/: connection refused or unreachable\"");
  }

  @Test
  void encodesSpacesAndControlCharactersSoEachFieldStaysOneToken() {
    var outcome = new AuthOutcome.Challenged(
        ChallengeReason.UNKNOWN_USER, "", "Warden", "Basic", "eve\nfake line");

    String line = AccessLogLine.of(Exchanges.get(1, outcome, 407, null));

    assertThat(line).doesNotContain("\n").contains(" eve%0Afake%20line ");
    assertThat(line.split(" ")).hasSize(9);
  }
}
