package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.auth.header.AuthHeaderWriter;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.DigestAnswer;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The exchange record carries the auth exchange as structured values, from real requests: the
 * challenges sent (scheme and parameters, what went on the wire) and the Digest parameters received,
 * with the response left out.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthRecordIT {

  private static final String REALM = "Lab";
  private static TestOrigin origin;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    Realm lab = new Realm(
        REALM,
        List.of(),
        List.of(new CredentialMaterial().user("alice", true, REALM, "s3cret".toCharArray())),
        new RealmAuth(
            List.of("digest", "basic"), List.of("SHA-256", "MD5"), Duration.ofMinutes(5), 403));
    warden = new RunningWarden(Settings.defaults().withRealms(List.of(lab)));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  private static RawResponse get(RawHttpConnection connection, String path, String authorization)
      throws Exception {
    String header = authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n";
    return connection.exchange("GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:"
        + origin.port() + "\r\n" + header + "\r\n");
  }

  @Test
  void recordsTheChallengesSentAsTheStructuredValuesThatWentOnTheWire() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      RawResponse challenged = get(connection, "/record-challenge", null);
      Exchange exchange = warden.awaitExchange(e -> e.url().endsWith("/record-challenge"));

      assertThat(exchange.challenges())
          .extracting(Challenge::scheme)
          .containsExactly("Digest", "Digest", "Basic");
      assertThat(exchange.challenges().get(0).firstValue("algorithm")).contains("SHA-256");
      assertThat(exchange.challenges().get(1).firstValue("algorithm")).contains("MD5");
      assertThat(exchange.challenges().get(0).firstValue("realm")).contains(REALM);
      assertThat(exchange.challenges().stream().map(AuthHeaderWriter::write).toList())
          .isEqualTo(challenged.headers("Proxy-Authenticate"));
      assertThat(exchange.received()).isEqualTo(ReceivedCredentials.NONE);
    }
  }

  @Test
  void recordsEveryDigestParameterReceivedButNeverTheResponse() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      String challenge =
          get(connection, "/record-first", null).headers("Proxy-Authenticate").get(0);
      DigestAnswer answer =
          DigestAnswer.to(challenge, "alice", "s3cret").uri("/record-digest").nc(7);
      String header = answer.header();
      assertThat(get(connection, "/record-digest", header).status()).isEqualTo(200);
      Exchange exchange = warden.awaitExchange(e -> e.url().endsWith("/record-digest"));

      ReceivedCredentials.DigestParams params =
          (ReceivedCredentials.DigestParams) exchange.received();
      String nonce = DigestAnswer.params(challenge).get("nonce");
      assertThat(params.username()).isEqualTo("alice");
      assertThat(params.realm()).isEqualTo(REALM);
      assertThat(params.nonce()).isEqualTo(nonce);
      assertThat(params.issuedNonceAge())
          .hasValueSatisfying(
              age -> assertThat(age).isBetween(Duration.ZERO, Duration.ofSeconds(30)));
      assertThat(params.nc()).isEqualTo("00000007");
      assertThat(params.cnonce()).isEqualTo("0a4f113b");
      assertThat(params.qop()).isEqualTo("auth");
      assertThat(params.algorithm()).isEqualTo("SHA-256");
      assertThat(params.uri()).isEqualTo("/record-digest");
      assertThat(params.userhash()).isFalse();
      assertThat(params.opaquePresent()).isTrue();
      assertThat(exchange.challenges()).isEmpty();
      String response = DigestAnswer.params(header).get("response");
      assertThat(exchange.toString()).doesNotContain(response);
    }
  }

  @Test
  void recordsTheParametersOfARefusedAnswerAndThatItsNonceWasNotIssuedHere() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      String challenge =
          get(connection, "/record-second", null).headers("Proxy-Authenticate").get(0);
      String forged = DigestAnswer.to(challenge, "alice", "s3cret")
          .uri("/record-forged")
          .set("nonce", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", true)
          .drop("opaque")
          .header();
      assertThat(get(connection, "/record-forged", forged).status()).isEqualTo(407);
      Exchange exchange = warden.awaitExchange(e -> e.url().endsWith("/record-forged"));

      ReceivedCredentials.DigestParams params =
          (ReceivedCredentials.DigestParams) exchange.received();
      assertThat(params.nonce()).startsWith("AAAA");
      assertThat(params.issuedNonceAge()).isEmpty();
      assertThat(params.opaquePresent()).isFalse();
      assertThat(exchange.challenges()).hasSize(3);
    }
  }

  @Test
  void recordsTheSchemeAndUserOfBasicCredentials() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      assertThat(
              get(connection, "/record-basic", Users.basic("mallory", "guess")).status())
          .isEqualTo(407);
      Exchange exchange = warden.awaitExchange(e -> e.url().endsWith("/record-basic"));

      assertThat(exchange.received())
          .isEqualTo(new ReceivedCredentials.SchemeAndUser("Basic", "mallory"));
    }
  }
}
