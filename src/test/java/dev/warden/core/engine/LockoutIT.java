package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthState;
import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.auth.Lockout;
import dev.warden.core.auth.LockoutKey;
import dev.warden.core.auth.LockoutPolicy;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.testing.DigestAnswer;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lockouts over real sockets: a Warden with a small policy (delay after 2 failures, lockout after
 * 5), clients played from several loopback addresses (127.0.0.2 and up).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockoutIT {

  private static final String REALM = "Lab";
  private static final LockoutPolicy SMALL = new LockoutPolicy(
      Duration.ofMinutes(1),
      2,
      Duration.ofMillis(300),
      Duration.ofMillis(300),
      5,
      Duration.ofMinutes(5),
      1_000);
  private static final Settings SETTINGS =
      Users.realmWith(REALM, Users.user("alice", "right"), Users.user("bob", "b0b"));

  @Test
  void lockedAddressIsRefusedWithLockedOutWhileOtherAddressesAreServed() throws Exception {
    AuthState state = new AuthState(SMALL, Clock.systemUTC());
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden = new RunningWarden(SETTINGS, state)) {
      try (RawHttpConnection attacker = new RawHttpConnection(warden.port(), address(2))) {
        for (int i = 0; i < 5; i++) {
          assertThat(attacker
                  .exchange(get(origin, "/guess-" + i, "user" + i, "guess"))
                  .status())
              .isEqualTo(407);
        }
        RawResponse refused = attacker.exchange(get(origin, "/right", "bob", "b0b"));

        assertThat(refused.status()).isEqualTo(407);
        assertThat(refused.headers("Proxy-Authenticate")).isNotEmpty();
        assertThat(warden.awaitExchangeFor(origin.url("/right")).auth().label())
            .isEqualTo("challenged:locked-out");
      }
      try (RawHttpConnection other = new RawHttpConnection(warden.port(), address(3))) {
        assertThat(other.exchange(get(origin, "/other", "bob", "b0b")).status()).isEqualTo(200);
      }
      assertThat(state.lockouts())
          .extracting(Lockout::subject)
          .containsExactly(LockoutKey.client(REALM, "127.0.0.2"));
    }
  }

  @Test
  void lockedUserIsRefusedFromAnAddressThatNeverFailed() throws Exception {
    AuthState state = new AuthState(SMALL, Clock.systemUTC());
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden = new RunningWarden(SETTINGS, state)) {
      for (int i = 0; i < 5; i++) {
        try (RawHttpConnection attacker = new RawHttpConnection(warden.port(), address(10 + i))) {
          attacker.exchange(get(origin, "/guess-" + i, "alice", "guess-" + i));
        }
      }
      try (RawHttpConnection owner = new RawHttpConnection(warden.port(), address(3))) {
        assertThat(owner.exchange(get(origin, "/alice", "alice", "right")).status())
            .isEqualTo(407);
        assertThat(owner.exchange(get(origin, "/bob", "bob", "b0b")).status()).isEqualTo(200);
      }
      assertThat(warden.awaitExchangeFor(origin.url("/alice")).auth().label())
          .isEqualTo("challenged:locked-out");
    }
  }

  @Test
  void releasedAddressIsServedAgain() throws Exception {
    AuthState state = new AuthState(SMALL, Clock.systemUTC());
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden = new RunningWarden(SETTINGS, state)) {
      try (RawHttpConnection attacker = new RawHttpConnection(warden.port(), address(2))) {
        for (int i = 0; i < 5; i++) {
          attacker.exchange(get(origin, "/guess-" + i, "user" + i, "guess"));
        }

        assertThat(state.release(LockoutKey.client(REALM, "127.0.0.2"))).isTrue();

        assertThat(attacker.exchange(get(origin, "/after", "bob", "b0b")).status())
            .isEqualTo(200);
      }
    }
  }

  @Test
  void thirdFailureInAMinuteIsAnsweredAfterTheDelay() throws Exception {
    AuthState state = new AuthState(SMALL, Clock.systemUTC());
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden = new RunningWarden(SETTINGS, state);
        RawHttpConnection attacker = new RawHttpConnection(warden.port(), address(2))) {
      attacker.exchange(get(origin, "/guess-1", "alice", "guess-1"));
      attacker.exchange(get(origin, "/guess-2", "alice", "guess-2"));

      long start = System.nanoTime();
      RawResponse third = attacker.exchange(get(origin, "/guess-3", "alice", "guess-3"));

      assertThat(third.status()).isEqualTo(407);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(280);
    }
  }

  @Test
  void badDigestResponsesLockOutTheClaimedUserButFetchingChallengesDoesNot() throws Exception {
    CredentialMaterial material = new CredentialMaterial();
    Realm lab = new Realm(
        REALM,
        List.of(),
        List.of(material.user("alice", true, REALM, "s3cret".toCharArray())),
        new RealmAuth(List.of("digest"), List.of("SHA-256"), Duration.ofMinutes(5), 403));
    AuthState state = new AuthState(SMALL, Clock.systemUTC());
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden =
            new RunningWarden(Settings.defaults().withRealms(List.of(lab)), state)) {
      for (int i = 0; i < 5; i++) {
        try (RawHttpConnection guesser = new RawHttpConnection(warden.port(), address(20 + i))) {
          for (int fetch = 0; fetch < 3; fetch++) {
            assertThat(guesser.exchange(digest(origin, "/challenge", null)).status())
                .isEqualTo(407);
          }
          String challenge =
              guesser.exchange(digest(origin, "/challenge", null)).header("Proxy-Authenticate");
          guesser.exchange(digest(
              origin,
              "/guess",
              DigestAnswer.to(challenge, "alice", "guess-" + i).uri("/guess").header()));
        }
      }
      try (RawHttpConnection owner = new RawHttpConnection(warden.port(), address(3))) {
        String challenge =
            owner.exchange(digest(origin, "/challenge", null)).header("Proxy-Authenticate");
        RawResponse refused = owner.exchange(digest(
            origin,
            "/owner",
            DigestAnswer.to(challenge, "alice", "s3cret").uri("/owner").header()));

        assertThat(refused.status()).isEqualTo(407);
      }
      assertThat(warden.awaitExchangeFor(origin.url("/owner")).auth().label())
          .isEqualTo("challenged:locked-out");
      assertThat(state.lockouts())
          .extracting(Lockout::subject)
          .containsExactly(LockoutKey.user(REALM, "alice"));
    }
  }

  private static String digest(TestOrigin origin, String path, String authorization) {
    return "GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n"
        + (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n") + "\r\n";
  }

  private static InetAddress address(int last) throws Exception {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
  }

  private static String get(TestOrigin origin, String path, String user, String password) {
    return "GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n"
        + "Proxy-Authorization: " + Users.basic(user, password) + "\r\n\r\n";
  }
}
