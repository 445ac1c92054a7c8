package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.warden.core.auth.AuthState;
import dev.warden.core.auth.LockoutPolicy;
import dev.warden.core.auth.VerificationPool;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * In a realm that mixes a fast format ({SHA}) with a slow one (bcrypt), a wrong {SHA} password must
 * not answer 100 times sooner than an unknown user (which is checked against the bcrypt hash): both
 * wait for the realm's slowest check. The bound is generous (a factor of 2 either way); the precise
 * medians come from scripts/bench-timing.sh.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TimingEqualityIT {

  @Test
  void answersAWrongShaPasswordNoSoonerThanAnUnknownUser() throws Exception {
    String sha = "{SHA}"
        + Base64.getEncoder()
            .encodeToString(MessageDigest.getInstance("SHA-1")
                .digest("sha-right".getBytes(StandardCharsets.UTF_8)));
    Settings settings = Settings.defaults()
        .withRealms(List.of(new Realm(
            "Mixed",
            List.of(),
            List.of(
                new User("sha-user", true, sha),
                new User(
                    "bcrypt-user",
                    true,
                    BCrypt.withDefaults().hashToString(10, "bcrypt-right".toCharArray()))))));
    AuthState state = new AuthState(new VerificationPool(2), LockoutPolicy.OFF, Clock.systemUTC());
    try (RunningWarden warden = new RunningWarden(settings, state);
        RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      List<Long> unknown = new ArrayList<>();
      List<Long> wrongSha = new ArrayList<>();
      for (int round = -1; round < 5; round++) { // round -1 measures the realm's hash costs
        long a = time(connection, "nobody-" + round, "guess-" + round);
        long b = time(connection, "sha-user", "guess-" + round);
        if (round >= 0) {
          unknown.add(a);
          wrongSha.add(b);
        }
      }
      long unknownMedian = median(unknown);
      long shaMedian = median(wrongSha);
      assertThat(shaMedian)
          .as("median wrong {SHA} ns vs unknown user %d ns", unknownMedian)
          .isBetween(unknownMedian / 2, unknownMedian * 2);
    }
  }

  private static long time(RawHttpConnection connection, String user, String password)
      throws Exception {
    long start = System.nanoTime();
    int status = connection
        .exchange("GET http://127.0.0.1:9/ HTTP/1.1\r\nHost: 127.0.0.1:9\r\n"
            + "Proxy-Authorization: " + Users.basic(user, password) + "\r\n\r\n")
        .status();
    assertThat(status).isEqualTo(407);
    return System.nanoTime() - start;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
