package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.ntlm.AuthenticateMessage;
import dev.warden.core.auth.ntlm.Spnego;
import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.TunnelPorts;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * NTLM (and Negotiate with NTLM inside) through a real Warden on raw sockets: the three legs on one
 * keep-alive connection, the connection authenticated afterwards (CONNECT too) until the settings
 * change, and each refusal with its reason.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NtlmHandshakeIT {

  private static final String REALM = "Corp";
  private static final String PASSWORD = "N7lm-pass";
  private TestOrigin origin;
  private RunningWarden warden;

  @BeforeEach
  void start() throws Exception {
    origin = new TestOrigin();
    Realm corp = new Realm(
        REALM,
        List.of(),
        List.of(new CredentialMaterial(new PasswordHasher(1_000))
            .user("alice", true, REALM, PASSWORD.toCharArray())),
        RealmAuth.defaults()
            .withSchemes(List.of(RealmAuth.NEGOTIATE, RealmAuth.NTLM, RealmAuth.BASIC)));
    warden = new RunningWarden(
        TunnelPorts.allowing(Settings.defaults().withRealms(List.of(corp)), origin.port()));
  }

  @AfterEach
  void stop() {
    warden.close();
    origin.close();
  }

  private RawResponse get(RawHttpConnection connection, String path, String authorization)
      throws Exception {
    return connection.exchange("GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:"
        + origin.port() + "\r\n"
        + (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n") + "\r\n");
  }

  private Exchange recorded(String path) throws Exception {
    return warden.awaitExchange(e -> e.url().endsWith(path));
  }

  private ChallengeReason reason(String path) throws Exception {
    return ((AuthOutcome.Challenged) recorded(path).auth()).reason();
  }

  /** Legs 1 and 2 on {@code connection}: the Type 2 Warden answered the Type 1 with. */
  private byte[] type2(RawHttpConnection connection, String path) throws Exception {
    RawResponse continued = get(connection, path, "NTLM " + NtlmTestClient.type1Base64());
    assertThat(continued.status()).isEqualTo(407);
    assertThat(continued.closesConnection()).isFalse();
    assertThat(continued.headers("Proxy-Authenticate")).hasSize(1);
    return NtlmTestClient.type2Of(continued.header("Proxy-Authenticate"), "NTLM");
  }

  private static String ntlm(byte[] message) {
    return "NTLM " + Base64.getEncoder().encodeToString(message);
  }

  @Test
  void completesTheThreeLegsOnOneConnectionAndKeepsItAuthenticated() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      RawResponse first = get(connection, "/leg-0", null);
      assertThat(first.status()).isEqualTo(407);
      assertThat(first.headers("Proxy-Authenticate"))
          .containsExactly("Negotiate", "NTLM", "Basic realm=\"Corp\", charset=\"UTF-8\"");

      RawResponse continued = get(connection, "/leg-1", "NTLM " + NtlmTestClient.type1Base64());
      assertThat(continued.status()).isEqualTo(407);
      assertThat(continued.header("Content-Length")).isNotNull();
      assertThat(continued.closesConnection()).isFalse();
      byte[] type2 = NtlmTestClient.type2Of(continued.header("Proxy-Authenticate"), "NTLM");

      RawResponse done =
          get(connection, "/leg-2", ntlm(NtlmTestClient.type3(type2, "", "alice", PASSWORD)));
      assertThat(done.status()).isEqualTo(200);
      assertThat(done.bodyText()).isEqualTo(TestOrigin.BODY);
      assertThat(recorded("/leg-2").auth())
          .isEqualTo(new AuthOutcome.Authenticated("NTLM", "alice", REALM));

      RawResponse later = get(connection, "/leg-3", null);
      assertThat(later.status()).isEqualTo(200);
      assertThat(recorded("/leg-3").auth())
          .isEqualTo(new AuthOutcome.Authenticated(
              "NTLM", "alice", REALM, "connection authenticated by an earlier NTLM handshake"));
    }
  }

  @Test
  void recordsTheDecodedFieldsOfEveryLegAndNeverTheToken() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/rec-1");
      String type3 = ntlm(NtlmTestClient.type3(type2, "LAB", "alice", PASSWORD));
      assertThat(get(connection, "/rec-2", type3).status()).isEqualTo(200);
    }
    Exchange one = recorded("/rec-1");
    assertThat(one.auth())
        .isEqualTo(new AuthOutcome.Challenged(
            ChallengeReason.HANDSHAKE_CONTINUES,
            ((AuthOutcome.Challenged) one.auth()).detail(),
            REALM,
            "NTLM",
            ""));
    assertThat(((AuthOutcome.Challenged) one.auth()).detail())
        .startsWith("Type 2 sent: server challenge ");
    ReceivedCredentials.NtlmParams negotiate = (ReceivedCredentials.NtlmParams) one.received();
    assertThat(negotiate.message()).isEqualTo("Type 1 (NEGOTIATE)");
    assertThat(negotiate.flags()).contains("UNICODE", "NTLM", "EXTENDED_SESSIONSECURITY");
    assertThat(negotiate.sentFlags())
        .contains("UNICODE", "NTLM", "EXTENDED_SESSIONSECURITY", "TARGET_INFO");
    assertThat(negotiate.sentTargetInfo())
        .contains(
            "NbDomainName=WARDEN",
            "NbComputerName=WARDEN-PROXY",
            "DnsDomainName=warden.test",
            "DnsComputerName=proxy.warden.test");
    assertThat(negotiate.sentTargetInfo()).anyMatch(pair -> pair.startsWith("Timestamp="));

    Exchange three = recorded("/rec-2");
    ReceivedCredentials.NtlmParams authenticate = (ReceivedCredentials.NtlmParams) three.received();
    assertThat(authenticate.message()).isEqualTo("Type 3 (AUTHENTICATE)");
    assertThat(authenticate.domain()).isEqualTo("LAB");
    assertThat(authenticate.user()).isEqualTo("alice");
    assertThat(authenticate.workstation()).isEqualTo("DESK-7");
    assertThat(authenticate.response())
        .startsWith("NTLMv2: 16-byte proof and a ")
        .contains("LMv2 verified")
        .contains("no MIC announced");
    assertThat(authenticate.targetInfo()).contains("NbDomainName=WARDEN");
    assertThat(three.requestHeaders())
        .filteredOn(h -> h.name().equalsIgnoreCase("Proxy-Authorization"))
        .singleElement()
        .satisfies(h -> assertThat(h.value()).isEqualTo("NTLM LAB\\alice"));
  }

  @Test
  void tunnelsAConnectAuthenticatedByNtlm() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      String connect = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
      assertThat(connection.exchange(connect + "\r\n").status()).isEqualTo(407);
      RawResponse continued = connection.exchange(
          connect + "Proxy-Authorization: NTLM " + NtlmTestClient.type1Base64() + "\r\n\r\n");
      assertThat(continued.status()).isEqualTo(407);
      assertThat(continued.closesConnection()).isFalse();
      byte[] type2 = NtlmTestClient.type2Of(continued.header("Proxy-Authenticate"), "NTLM");
      RawResponse open = connection.exchange(connect + "Proxy-Authorization: "
          + ntlm(NtlmTestClient.type3(type2, "", "alice", PASSWORD)) + "\r\n\r\n");
      assertThat(open.status()).isEqualTo(200);
      RawResponse through =
          connection.exchange("GET /in-tunnel HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
      assertThat(through.status()).isEqualTo(200);
      assertThat(through.bodyText()).isEqualTo(TestOrigin.BODY);
    }
    assertThat(warden.awaitExchange(e -> e.isConnect() && e.status() == 200).auth())
        .isEqualTo(new AuthOutcome.Authenticated("NTLM", "alice", REALM));
  }

  @Test
  void refusesAWrongPassword() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/wrong-1");
      RawResponse refused =
          get(connection, "/wrong-2", ntlm(NtlmTestClient.type3(type2, "", "alice", "guess")));
      assertThat(refused.status()).isEqualTo(407);
      assertThat(reason("/wrong-2")).isEqualTo(ChallengeReason.WRONG_PASSWORD);
      assertThat(get(connection, "/wrong-3", null).status())
          .as("nothing authenticated the connection")
          .isEqualTo(407);
    }
  }

  @Test
  void matchesTheUserNameWithoutRegardToCaseAsWindowsDoes() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/case-1");
      assertThat(get(
                  connection,
                  "/case-2",
                  ntlm(NtlmTestClient.type3(type2, "LAB", "ALICE", PASSWORD)))
              .status())
          .isEqualTo(200);
      assertThat(recorded("/case-2").auth())
          .isEqualTo(new AuthOutcome.Authenticated("NTLM", "alice", REALM));
    }
    assertThat(recorded("/case-1").auth().describe())
        .startsWith("NTLM handshake continues (Type 2 sent: server challenge ");
  }

  @Test
  void refusesADisabledUserWith403OnceThePasswordProvedRight() throws Exception {
    warden.update(s -> s.withRealms(List.of(s.realms()
        .get(0)
        .withUsers(
            s.realms().get(0).users().stream().map(u -> u.withEnabled(false)).toList()))));
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/disabled-1");
      assertThat(get(
                  connection,
                  "/disabled-2",
                  ntlm(NtlmTestClient.type3(type2, "", "alice", PASSWORD)))
              .status())
          .isEqualTo(403);
      assertThat(reason("/disabled-2")).isEqualTo(ChallengeReason.DISABLED_USER);
      assertThat(get(connection, "/disabled-3", null).status()).isEqualTo(407);
    }
  }

  @Test
  void refusesAnUnknownUser() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/unknown-1");
      assertThat(get(
                  connection,
                  "/unknown-2",
                  ntlm(NtlmTestClient.type3(type2, "", "mallory", PASSWORD)))
              .status())
          .isEqualTo(407);
      assertThat(recorded("/unknown-2").auth())
          .isEqualTo(new AuthOutcome.Challenged(
              ChallengeReason.UNKNOWN_USER, "", REALM, "NTLM", "mallory"));
    }
  }

  @Test
  void refusesNtlmV1WithThatReason() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      type2(connection, "/v1-1");
      assertThat(get(connection, "/v1-2", ntlm(NtlmTestClient.type3V1("alice"))).status())
          .isEqualTo(407);
      AuthOutcome.Challenged refused =
          (AuthOutcome.Challenged) recorded("/v1-2").auth();
      assertThat(refused.reason()).isEqualTo(ChallengeReason.NTLM_VERSION_REFUSED);
      assertThat(refused.describe())
          .contains("NTLMv1 (24-byte response)")
          .contains("Warden accepts NTLMv2 only");
    }
  }

  private void legacyNtlm(boolean on) throws Exception {
    warden.update(s -> s.withRealms(
        List.of(s.realms().get(0).withFaults(FaultKnob.parse(List.of("legacyNtlm=" + on))))));
  }

  @Test
  void verifiesNtlmV1FromTheNtHashWhenTheLegacyKnobIsOn() throws Exception {
    legacyNtlm(true);
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/legacy-1");
      assertThat(get(
                  connection,
                  "/legacy-2",
                  ntlm(NtlmTestClient.type3V1(type2, "alice", PASSWORD, false)))
              .status())
          .isEqualTo(200);
    }
    Exchange accepted = recorded("/legacy-2");
    assertThat(accepted.auth()).isEqualTo(new AuthOutcome.Authenticated("NTLM", "alice", REALM));
    assertThat(((ReceivedCredentials.NtlmParams) accepted.received()).response())
        .isEqualTo(
            "NTLMv1: 24-byte response, LM 24 bytes; NTLMv1 verified (LM response not checked) under the"
                + " fault knob legacyNtlm=true");
    assertThat(accepted.faults()).containsExactly("legacyNtlm=true");
  }

  @Test
  void verifiesTheNtlm2SessionResponseWhenTheLegacyKnobIsOn() throws Exception {
    legacyNtlm(true);
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/ntlm2-1");
      assertThat(get(
                  connection,
                  "/ntlm2-2",
                  ntlm(NtlmTestClient.type3V1(type2, "alice", PASSWORD, true)))
              .status())
          .isEqualTo(200);
    }
    assertThat(((ReceivedCredentials.NtlmParams) recorded("/ntlm2-2").received()).response())
        .startsWith("NTLMv1 with client challenge (NTLM2 session response)")
        .contains("NTLM2 session response verified");
  }

  @Test
  void refusesAWrongPasswordInNtlmV1WithTheLegacyKnobOn() throws Exception {
    legacyNtlm(true);
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/legacy-wrong-1");
      assertThat(get(
                  connection,
                  "/legacy-wrong-2",
                  ntlm(NtlmTestClient.type3V1(type2, "alice", "guess", true)))
              .status())
          .isEqualTo(407);
      assertThat(reason("/legacy-wrong-2")).isEqualTo(ChallengeReason.WRONG_PASSWORD);
    }
  }

  @Test
  void refusesARightNtlmV1AnswerWithTheLegacyKnobOff() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/v1-right-1");
      assertThat(get(
                  connection,
                  "/v1-right-2",
                  ntlm(NtlmTestClient.type3V1(type2, "alice", PASSWORD, false)))
              .status())
          .isEqualTo(407);
      AuthOutcome.Challenged refused =
          (AuthOutcome.Challenged) recorded("/v1-right-2").auth();
      assertThat(refused.reason()).isEqualTo(ChallengeReason.NTLM_VERSION_REFUSED);
      assertThat(refused.detail()).contains("the fault knob legacyNtlm=true allows NTLMv1");
    }
  }

  @Test
  void refusesLmOnlyEvenWithTheLegacyKnobBecauseNoLmHashIsKept() throws Exception {
    legacyNtlm(true);
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      type2(connection, "/lm-1");
      assertThat(get(connection, "/lm-2", ntlm(NtlmTestClient.type3LmOnly("alice")))
              .status())
          .isEqualTo(407);
    }
    AuthOutcome.Challenged refused = (AuthOutcome.Challenged) recorded("/lm-2").auth();
    assertThat(refused.reason()).isEqualTo(ChallengeReason.NTLM_VERSION_REFUSED);
    assertThat(refused.detail())
        .isEqualTo("LM only: LM needs the LM hash, which Warden never stores");
  }

  @Test
  void acceptsARightMicAndRecordsItVerified() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type1 = NtlmTestClient.type1();
      RawResponse continued = get(connection, "/mic-1", ntlm(type1));
      byte[] type2 = NtlmTestClient.type2Of(continued.header("Proxy-Authenticate"), "NTLM");
      assertThat(get(
                  connection,
                  "/mic-2",
                  ntlm(NtlmTestClient.type3WithMic(type1, type2, "alice", PASSWORD, false)))
              .status())
          .isEqualTo(200);
    }
    assertThat(((ReceivedCredentials.NtlmParams) recorded("/mic-2").received()).response())
        .contains("LMv2 zeros")
        .contains("MIC verified");
  }

  @Test
  void refusesATamperedMicWithItsReason() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type1 = NtlmTestClient.type1();
      RawResponse continued = get(connection, "/bad-mic-1", ntlm(type1));
      byte[] type2 = NtlmTestClient.type2Of(continued.header("Proxy-Authenticate"), "NTLM");
      assertThat(get(
                  connection,
                  "/bad-mic-2",
                  ntlm(NtlmTestClient.type3WithMic(type1, type2, "alice", PASSWORD, true)))
              .status())
          .isEqualTo(407);
      assertThat(get(connection, "/bad-mic-3", null).status())
          .as("nothing authenticated the connection")
          .isEqualTo(407);
    }
    AuthOutcome.Challenged refused =
        (AuthOutcome.Challenged) recorded("/bad-mic-2").auth();
    assertThat(refused.reason()).isEqualTo(ChallengeReason.HANDSHAKE_FAILED);
    assertThat(refused.detail()).isEqualTo("message integrity code does not match");
  }

  /** {@code type3} with its LM response replaced, or its NT proof's first bit flipped. */
  private static byte[] altered(byte[] type3, byte[] lm, boolean breakNtProof) throws Exception {
    AuthenticateMessage m = AuthenticateMessage.decode(type3);
    byte[] nt = m.ntResponse();
    if (breakNtProof) {
      nt[0] ^= 1;
    }
    return new AuthenticateMessage(
            m.flags(),
            lm == null ? m.lmResponse() : lm,
            nt,
            m.domain(),
            m.user(),
            m.workstation(),
            m.encryptedSessionKey())
        .encode();
  }

  @Test
  void acceptsAWrongLmv2BesideARightNtlmv2AsWindowsDoesAndSaysSo() throws Exception {
    byte[] lm = new byte[24];
    java.util.Arrays.fill(lm, (byte) 0x5a);
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/lmv2-wrong-1");
      byte[] type3 = altered(NtlmTestClient.type3(type2, "", "alice", PASSWORD), lm, false);
      assertThat(get(connection, "/lmv2-wrong-2", ntlm(type3)).status()).isEqualTo(200);
    }
    assertThat(((ReceivedCredentials.NtlmParams) recorded("/lmv2-wrong-2").received()).response())
        .contains(
            "LMv2 does not match (not refused: a Windows server checks it only when NTLMv2 fails)");
  }

  @Test
  void refusesARightLmv2BesideAWrongNtlmv2() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/lmv2-alone-1");
      byte[] type3 = altered(NtlmTestClient.type3(type2, "", "alice", PASSWORD), null, true);
      assertThat(get(connection, "/lmv2-alone-2", ntlm(type3)).status()).isEqualTo(407);
    }
    AuthOutcome.Challenged refused =
        (AuthOutcome.Challenged) recorded("/lmv2-alone-2").auth();
    assertThat(refused.reason()).isEqualTo(ChallengeReason.WRONG_PASSWORD);
    assertThat(refused.detail())
        .startsWith("the NTLMv2 response does not match; its LMv2 response does");
  }

  @Test
  void refusesAType1TooLongToKeepForTheMic() throws Exception {
    byte[] type1 = NtlmTestClient.type1();
    byte[] padded = java.util.Arrays.copyOf(type1, NtlmHandshake.MAX_TYPE1_BYTES + 1);
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      assertThat(get(connection, "/long-1", ntlm(padded)).status()).isEqualTo(407);
      assertThat(get(
                  connection,
                  "/long-2",
                  ntlm(java.util.Arrays.copyOf(type1, NtlmHandshake.MAX_TYPE1_BYTES)))
              .status())
          .as("the longest Type 1 kept")
          .isEqualTo(407);
    }
    AuthOutcome.Challenged refused =
        (AuthOutcome.Challenged) recorded("/long-1").auth();
    assertThat(refused.reason()).isEqualTo(ChallengeReason.MALFORMED);
    assertThat(refused.detail()).isEqualTo("a Type 1 of 1025 bytes; real ones are far below 1024");
    assertThat(reason("/long-2")).isEqualTo(ChallengeReason.HANDSHAKE_CONTINUES);
  }

  @Test
  void refusesAType3OnAnotherConnection() throws Exception {
    try (RawHttpConnection first = new RawHttpConnection(warden.port());
        RawHttpConnection second = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(first, "/other-1");
      String type3 = ntlm(NtlmTestClient.type3(type2, "", "alice", PASSWORD));
      assertThat(get(second, "/other-2", type3).status()).isEqualTo(407);
      AuthOutcome.Challenged refused =
          (AuthOutcome.Challenged) recorded("/other-2").auth();
      assertThat(refused.reason()).isEqualTo(ChallengeReason.HANDSHAKE_FAILED);
      assertThat(refused.detail()).contains("no Type 2 was sent on this connection");
    }
  }

  @Test
  void reChallengesAnAuthenticatedConnectionOnceTheSettingsChange() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type2 = type2(connection, "/live-1");
      assertThat(
              get(connection, "/live-2", ntlm(NtlmTestClient.type3(type2, "", "alice", PASSWORD)))
                  .status())
          .isEqualTo(200);
      assertThat(get(connection, "/live-3", null).status()).isEqualTo(200);

      warden.update(s ->
          s.withRealms(List.of(s.realms().get(0).withHostPatterns(List.of())).stream()
              .map(r -> r.withConnectPorts(List.of(443, 8443, 444)))
              .toList()));

      RawResponse again = get(connection, "/live-4", null);
      assertThat(again.status()).isEqualTo(407);
      assertThat(again.closesConnection()).isFalse();
      assertThat(recorded("/live-4").auth())
          .isEqualTo(new AuthOutcome.Challenged(
              ChallengeReason.MISSING,
              "the settings changed since this connection's NTLM handshake",
              REALM,
              "",
              ""));
      // and a new handshake on the same connection gets it back
      byte[] fresh = type2(connection, "/live-5");
      assertThat(
              get(connection, "/live-6", ntlm(NtlmTestClient.type3(fresh, "", "alice", PASSWORD)))
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void negotiateCompletesWithNtlmInsideSpnego() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] init = Spnego.initialToken(NtlmTestClient.type1(), Spnego.ntlmOid());
      RawResponse continued =
          get(connection, "/spnego-1", "Negotiate " + Base64.getEncoder().encodeToString(init));
      assertThat(continued.status()).isEqualTo(407);
      String challenge = continued.header("Proxy-Authenticate");
      assertThat(challenge).startsWith("Negotiate ");
      byte[] token = Base64.getDecoder().decode(challenge.substring("Negotiate ".length()));
      assertThat(token[0] & 0xff)
          .as("a SPNEGO NegTokenResp, as the client spoke SPNEGO")
          .isEqualTo(0xa1);
      byte[] type2 = Spnego.unwrapResponse(token);
      byte[] answer = Spnego.responseToken(NtlmTestClient.type3(type2, "", "alice", PASSWORD));
      RawResponse done =
          get(connection, "/spnego-2", "Negotiate " + Base64.getEncoder().encodeToString(answer));
      assertThat(done.status()).isEqualTo(200);
    }
    assertThat(recorded("/spnego-2").auth())
        .isEqualTo(new AuthOutcome.Authenticated("Negotiate", "alice", REALM));
    assertThat(((ReceivedCredentials.NtlmParams) recorded("/spnego-1").received()).wrapping())
        .isEqualTo("SPNEGO");
  }

  @Test
  void negotiateChecksTheMicOfTheNtlmInsideSpnego() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] type1 = NtlmTestClient.type1();
      byte[] init = Spnego.initialToken(type1, Spnego.ntlmOid());
      RawResponse continued =
          get(connection, "/spnego-mic-1", "Negotiate " + Base64.getEncoder().encodeToString(init));
      String challenge = continued.header("Proxy-Authenticate");
      byte[] type2 = Spnego.unwrapResponse(
          Base64.getDecoder().decode(challenge.substring("Negotiate ".length())));
      byte[] answer =
          Spnego.responseToken(NtlmTestClient.type3WithMic(type1, type2, "alice", PASSWORD, true));
      assertThat(get(
                  connection,
                  "/spnego-mic-2",
                  "Negotiate " + Base64.getEncoder().encodeToString(answer))
              .status())
          .isEqualTo(407);
    }
    AuthOutcome.Challenged refused =
        (AuthOutcome.Challenged) recorded("/spnego-mic-2").auth();
    assertThat(refused.reason()).isEqualTo(ChallengeReason.HANDSHAKE_FAILED);
    assertThat(refused.detail()).isEqualTo("message integrity code does not match");
  }

  @Test
  void negotiateSaysPlainlyThatKerberosIsNotEmulated() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      byte[] kerberos = Spnego.initialToken(new byte[] {0x60, 0x00}, Spnego.kerberosOid());
      RawResponse refused =
          get(connection, "/krb", "Negotiate " + Base64.getEncoder().encodeToString(kerberos));
      assertThat(refused.status()).isEqualTo(407);
    }
    AuthOutcome.Challenged refused = (AuthOutcome.Challenged) recorded("/krb").auth();
    assertThat(refused.reason()).isEqualTo(ChallengeReason.KERBEROS_NOT_EMULATED);
    assertThat(refused.describe()).contains("Kerberos is not emulated, only NTLM inside SPNEGO");
  }
}
