package dev.warden.core.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.Header;
import dev.warden.testing.DigestAnswer;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real exchanges from a real Warden and origin, written as HAR and read back. */
class WardenHarRoundTripIT {

  private static final String REALM = "Lab";
  private static TestOrigin origin;
  private static RunningWarden warden;
  private static List<Exchange> recorded;

  @BeforeAll
  static void record() throws Exception {
    origin = new TestOrigin();
    CredentialMaterial material = new CredentialMaterial();
    Realm lab = new Realm(
        REALM,
        List.of(),
        List.of(material.user("alice", true, REALM, "s3cret".toCharArray())),
        new RealmAuth(
            List.of("digest", "basic"), List.of("SHA-256", "MD5"), Duration.ofMinutes(5), 403));
    warden = new RunningWarden(Settings.defaults().withRealms(List.of(lab)));
    String challenge;
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse first = c.exchange(get("/first", ""));
      challenge = first.headers("Proxy-Authenticate").stream()
          .filter(v -> v.startsWith("Digest"))
          .findFirst()
          .orElseThrow();
      c.exchange(get("/wrong", "Proxy-Authorization: " + Users.basic("alice", "nope") + "\r\n"));
    }
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      String body = "{\"name\":\"widget\",\"qty\":3}";
      c.exchange("POST " + origin.url("/items?q=a%20b&year=2026") + " HTTP/1.1\r\nHost: 127.0.0.1:"
          + origin.port()
          + "\r\nProxy-Authorization: " + Users.basic("alice", "s3cret")
          + "\r\nAuthorization: Bearer origin-token-123\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length() + "\r\n\r\n" + body);
      byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 'x'};
      c.send(("PUT " + origin.url("/blob") + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port()
              + "\r\nProxy-Authorization: " + Users.basic("alice", "s3cret")
              + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + binary.length
              + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      c.send(binary);
      c.read(false);
      String digest = DigestAnswer.to(challenge, "alice", "s3cret")
          .uri(origin.url("/digest"))
          .header();
      c.exchange(get("/digest", "Proxy-Authorization: " + digest + "\r\n"));
    }
    warden.awaitExchangeFor(origin.url("/digest"));
    recorded = warden.warden().traffic().snapshot();
  }

  private static String get(String path, String extra) {
    return "GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n"
        + extra + "\r\n";
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  private static byte[] har(HarOptions options) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HarWriter.write(recorded, out, options);
    return out.toByteArray();
  }

  @Test
  void theTrafficExercisedEveryKindOfRecord() {
    assertThat(recorded).hasSize(5);
    assertThat(recorded)
        .extracting(e -> e.auth().getClass().getSimpleName())
        .containsExactly(
            "Challenged", "Challenged", "Authenticated", "Authenticated", "Authenticated");
    assertThat(((AuthOutcome.Challenged) recorded.get(1).auth()).reason())
        .isEqualTo(ChallengeReason.WRONG_PASSWORD);
    assertThat(recorded.get(3).requestBody().totalSize()).isEqualTo(6);
    assertThat(recorded.get(4).received().scheme()).isEqualTo("Digest");
  }

  @Test
  void readsBackEveryExchangeExactlyWhenCredentialsAreKept() throws Exception {
    HarCapture capture = HarReader.read(
        new ByteArrayInputStream(har(HarOptions.redacted("test").withKeptCredentials(true))));

    assertThat(capture.fromWarden()).isTrue();
    assertThat(capture.source()).isEqualTo("Warden test");
    assertThat(capture.exchanges()).containsExactlyElementsOf(recorded);
  }

  @Test
  void redactsBothCredentialFieldsByDefault() throws Exception {
    byte[] file = har(HarOptions.redacted("test"));
    String text = new String(file, StandardCharsets.UTF_8);
    HarCapture capture = HarReader.read(new ByteArrayInputStream(file));

    assertThat(text).doesNotContain("origin-token-123", "s3cret", "alice:***", "Bearer ***");
    Exchange post = capture.exchanges().get(2);
    assertThat(post.requestHeader("Proxy-Authorization")).contains("Basic [redacted]");
    assertThat(post.requestHeader("Authorization")).contains("Bearer [redacted]");
    assertThat(capture.exchanges().get(4).requestHeader("Proxy-Authorization"))
        .contains("Digest [redacted]");
    // everything else survives the redaction
    assertThat(post.auth()).isEqualTo(recorded.get(2).auth());
    assertThat(post.requestBody()).isEqualTo(recorded.get(2).requestBody());
    assertThat(withoutCredentials(post.requestHeaders()))
        .isEqualTo(withoutCredentials(recorded.get(2).requestHeaders()));
  }

  @Test
  void writesWardensFactsUnderItsOwnKey() throws Exception {
    var tree = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(har(HarOptions.redacted("test")
            .withConversations(e -> e.id() == 2 ? Optional.of("c-1") : Optional.empty())));
    var entries = tree.path("log").path("entries");

    assertThat(tree.path("log").path("version").asText()).isEqualTo("1.2");
    assertThat(entries.get(1).path("_warden").path("outcome").asText()).isEqualTo("challenged");
    assertThat(entries.get(1).path("_warden").path("reason").asText()).isEqualTo("wrong-password");
    assertThat(entries.get(1).path("_warden").path("realm").asText()).isEqualTo(REALM);
    assertThat(entries.get(1).path("_warden").path("conversation").asText()).isEqualTo("c-1");
    assertThat(entries.get(0).path("_warden").has("conversation")).isFalse();
    assertThat(entries
            .get(2)
            .path("request")
            .path("queryString")
            .get(0)
            .path("value")
            .asText())
        .isEqualTo("a b");
    assertThat(entries.get(3).path("request").path("postData").path("_encoding").asText())
        .isEqualTo("base64");
    assertThat(entries.get(4).path("_warden").path("user").asText()).isEqualTo("alice");
  }

  private static List<Header> withoutCredentials(List<Header> headers) {
    return headers.stream()
        .filter(h -> !CredentialFields.isCredentialField(h.name()))
        .toList();
  }
}
