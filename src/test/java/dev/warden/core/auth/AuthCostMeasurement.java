package dev.warden.core.auth;

import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Prints what one PBKDF2 hash, a cache miss and a cache hit of {@link AuthPolicy#decide} cost on this
 * machine. Run by hand, not as a test, because timings would make a test flaky: from the IDE, or
 * after {@code ./mvnw -q test-compile} with
 * {@code java -cp target/classes:target/test-classes:<test classpath> dev.warden.core.auth.AuthCostMeasurement}.
 * A miss compiles a fresh policy, so its caches are empty; a hit reuses a warm one.
 */
public final class AuthCostMeasurement {

  private AuthCostMeasurement() {}

  public static void main(String[] args) {
    PasswordHasher hasher = new PasswordHasher();
    String stored = hasher.hash("right".toCharArray());
    Settings settings = new Settings(
        ListenAddress.DEFAULT,
        true,
        List.of(new Realm("Corp", List.of(), List.of(new User("alice", true, stored)))),
        100,
        1024,
        false);
    AuthRequest right = request("alice:right");
    AuthRequest wrong = request("alice:wrong");
    AuthRequest unknown = request("mallory:wrong");

    report(
        "PBKDF2 hash (" + PasswordHasher.ITERATIONS + " iterations)",
        20,
        i -> hasher.hash("right".toCharArray()));
    report("miss: right password", 20, i -> AuthPolicy.of(settings).decide(right));
    report("miss: wrong password", 20, i -> AuthPolicy.of(settings).decide(wrong));
    report("miss: unknown user", 20, i -> AuthPolicy.of(settings).decide(unknown));
    // 200,000 wrong guesses would be delayed and then locked out: this measures the checks alone
    AuthPolicy warm =
        AuthPolicy.of(settings, new AuthState(LockoutPolicy.OFF, java.time.Clock.systemUTC()));
    warm.decide(right);
    warm.decide(wrong);
    report("hit: right password", 200_000, i -> warm.decide(right));
    report("hit: wrong password", 200_000, i -> warm.decide(wrong));
    report("no credentials", 200_000, i -> warm.decide(request(null)));
  }

  private static AuthRequest request(String credentials) {
    List<String> fields = credentials == null
        ? List.of()
        : List.of("Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    return new AuthRequest("GET", "example.com", 80, fields);
  }

  private static void report(String what, int rounds, IntConsumer work) {
    for (int i = 0; i < Math.max(5, rounds / 10); i++) {
      work.accept(i);
    }
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      work.accept(i);
    }
    double micros = (System.nanoTime() - start) / 1_000.0 / rounds;
    System.out.printf("%-40s %10.1f µs%n", what, micros);
  }
}
