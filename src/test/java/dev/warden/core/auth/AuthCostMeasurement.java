package dev.warden.core.auth;

import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.auth.digest.DigestCalculation;
import dev.warden.core.auth.digest.DigestInput;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Prints what one PBKDF2 hash, a cache miss and a cache hit of {@link AuthPolicy#decide} cost on this
 * machine, and an accepted Digest request (SHA-256, qop=auth, the next nc each time) beside a Basic one
 * in a realm that offers both, as the proxy benchmark's Digest-offering Warden does. Run by hand, not as a test, because timings would make a test flaky: from the IDE, or
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
    digestBesideBasic();
  }

  /**
   * Both schemes through one policy, three times over, so the JIT has seen both: each Digest request
   * carries a response computed beforehand, so only Warden's side is timed.
   */
  private static void digestBesideBasic() {
    RealmAuth auth = RealmAuth.defaults().withSchemes(List.of(RealmAuth.DIGEST, RealmAuth.BASIC));
    User user = new CredentialMaterial(new PasswordHasher(1_000))
        .user("bench", true, "Warden", "pw".toCharArray());
    Settings settings = new Settings(
        ListenAddress.DEFAULT,
        true,
        List.of(new Realm("Warden", List.of(), List.of(user), auth)),
        100,
        1024,
        false);
    AuthPolicy policy =
        AuthPolicy.of(settings, new AuthState(LockoutPolicy.OFF, java.time.Clock.systemUTC()));
    String target = "http://127.0.0.1:8080/";
    String challenge = policy
        .decide(new AuthRequest("GET", "127.0.0.1", 8080, List.of(), target, "127.0.0.1"))
        .challenges()
        .stream()
        .filter(c -> c.contains("algorithm=SHA-256"))
        .findFirst()
        .orElseThrow();
    String nonce = parameter(challenge, "nonce");
    String opaque = parameter(challenge, "opaque");
    String ha1 =
        DigestCalculation.ha1(DigestAlgorithm.SHA_256, "bench", "Warden", "pw".toCharArray());
    AuthRequest basic = new AuthRequest(
        "GET", "127.0.0.1", 8080, List.of(basicField("bench:pw")), target, "127.0.0.1");
    int rounds = 200_000;
    int[] nc = {0};
    for (int pass = 1; pass <= 3; pass++) {
      AuthRequest[] digest = new AuthRequest[rounds + rounds / 10];
      for (int i = 0; i < digest.length; i++) {
        String count = String.format("%08x", ++nc[0]);
        String response = DigestCalculation.expectedResponse(
            ha1,
            DigestInput.auth(DigestAlgorithm.SHA_256, "GET", target, nonce, count, "0a4f113b"));
        String field =
            "Digest username=\"bench\", realm=\"Warden\", nonce=\"" + nonce + "\", uri=\""
                + target + "\", algorithm=SHA-256, qop=auth, nc=" + count
                + ", cnonce=\"0a4f113b\", opaque=\"" + opaque + "\", response=\"" + response + "\"";
        digest[i] = new AuthRequest("GET", "127.0.0.1", 8080, List.of(field), target, "127.0.0.1");
      }
      report("pass " + pass + ": Basic accepted (same realm)", rounds, i -> policy.decide(basic));
      int[] next = {0};
      report("pass " + pass + ": Digest accepted", rounds, i -> policy.decide(digest[next[0]++]));
    }
  }

  private static String parameter(String challenge, String name) {
    int start = challenge.indexOf(name + "=\"") + name.length() + 2;
    return challenge.substring(start, challenge.indexOf('"', start));
  }

  private static String basicField(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
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
