package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.TunnelPorts;
import dev.warden.testing.Users;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A slow password hash runs off the event loop: other connections are served meanwhile. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowHashIT {

  @Test
  void servesAnotherClientWhileSlowVerificationsRun() throws Exception {
    String slowHash = BCrypt.withDefaults().hashToString(12, "right".toCharArray());
    Settings settings = Settings.defaults()
        .withRealms(List.of(new Realm(
            "Lab",
            List.of(),
            List.of(new User("carol", true, slowHash), Users.user("bob", "b0b")))));
    ExecutorService attackers = Executors.newFixedThreadPool(12);
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden = new RunningWarden(settings)) {
      String bob = "Proxy-Authorization: " + Users.basic("bob", "b0b") + "\r\n";
      try (RawHttpConnection legit = new RawHttpConnection(warden.port())) {
        assertThat(legit.exchange(get(origin, "/warm", bob)).status()).isEqualTo(200);

        List<CompletableFuture<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          String guess = "Proxy-Authorization: " + Users.basic("carol", "guess-" + i) + "\r\n";
          // one address each: a single address would have all but four guesses refused busy at once
          InetAddress from = InetAddress.getByName("127.0.3." + (i + 1));
          guesses.add(CompletableFuture.supplyAsync(
              () -> {
                try (RawHttpConnection attacker = new RawHttpConnection(warden.port(), from)) {
                  return attacker.exchange(get(origin, "/guess", guess)).status();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              attackers));
        }
        Thread.sleep(100); // the guesses are queued on the verification pool now

        long slowest = 0;
        for (int i = 0; i < 20; i++) {
          long start = System.nanoTime();
          assertThat(legit.exchange(get(origin, "/legit-" + i, bob)).status()).isEqualTo(200);
          slowest = Math.max(slowest, System.nanoTime() - start);
        }
        // twelve bcrypt-12 checks on two threads take well over a second; bob was done before them
        assertThat(guesses).anyMatch(guess -> !guess.isDone());
        assertThat(TimeUnit.NANOSECONDS.toMillis(slowest)).isLessThan(1_000);
        for (CompletableFuture<Integer> guess : guesses) {
          assertThat(guess.get(60, TimeUnit.SECONDS)).isEqualTo(407);
        }
      }
    } finally {
      attackers.shutdownNow();
    }
  }

  @Test
  void forwardsTunnelBytesThatArriveWhileTheConnectIsVerifiedSlowly() throws Exception {
    String slowHash = BCrypt.withDefaults().hashToString(11, "right".toCharArray());
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden = new RunningWarden(TunnelPorts.allowing(
            Settings.defaults()
                .withRealms(List.of(
                    new Realm("Lab", List.of(), List.of(new User("carol", true, slowHash))))),
            origin.port()))) {
      String authority = "127.0.0.1:" + origin.port();
      String connect = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
      String early =
          "GET /while-verifying HTTP/1.1\r\nHost: " + authority + "\r\nConnection: close\r\n\r\n";
      try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
        connection.send(
            connect + "Proxy-Authorization: " + Users.basic("carol", "right") + "\r\n\r\n" + early);
        assertThat(connection.read(false).status()).isEqualTo(200);
        assertThat(connection.read(false).bodyText()).isEqualTo(TestOrigin.BODY);
      }
      try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
        connection.send(
            connect + "Proxy-Authorization: " + Users.basic("carol", "wrong") + "\r\n\r\n" + early);
        RawResponse refused = connection.read(false);
        assertThat(refused.status()).isEqualTo(407);
        assertThat(refused.closesConnection()).isTrue();
      }
      assertThat(origin.seen())
          .filteredOn(seen -> seen.path().equals("/while-verifying"))
          .hasSize(1);
    }
  }

  private static String get(TestOrigin origin, String path, String credentials) {
    return "GET " + origin.url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port() + "\r\n"
        + credentials + "\r\n";
  }
}
