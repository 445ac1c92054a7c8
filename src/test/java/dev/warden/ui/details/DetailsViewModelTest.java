package dev.warden.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.ui.Exchanges;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetailsViewModelTest {

  private final DetailsViewModel model = new DetailsViewModel();

  @Test
  void outcomeIsOnePlainSentence() {
    model
        .exchangeProperty()
        .set(Exchanges.challenged(
            7, "http://a.example/", ChallengeReason.UNKNOWN_USER, "bob", "Corp"));
    assertThat(model.outcomeProperty().get())
        .isEqualTo("Basic credentials for unknown user 'bob' in realm 'Corp'");
  }

  @Test
  void overviewSpeaksSentencesWithTheReasonPhraseNotEnumNames() {
    model
        .exchangeProperty()
        .set(Exchanges.challenged(
            7, "http://a.example/", ChallengeReason.UNKNOWN_USER, "bob", "Corp"));
    assertThat(model.overview())
        .contains(
            new DetailsViewModel.Fact("Auth", "challenged: unknown user"),
            new DetailsViewModel.Fact("Status", "407 Proxy Authentication Required"));
    model.exchangeProperty().set(Exchanges.ok(8, "http://a.example/", "alice"));
    assertThat(model.overview())
        .contains(
            new DetailsViewModel.Fact("Auth", "authenticated with Basic"),
            new DetailsViewModel.Fact("Status", "200 OK"));
    model.exchangeProperty().set(Exchanges.open(9, "http://a.example/"));
    assertThat(model.overview()).contains(new DetailsViewModel.Fact("Auth", "not required"));
  }

  private static dev.warden.core.traffic.Exchange faulted(
      dev.warden.core.traffic.Exchange e, String... knobs) {
    return new dev.warden.core.traffic.Exchange(
        e.id(),
        e.connectionId(),
        e.client(),
        e.started(),
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
        e.error(),
        e.challenges(),
        e.received(),
        java.util.List.of(knobs));
  }

  @Test
  void anOriginGoneBeforeAnsweringIsSaidOnceWithTheDestinationInBrackets() {
    dev.warden.core.traffic.ExchangeError reset = new dev.warden.core.traffic.ExchangeError(
        dev.warden.core.traffic.ExchangeError.Kind.SERVER_ABORTED,
        "127.0.0.1:8080: server reset the connection without a response");
    model.exchangeProperty().set(Exchanges.failed(7, "http://127.0.0.1:8080/orders", reset));
    assertThat(model.outcomeProperty().get())
        .isEqualTo("Authentication not required (enforcement is off). Then the destination"
            + " failed: server reset the connection without a response (127.0.0.1:8080)");
    assertThat(model.overview()).contains(new DetailsViewModel.Fact("Status", "502 Bad Gateway"));
  }

  @Test
  void aFailureWhoseDetailSaysSomethingElseFollowsItsLabel() {
    dev.warden.core.traffic.ExchangeError timeout = new dev.warden.core.traffic.ExchangeError(
        dev.warden.core.traffic.ExchangeError.Kind.TIMEOUT,
        "127.0.0.1:8080: no response within 500 ms of the request");
    assertThat(DetailsViewModel.failureWords(timeout))
        .isEqualTo("timeout (127.0.0.1:8080: no response within 500 ms of the request)");
  }

  @Test
  void showsTheFaultKnobsThatShapedTheExchange() {
    model
        .exchangeProperty()
        .set(faulted(
            Exchanges.challenged(7, "http://a.example/", ChallengeReason.FAULT_KNOB, "bob", "Corp"),
            "rechallengeEvery=3",
            "header=X-Lab: 1"));
    assertThat(model.overview())
        .contains(new DetailsViewModel.Fact("Fault knobs", "rechallengeEvery=3\nheader=X-Lab: 1"));
    assertThat(model.outcomeProperty().get())
        .endsWith("Shaped by the fault knobs rechallengeEvery=3, header=X-Lab: 1");
    assertThat(dev.warden.ui.traffic.ExchangeFacts.authText(
            model.exchangeProperty().get()))
        .startsWith(dev.warden.ui.traffic.ExchangeFacts.FAULT_MARK);
  }

  @Test
  void showsNoFaultKnobsWhenNoneShapedIt() {
    model
        .exchangeProperty()
        .set(Exchanges.challenged(
            7, "http://a.example/", ChallengeReason.UNKNOWN_USER, "bob", "Corp"));
    assertThat(model.overview()).noneMatch(f -> f.label().equals("Fault knobs"));
    assertThat(dev.warden.ui.traffic.ExchangeFacts.authText(
            model.exchangeProperty().get()))
        .doesNotStartWith(dev.warden.ui.traffic.ExchangeFacts.FAULT_MARK);
  }

  @Test
  void saysInOneSentenceWhyATunnelToAPortWasRefused() {
    model.exchangeProperty().set(Exchanges.portRefused(9, "mail.example:25", 25));
    assertThat(model.outcomeProperty().get())
        .isEqualTo(
            "CONNECT to port 25 refused: realm 'Corp' allows tunnels to ports 443, 8443 only (user 'alice' was authenticated)");
  }

  @Test
  void authTabShowsTheChallengeAndMasksTheSecret() {
    model
        .exchangeProperty()
        .set(Exchanges.challenged(
            7, "http://a.example/", ChallengeReason.WRONG_PASSWORD, "bob", "Corp"));
    assertThat(model.challengeProperty().get())
        .contains("Proxy-Authenticate: Basic realm=\"Corp\"");
    assertThat(model.received())
        .containsExactly(
            new DetailsViewModel.Fact("Scheme", "Basic"),
            new DetailsViewModel.Fact("User", "bob"),
            new DetailsViewModel.Fact("Password", ReceivedFacts.MASKED));
  }

  @Test
  void authTabShowsEveryDigestParameterReceivedWithTheResponseMasked() {
    ReceivedCredentials.DigestParams params = new ReceivedCredentials.DigestParams(
        "alice",
        false,
        "Corp",
        "n0nce",
        Duration.ofSeconds(42),
        "00000002",
        "c0ffee",
        "auth",
        "SHA-256",
        "/x",
        true);
    model
        .exchangeProperty()
        .set(Exchanges.challengedDigest(
            8, "http://a.example/x", ChallengeReason.BAD_RESPONSE, "alice", "Corp", params));
    assertThat(model.received())
        .containsExactly(
            new DetailsViewModel.Fact("Scheme", "Digest"),
            new DetailsViewModel.Fact("username", "alice"),
            new DetailsViewModel.Fact("realm", "Corp"),
            new DetailsViewModel.Fact("nonce", "n0nce"),
            new DetailsViewModel.Fact("nonce age", "42 s"),
            new DetailsViewModel.Fact("nc", "00000002"),
            new DetailsViewModel.Fact("cnonce", "c0ffee"),
            new DetailsViewModel.Fact("qop", "auth"),
            new DetailsViewModel.Fact("algorithm", "SHA-256"),
            new DetailsViewModel.Fact("uri", "/x"),
            new DetailsViewModel.Fact("userhash", "false"),
            new DetailsViewModel.Fact("opaque", "sent"),
            new DetailsViewModel.Fact("response", ReceivedFacts.MASKED));
    assertThat(model.authVerdictProperty().get())
        .isEqualTo(
            "Digest credentials of user 'alice' whose response does not match (wrong password, or computed"
                + " for another method) in realm 'Corp'.");
  }

  @Test
  void authTabShowsTheDecodedType1AndTheType2Sent() {
    ReceivedCredentials.NtlmParams type1 = new ReceivedCredentials.NtlmParams(
        "NTLM",
        "Type 1 (NEGOTIATE)",
        List.of("OEM", "NTLM"),
        "",
        "",
        "",
        "",
        List.of(),
        List.of("UNICODE", "NTLM", "TARGET_INFO"),
        List.of("NbDomainName=WARDEN", "Timestamp=2026-12-02T00:00:00Z"),
        "");
    model
        .exchangeProperty()
        .set(Exchanges.ntlm(
            10,
            "http://a.example/",
            407,
            new AuthOutcome.Challenged(
                ChallengeReason.HANDSHAKE_CONTINUES, "Type 2 sent", "Corp", "NTLM", ""),
            type1));
    assertThat(model.received())
        .containsExactly(
            new DetailsViewModel.Fact("Scheme", "NTLM"),
            new DetailsViewModel.Fact("Message", "Type 1 (NEGOTIATE)"),
            new DetailsViewModel.Fact("Flags", "OEM, NTLM"),
            new DetailsViewModel.Fact("Domain", "(not sent)"),
            new DetailsViewModel.Fact("User", "(not sent)"),
            new DetailsViewModel.Fact("Workstation", "(not sent)"),
            new DetailsViewModel.Fact("Type 2 sent: flags", "UNICODE, NTLM, TARGET_INFO"),
            new DetailsViewModel.Fact(
                "Type 2 sent: target info", "NbDomainName=WARDEN\nTimestamp=2026-12-02T00:00:00Z"));
  }

  @Test
  void authTabShowsTheDecodedType3WithItsProofMasked() {
    ReceivedCredentials.NtlmParams type3 = new ReceivedCredentials.NtlmParams(
        "Negotiate",
        "Type 3 (AUTHENTICATE)",
        List.of("UNICODE", "NTLM"),
        "LAB",
        "alice",
        "DESK-7",
        "NTLMv2: 16-byte proof and a 96-byte blob",
        List.of("NbDomainName=WARDEN"),
        List.of(),
        List.of(),
        "SPNEGO");
    model
        .exchangeProperty()
        .set(Exchanges.ntlm(
            11,
            "http://a.example/",
            200,
            new AuthOutcome.Authenticated("Negotiate", "alice", "Corp"),
            type3));
    assertThat(model.received())
        .containsExactly(
            new DetailsViewModel.Fact("Scheme", "Negotiate (NTLM inside SPNEGO)"),
            new DetailsViewModel.Fact("Message", "Type 3 (AUTHENTICATE)"),
            new DetailsViewModel.Fact("Flags", "UNICODE, NTLM"),
            new DetailsViewModel.Fact("Domain", "LAB"),
            new DetailsViewModel.Fact("User", "alice"),
            new DetailsViewModel.Fact("Workstation", "DESK-7"),
            new DetailsViewModel.Fact("Response", "NTLMv2: 16-byte proof and a 96-byte blob"),
            new DetailsViewModel.Fact("Target info (in the blob)", "NbDomainName=WARDEN"),
            new DetailsViewModel.Fact("Proof", ReceivedFacts.MASKED));
  }

  @Test
  void authTabSaysWhenANonceIsNotOneWardenIssued() {
    ReceivedCredentials.DigestParams params = new ReceivedCredentials.DigestParams(
        "alice", false, "Corp", "forged", null, "00000001", "c", "auth", "", "/", false);
    model
        .exchangeProperty()
        .set(Exchanges.challengedDigest(
            9, "http://a.example/", ChallengeReason.UNKNOWN_NONCE, "alice", "Corp", params));
    assertThat(model.received())
        .contains(
            new DetailsViewModel.Fact("nonce age", "not a nonce Warden issued for this realm"),
            new DetailsViewModel.Fact("algorithm", "(not sent: MD5)"),
            new DetailsViewModel.Fact("opaque", "(not sent)"));
  }

  @Test
  void nothingSelectedEmptiesEveryPane() {
    model.exchangeProperty().set(Exchanges.ok(1, "http://a.example/", "alice"));
    model.exchangeProperty().set(null);
    assertThat(model.overview()).isEmpty();
    assertThat(model.outcomeProperty().get()).isEmpty();
  }

  @Test
  void jsonBodiesArePrettyPrinted() {
    byte[] json = "{\"a\":1,\"b\":[true]}".getBytes(StandardCharsets.UTF_8);
    BodyText.Rendered r =
        BodyText.render(new BodyPreview(json, json.length), Optional.of("application/json"));
    assertThat(r.kind()).isEqualTo(BodyText.Kind.JSON);
    assertThat(r.text()).contains("\"a\" : 1").contains("\n");
  }

  @Test
  void binaryBodiesAreShownAsHex() {
    byte[] bin = {0, 1, 2, (byte) 0xff, 'A'};
    BodyText.Rendered r = BodyText.render(new BodyPreview(bin, 10), Optional.empty());
    assertThat(r.kind()).isEqualTo(BodyText.Kind.HEX);
    assertThat(r.text()).startsWith("00000000  00 01 02 ff 41").contains("first 5 of 10 bytes");
  }

  @Test
  void aBodyReleasedForMemorySaysTheLogBudgetWasReached() {
    byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    BodyPreview released = new BodyPreview(json, json.length).releasedForMemory();
    BodyText.Rendered r = BodyText.render(released, Optional.of("application/json"));
    assertThat(r.kind()).isEqualTo(BodyText.Kind.NOT_KEPT);
    assertThat(r.text())
        .startsWith("(body not kept: log body budget reached)")
        .contains(json.length + " bytes");
  }
}
