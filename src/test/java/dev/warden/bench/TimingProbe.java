package dev.warden.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.warden.core.Warden;
import dev.warden.core.auth.AuthState;
import dev.warden.core.auth.LockoutPolicy;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.auth.VerificationPool;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.testing.RawHttpConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.digest.Md5Crypt;

/**
 * What one request tells an attacker by its timing: medians of unknown-user and wrong-password
 * answers through a real Warden (real LittleProxy on 127.0.0.1, raw sockets) whose one realm mixes
 * Warden's PBKDF2, bcrypt, {@code {SHA}} and {@code $apr1$} users. Every request uses a fresh wrong
 * password (and an unknown user a fresh name), so no cache answers; the kinds are interleaved round
 * by round; lockouts are off so the failures are not slowed down on purpose.
 *
 * <p>Usage: {@code TimingProbe [rounds=15] [bcryptCost=10]}. Prints each kind's median and its ratio
 * to the unknown-user median; exits 3 when a ratio is outside 0.9-1.1 (the target).
 */
public final class TimingProbe {

  private TimingProbe() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int bcryptCost = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<User> users = List.of(
        new User("pbkdf2-user", true, new PasswordHasher().hash("right-1".toCharArray())),
        new User(
            "bcrypt-user",
            true,
            BCrypt.withDefaults().hashToString(bcryptCost, "right-2".toCharArray())),
        new User(
            "sha-user",
            true,
            "{SHA}"
                + Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest("right-3".getBytes(StandardCharsets.UTF_8)))),
        new User(
            "apr1-user", true, Md5Crypt.apr1Crypt("right-4".getBytes(StandardCharsets.UTF_8))));
    Settings settings = Settings.defaults()
        .withRealms(List.of(new Realm("Mixed", List.of(), users)))
        .withListen(new ListenAddress("127.0.0.1", 0));
    AuthState state = new AuthState(VerificationPool.sized(), LockoutPolicy.OFF, Clock.systemUTC());
    try (Warden warden = new Warden(new InMemorySettingsStore(settings), settings, state)) {
      warden.start().get(20, TimeUnit.SECONDS);
      int port = warden.status().bound().port();
      Map<String, List<Double>> times = new LinkedHashMap<>();
      for (String kind : List.of(
          "unknown user",
          "wrong pbkdf2-user",
          "wrong bcrypt-user",
          "wrong sha-user",
          "wrong apr1-user")) {
        times.put(kind, new ArrayList<>());
      }
      try (RawHttpConnection connection = new RawHttpConnection(port)) {
        for (int round = -2; round < rounds; round++) { // two rounds of warm-up, not counted
          for (Map.Entry<String, List<Double>> kind : times.entrySet()) {
            String user = kind.getKey().equals("unknown user")
                ? "nobody-" + round
                : kind.getKey().substring(6);
            double millis = timeOne(connection, user, "guess-" + round + "-" + System.nanoTime());
            if (round >= 0) {
              kind.getValue().add(millis);
            }
          }
        }
      }
      double unknown = median(times.get("unknown user"));
      boolean met = true;
      for (Map.Entry<String, List<Double>> kind : times.entrySet()) {
        double median = median(kind.getValue());
        double ratio = median / unknown;
        met &= ratio >= 0.9 && ratio <= 1.1;
        System.out.printf(
            Locale.ROOT,
            "%-18s median %8.2f ms   ratio to unknown user %.3f%n",
            kind.getKey(),
            median,
            ratio);
      }
      System.out.println(met ? "target met (every ratio within 0.9-1.1)" : "target missed");
      if (!met) {
        System.exit(3);
      }
    }
  }

  private static double timeOne(RawHttpConnection connection, String user, String password)
      throws Exception {
    String authorization = Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    long start = System.nanoTime();
    int status = connection
        .exchange("GET http://127.0.0.1:9/ HTTP/1.1\r\nHost: 127.0.0.1:9\r\n"
            + "Proxy-Authorization: Basic " + authorization + "\r\n\r\n")
        .status();
    double millis = (System.nanoTime() - start) / 1e6;
    if (status != 407) {
      throw new IllegalStateException("expected 407, got " + status);
    }
    return millis;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
