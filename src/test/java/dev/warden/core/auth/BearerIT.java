package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.BearerToken;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bearer (RFC 6750) with static tokens through a real Warden, on raw sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BearerIT {

  private static final String TOKEN = "mF_9.B5f-4.1JqM";
  private TestOrigin origin;
  private RunningWarden warden;
  private Settings settings;

  @BeforeEach
  void start() throws Exception {
    origin = new TestOrigin();
    Realm api = new Realm(
            "Api",
            List.of(),
            List.of(),
            RealmAuth.defaults().withSchemes(List.of(RealmAuth.BEARER)))
        .withTokens(List.of(BearerToken.of("ci-bot", TOKEN.toCharArray())));
    settings = Settings.defaults().withRealms(List.of(api));
    warden = new RunningWarden(settings);
  }

  @AfterEach
  void stop() {
    warden.close();
    origin.close();
  }

  private RawResponse get(String path, String authorization) throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      return connection.exchange(
          "GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n"
              + (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n")
              + "\r\n");
    }
  }

  @Test
  void challengesWithTheRealmAndNoErrorWhenNoTokenCame() throws Exception {
    RawResponse refused = get("/none", null);
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.headers("Proxy-Authenticate")).containsExactly("Bearer realm=\"Api\"");
  }

  @Test
  void acceptsAKnownTokenAndRecordsItsNameNeverTheToken() throws Exception {
    assertThat(get("/ok", "Bearer " + TOKEN).status()).isEqualTo(200);
    Exchange exchange = warden.awaitExchange(e -> e.url().endsWith("/ok"));
    assertThat(exchange.auth()).isEqualTo(new AuthOutcome.Authenticated("Bearer", "ci-bot", "Api"));
    assertThat(exchange.toString()).doesNotContain(TOKEN);
  }

  @Test
  void answersAnUnknownTokenWithInvalidToken() throws Exception {
    RawResponse refused = get("/bad", "Bearer " + TOKEN + "x");
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.headers("Proxy-Authenticate"))
        .singleElement()
        .asString()
        .startsWith("Bearer realm=\"Api\", error=\"invalid_token\"");
    Exchange exchange = warden.awaitExchange(e -> e.url().endsWith("/bad"));
    assertThat(((AuthOutcome.Challenged) exchange.auth()).reason())
        .isEqualTo(ChallengeReason.INVALID_TOKEN);
    assertThat(exchange.toString()).doesNotContain(TOKEN);
  }

  @Test
  void answersATokenThatIsNoB64tokenWithInvalidToken() throws Exception {
    assertThat(get("/syntax", "Bearer a b").status()).isEqualTo(407);
    AuthOutcome.Challenged refused = (AuthOutcome.Challenged)
        warden.awaitExchange(e -> e.url().endsWith("/syntax")).auth();
    assertThat(refused.reason()).isEqualTo(ChallengeReason.INVALID_TOKEN);
    assertThat(refused.detail()).isEqualTo("not a b64token (RFC 6750 §2.1)");
  }
}
