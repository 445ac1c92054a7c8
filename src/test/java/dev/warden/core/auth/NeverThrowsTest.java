package dev.warden.core.auth;

import static dev.warden.core.auth.TestPolicies.enforcing;
import static dev.warden.core.auth.TestPolicies.realm;
import static dev.warden.core.auth.TestPolicies.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A little fuzzing: {@link AuthPolicy#decide} answers every input and never shows a secret. */
class NeverThrowsTest {

  private static final String SECRET = "s3cr3t-";
  private static final String[] PIECES = {
    "Basic",
    "basic",
    "BASIC",
    "Bearer",
    "Digest",
    " ",
    "\t",
    "=",
    "==",
    ":",
    "\u0000",
    "\r\n",
    "\u00ff",
    "\uD800",
    "é",
    "YWxpY2U6",
    "%",
    ",",
    "\"",
    "realm=\"x\"",
    "A".repeat(50)
  };

  @Test
  void answersRandomInputWithoutThrowingOrRevealingThePassword() {
    AuthState state = new AuthState();
    AuthPolicy policy = AuthPolicy.of(
        enforcing(realm("Fuzz", List.of(), user("alice", "pw"))
            .withAuth(dev.warden.core.settings.RealmAuth.defaults()
                .withSchemes(List.of("digest", "basic")))),
        state);
    Random random = new Random(407);

    for (int i = 0; i < 3_000; i++) {
      List<String> fields = new ArrayList<>();
      int count = random.nextInt(10) == 0 ? 2 : 1;
      for (int f = 0; f < count; f++) {
        fields.add(randomField(random, i));
      }

      AuthDecision decision = policy.decide(new AuthRequest("GET", "example.com", 80, fields));

      assertThat(decision.outcome()).isNotNull();
      assertThat(decision.redactedCredentials()).doesNotContain(SECRET);
      assertThat(decision.outcome().describe()).doesNotContain(SECRET);
      assertThat(decision.allowed()).isFalse();
      // a judging bug is turned into a refusal with this reason: the one outcome that must not
      // occur
      if (decision.outcome() instanceof AuthOutcome.Challenged challenged) {
        assertThat(challenged.reason()).isNotEqualTo(ChallengeReason.INTERNAL_ERROR);
      }
    }
    assertThat(state.internalErrorCount()).isZero();
  }

  /**
   * Damaged NTLM messages (raw, in SPNEGO, as Bearer tokens): valid Type 1 and Type 3 messages with
   * bytes flipped, cut short or grown, on one connection so Type 3s meet a pending Type 2.
   */
  @Test
  void answersDamagedNtlmSpnegoAndBearerTokensWithoutThrowingOrAccepting() throws Exception {
    // damaged Type 3s are wrong passwords: without lockouts they are answered at once, not delayed
    AuthState state = new AuthState(LockoutPolicy.OFF, java.time.Clock.systemUTC());
    // alice has an NT hash, so damaged Type 3s reach the NTLMv2 check
    AuthPolicy policy = AuthPolicy.of(
        enforcing(realm(
                "Fuzz",
                List.of(),
                new CredentialMaterial(new PasswordHasher(1_000))
                    .user("alice", true, "Fuzz", "pw".toCharArray()))
            .withAuth(dev.warden.core.settings.RealmAuth.defaults()
                .withSchemes(List.of("negotiate", "ntlm", "bearer")))),
        state);
    Random random = new Random(4559);
    byte[] type2 = new dev.warden.core.auth.ntlm.ChallengeMessage(
            0xe28a8233,
            new byte[8],
            "S",
            new dev.warden.core.auth.ntlm.TargetInfo(List.of()),
            new byte[8])
        .encode();
    byte[][] seeds = {
      NtlmTestClient.type1(),
      NtlmTestClient.type3(type2, "D", "alice", "pw"),
      NtlmTestClient.type3V1("alice")
    };
    ConnectionAuth connection = new ConnectionAuth();
    for (int i = 0; i < 3_000; i++) {
      byte[] message = seeds[random.nextInt(seeds.length)].clone();
      int damage = random.nextInt(3);
      if (damage == 0) {
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          message[random.nextInt(message.length)] = (byte) random.nextInt(256);
        }
      } else if (damage == 1) {
        message = java.util.Arrays.copyOf(message, random.nextInt(message.length));
      } else {
        message = java.util.Arrays.copyOf(message, message.length + random.nextInt(40));
      }
      String field = switch (random.nextInt(4)) {
        case 0 -> "NTLM " + Base64.getEncoder().encodeToString(message);
        case 1 ->
          "Negotiate "
              + Base64.getEncoder()
                  .encodeToString(dev.warden.core.auth.ntlm.Spnego.initialToken(
                      message, dev.warden.core.auth.ntlm.Spnego.ntlmOid()));
        case 2 -> {
          byte[] wrapped = dev.warden.core.auth.ntlm.Spnego.responseToken(message);
          wrapped[random.nextInt(wrapped.length)] = (byte) random.nextInt(256);
          yield "Negotiate " + Base64.getEncoder().encodeToString(wrapped);
        }
        default -> "Bearer " + Base64.getEncoder().encodeToString(message);
      };
      if (random.nextInt(3) == 0) {
        policy.decide(new AuthRequest(
            "GET",
            "example.com",
            80,
            List.of("NTLM " + NtlmTestClient.type1Base64()),
            "http://example.com/",
            "",
            connection));
      }
      AuthDecision decision = policy.decide(new AuthRequest(
          "GET", "example.com", 80, List.of(field), "http://example.com/", "", connection));
      assertThat(decision.allowed()).as(field).isFalse();
      if (decision.outcome() instanceof AuthOutcome.Challenged challenged) {
        assertThat(challenged.reason()).as(field).isNotEqualTo(ChallengeReason.INTERNAL_ERROR);
      }
    }
    assertThat(state.internalErrorCount()).isZero();
  }

  private static String randomField(Random random, int round) {
    if (random.nextBoolean()) {
      byte[] bytes = new byte[random.nextInt(24)];
      random.nextBytes(bytes);
      String userPart = random.nextBoolean() ? "u" + round + ":" + SECRET + round : "";
      byte[] credentials = (userPart
              + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String token =
          Base64.getEncoder().encodeToString(random.nextInt(4) == 0 ? bytes : credentials);
      return PIECES[random.nextInt(3)] + " " + token;
    }
    StringBuilder field = new StringBuilder();
    int pieces = random.nextInt(8);
    for (int p = 0; p < pieces; p++) {
      field.append(
          random.nextInt(5) == 0
              ? (char) random.nextInt(0x3000)
              : PIECES[random.nextInt(PIECES.length)]);
    }
    return field.toString();
  }
}
