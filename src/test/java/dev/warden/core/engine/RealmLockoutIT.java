package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.Lockout;
import dev.warden.core.auth.LockoutKey;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.RealmLockout;
import dev.warden.core.settings.Settings;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each realm's own lockout settings over real sockets (a Warden with the default state: the realm
 * settings alone choose the thresholds), clients played from several loopback addresses.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealmLockoutIT {

  @Test
  void answersALockedOutClient429WithRetryAfterWhenTheRealmSaysSo() throws Exception {
    RealmAuth auth =
        RealmAuth.defaults().withLockout(new RealmLockout(100, 3, Duration.ofSeconds(120), 429));
    Settings settings = Settings.defaults()
        .withRealms(List.of(new Realm("Lab", List.of(), List.of(Users.user("bob", "b0b")), auth)));
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden = new RunningWarden(settings);
        RawHttpConnection client =
            new RawHttpConnection(warden.port(), InetAddress.getByName("127.0.0.40"))) {
      for (int i = 0; i < 3; i++) {
        assertThat(client
                .exchange(get(origin.url("/guess-" + i), "mallory-" + i, "guess"))
                .status())
            .isEqualTo(407);
      }
      RawResponse refused = client.exchange(get(origin.url("/right"), "bob", "b0b"));

      assertThat(refused.status()).isEqualTo(429);
      assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 120);
      assertThat(refused.headers("Proxy-Authenticate")).isEmpty();
      assertThat(refused.closesConnection()).isFalse();
      assertThat(warden.awaitExchangeFor(origin.url("/right")).status()).isEqualTo(429);
    }
  }

  @Test
  void answersALockedOutClient407ByDefault() throws Exception {
    RealmAuth auth = RealmAuth.defaults().withLockout(RealmLockout.DEFAULTS.withLockoutAfter(3));
    Settings settings = Settings.defaults()
        .withRealms(List.of(new Realm("Lab", List.of(), List.of(Users.user("bob", "b0b")), auth)));
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden = new RunningWarden(settings);
        RawHttpConnection client =
            new RawHttpConnection(warden.port(), InetAddress.getByName("127.0.0.41"))) {
      for (int i = 0; i < 3; i++) {
        client.exchange(get(origin.url("/guess-" + i), "mallory-" + i, "guess"));
      }
      RawResponse refused = client.exchange(get(origin.url("/right"), "bob", "b0b"));

      assertThat(refused.status()).isEqualTo(407);
      assertThat(refused.header("Retry-After")).isNull();
      assertThat(refused.headers("Proxy-Authenticate")).isNotEmpty();
    }
  }

  @Test
  void locksOutAfterEachRealmsOwnThreshold() throws Exception {
    // "Strict" guards 127.0.0.5 (never connected to: every request there is refused first); the
    // default realm "Lenient" guards the origin
    Settings settings = Settings.defaults()
        .withRealms(List.of(
            new Realm(
                "Strict",
                List.of("127.0.0.5"),
                List.of(Users.user("bob", "b0b")),
                RealmAuth.defaults()
                    .withLockout(RealmLockout.DEFAULTS.withDelayAfter(100).withLockoutAfter(3))),
            new Realm(
                "Lenient",
                List.of(),
                List.of(Users.user("bob", "b0b")),
                RealmAuth.defaults()
                    .withLockout(RealmLockout.DEFAULTS.withDelayAfter(100).withLockoutAfter(6)))));
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden = new RunningWarden(settings)) {
      try (RawHttpConnection client =
          new RawHttpConnection(warden.port(), InetAddress.getByName("127.0.0.42"))) {
        for (int i = 0; i < 3; i++) {
          client.exchange(get("http://127.0.0.5/guess-" + i, "mallory-" + i, "guess"));
        }
      }
      try (RawHttpConnection client =
          new RawHttpConnection(warden.port(), InetAddress.getByName("127.0.0.43"))) {
        for (int i = 0; i < 5; i++) {
          client.exchange(get(origin.url("/guess-" + i), "mallory-" + i, "guess"));
        }
        assertThat(client.exchange(get(origin.url("/right"), "bob", "b0b")).status())
            .isEqualTo(200);
      }
      assertThat(warden.warden().lockouts())
          .extracting(Lockout::subject)
          .containsExactly(LockoutKey.client("Strict", "127.0.0.42"));
    }
  }

  private static String get(String url, String user, String password) {
    String authority = url.substring("http://".length(), url.indexOf('/', "http://".length()));
    return "GET " + url + " HTTP/1.1\r\nHost: " + authority + "\r\nProxy-Authorization: "
        + Users.basic(user, password) + "\r\n\r\n";
  }
}
