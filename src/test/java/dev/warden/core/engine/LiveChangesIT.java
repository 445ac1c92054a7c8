package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.settings.Realm;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Enforcement is decided per request from the settings in force: every change applies to the next
 * request of a keep-alive connection that was already open before the change.
 */
class LiveChangesIT {

  private static final AtomicInteger PATHS = new AtomicInteger();
  private TestOrigin origin;
  private RunningWarden warden;
  private RawHttpConnection connection;

  @BeforeEach
  void start() throws Exception {
    origin = new TestOrigin();
    warden = new RunningWarden(
        Users.realmWith("Warden", Users.user("alice", "s3cret"), Users.user("bob", "b0b")));
    connection = new RawHttpConnection(warden.port());
  }

  @AfterEach
  void stop() throws Exception {
    connection.close();
    warden.close();
    origin.close();
  }

  private RawResponse get(String credentials) throws Exception {
    String url = origin.url("/live-" + PATHS.incrementAndGet());
    String header = credentials == null ? "" : "Proxy-Authorization: " + credentials + "\r\n";
    return connection.exchange(
        "GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n" + header + "\r\n");
  }

  private ChallengeReason lastReason() throws Exception {
    return warden
                .awaitExchange(
                    e -> e.auth() instanceof AuthOutcome.Challenged && e.id() == latestId())
                .auth()
            instanceof AuthOutcome.Challenged c
        ? c.reason()
        : null;
  }

  private long latestId() {
    List<dev.warden.core.traffic.Exchange> all = warden.warden().traffic().snapshot();
    return all.isEmpty() ? -1 : all.get(all.size() - 1).id();
  }

  @Test
  void switchingEnforcementOnChallengesTheNextRequestOfAnOpenConnection() throws Exception {
    warden.update(s -> s.withEnforcement(false));
    assertThat(get(null).status()).isEqualTo(200);
    warden.update(s -> s.withEnforcement(true));
    assertThat(get(null).status()).isEqualTo(407);
    warden.update(s -> s.withEnforcement(false));
    assertThat(get(null).status()).isEqualTo(200);
  }

  @Test
  void removingAUserRefusesItsNextRequestOnTheSameConnection() throws Exception {
    assertThat(get(Users.basic("alice", "s3cret")).status()).isEqualTo(200);
    warden.update(s ->
        s.withRealms(List.of(s.realms().get(0).withUsers(List.of(Users.user("bob", "b0b"))))));
    assertThat(get(Users.basic("alice", "s3cret")).status()).isEqualTo(407);
    assertThat(lastReason()).isEqualTo(ChallengeReason.UNKNOWN_USER);
  }

  @Test
  void changingAPasswordRefusesTheOldOneAndAcceptsTheNewOne() throws Exception {
    assertThat(get(Users.basic("alice", "s3cret")).status()).isEqualTo(200);
    warden.update(s -> s.withRealms(List.of(s.realms()
        .get(0)
        .withUsers(List.of(Users.user("alice", "n3w"), Users.user("bob", "b0b"))))));
    assertThat(get(Users.basic("alice", "s3cret")).status()).isEqualTo(407);
    assertThat(lastReason()).isEqualTo(ChallengeReason.WRONG_PASSWORD);
    assertThat(get(Users.basic("alice", "n3w")).status()).isEqualTo(200);
  }

  @Test
  void disablingAUserForbidsItsNextRequest() throws Exception {
    assertThat(get(Users.basic("bob", "b0b")).status()).isEqualTo(200);
    warden.update(s -> {
      Realm realm = s.realms().get(0);
      return s.withRealms(List.of(
          realm.withUsers(List.of(realm.users().get(0), realm.users().get(1).withEnabled(false)))));
    });
    // 403: the credentials are understood and refused by policy; retrying cannot help (Squid does
    // so)
    assertThat(get(Users.basic("bob", "b0b")).status()).isEqualTo(403);
    assertThat(lastReason()).isEqualTo(ChallengeReason.DISABLED_USER);
  }

  @Test
  void renamingTheRealmChangesTheNextChallenge() throws Exception {
    assertThat(get(null).header("Proxy-Authenticate"))
        .isEqualTo("Basic realm=\"Warden\", charset=\"UTF-8\"");
    warden.update(s -> s.withRealms(List.of(s.realms().get(0).withName("Corp Proxy"))));
    assertThat(get(null).header("Proxy-Authenticate"))
        .isEqualTo("Basic realm=\"Corp Proxy\", charset=\"UTF-8\"");
  }

  @Test
  void closeAfterChallengeKnobClosesTheConnectionAfterThe407() throws Exception {
    warden.update(s -> s.withCloseAfterChallenge(true));
    RawResponse refused = get(null);
    assertThat(refused.status()).isEqualTo(407);
    assertThat(refused.closesConnection()).isTrue();
    assertThat(connection.isClosedByPeer(3000)).isTrue();
  }
}
