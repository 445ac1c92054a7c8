package dev.warden.core.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.digest.NonceVerdict.Expired;
import dev.warden.core.auth.digest.NonceVerdict.Fresh;
import dev.warden.core.auth.digest.NonceVerdict.Reason;
import dev.warden.core.auth.digest.NonceVerdict.Unknown;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NonceFactoryTest {

  private static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final Instant START = Instant.parse("2026-12-01T09:00:00.123Z");

  private final MutableClock clock = new MutableClock(START);
  private final NonceFactory nonces = new NonceFactory(clock);

  @Test
  void aNewNonceIsFreshWithItsIssueTime() {
    String nonce = nonces.issue("Warden");
    clock.advance(Duration.ofSeconds(42));

    assertThat(nonces.verify(nonce, "Warden", LIFETIME))
        .isEqualTo(new Fresh(START, Duration.ofSeconds(42)));
  }

  @Test
  void aNonceIsUrlSafeAnd54CharactersLong() {
    assertThat(nonces.issue("Warden")).hasSize(54).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void aNonceIsFreshUpToItsLifetimeAndExpiredAfter() {
    String nonce = nonces.issue("Warden");

    clock.advance(LIFETIME);
    assertThat(nonces.verify(nonce, "Warden", LIFETIME)).isInstanceOf(Fresh.class);
    clock.advance(Duration.ofMillis(1));
    assertThat(nonces.verify(nonce, "Warden", LIFETIME))
        .isEqualTo(new Expired(START, LIFETIME.plusMillis(1)));
  }

  @Test
  void theLifetimeIsAParameterOfVerification() {
    String nonce = nonces.issue("Warden");
    clock.advance(Duration.ofSeconds(11));

    assertThat(nonces.verify(nonce, "Warden", Duration.ofSeconds(10))).isInstanceOf(Expired.class);
    assertThat(nonces.verify(nonce, "Warden", Duration.ofSeconds(20))).isInstanceOf(Fresh.class);
  }

  @Test
  void aNonceOfAnotherRealmIsUnknown() {
    String nonce = nonces.issue("realm A");

    assertThat(nonces.verify(nonce, "realm B", LIFETIME))
        .isEqualTo(new Unknown(Reason.NOT_ISSUED_HERE));
    assertThat(nonces.verify(nonce, "realm A", LIFETIME)).isInstanceOf(Fresh.class);
  }

  @Test
  void aNonceOfAnotherFactoryIsUnknown() {
    String nonce = new NonceFactory(clock).issue("Warden");

    assertThat(nonces.verify(nonce, "Warden", LIFETIME))
        .isEqualTo(new Unknown(Reason.NOT_ISSUED_HERE));
  }

  @Test
  void everyTamperedByteMakesANonceUnknown() {
    byte[] bytes = Base64.getUrlDecoder().decode(nonces.issue("Warden"));
    for (int i = 0; i < bytes.length; i++) {
      byte[] tampered = bytes.clone();
      tampered[i] ^= 0x01;
      String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

      assertThat(nonces.verify(nonce, "Warden", LIFETIME))
          .as("byte %d", i)
          .isEqualTo(new Unknown(Reason.NOT_ISSUED_HERE));
    }
  }

  @Test
  void aForgedIssueTimeIsUnknownNotFreshOrExpired() {
    byte[] bytes = Base64.getUrlDecoder().decode(nonces.issue("Warden"));
    bytes[7] += 1; // one millisecond later: the MAC no longer matches
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    assertThat(nonces.verify(nonce, "Warden", LIFETIME))
        .isEqualTo(new Unknown(Reason.NOT_ISSUED_HERE));
  }

  @Test
  void malformedNoncesAreUnknownWithoutThrowing() {
    String nonce = nonces.issue("Warden");

    for (String bad : new String[] {
      null,
      "",
      "abc",
      nonce + "A",
      nonce.substring(1),
      nonce + "==",
      nonce.substring(0, 53) + "!",
      nonce.replace('-', '+').replace('_', '/') + "+",
      "\u00e9".repeat(54),
      " ".repeat(54)
    }) {
      assertThat(nonces.verify(bad, "Warden", LIFETIME))
          .as("%s", bad)
          .isEqualTo(new Unknown(Reason.MALFORMED));
    }
  }

  @Test
  void aNonceHasOneSpelling() {
    String nonce = nonces.issue("Warden");
    // the last character carries 2 data bits and 4 unused ones; set each mix of unused bits
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(nonce.charAt(53));
    for (int unused = 0x01; unused <= 0x0f; unused++) {
      String respelled = nonce.substring(0, 53) + alphabet.charAt(last ^ unused);

      assertThat(Base64.getUrlDecoder().decode(respelled))
          .isEqualTo(Base64.getUrlDecoder().decode(nonce));
      assertThat(nonces.verify(respelled, "Warden", LIFETIME))
          .as(respelled)
          .isEqualTo(new Unknown(Reason.MALFORMED));
    }
    assertThat(nonces.verify(nonce, "Warden", LIFETIME)).isInstanceOf(NonceVerdict.Fresh.class);
  }

  @Test
  void aNonceFromTheFutureIsUnknownBeyondTheSkew() {
    clock.advance(Duration.ofMinutes(1));
    String nonce = nonces.issue("Warden");
    clock.advance(Duration.ofMinutes(-1)); // the wall clock stepped back a minute

    assertThat(nonces.verify(nonce, "Warden", LIFETIME))
        .isEqualTo(new Unknown(Reason.FROM_THE_FUTURE));
  }

  @Test
  void aNonceSlightlyInTheFutureIsFreshWithAgeZero() {
    clock.advance(NonceFactory.MAX_CLOCK_SKEW);
    String nonce = nonces.issue("Warden");
    clock.advance(NonceFactory.MAX_CLOCK_SKEW.negated());

    assertThat(nonces.verify(nonce, "Warden", LIFETIME))
        .isEqualTo(new Fresh(START.plus(NonceFactory.MAX_CLOCK_SKEW), Duration.ZERO));
  }

  @Test
  void tenThousandNoncesAreAllDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(nonces.issue("Warden"));
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void nearExpiryOnceTheFractionOfTheLifetimeHasPassed() {
    String nonce = nonces.issue("Warden");

    clock.advance(Duration.ofMinutes(4).minusMillis(1));
    var early = (Fresh) nonces.verify(nonce, "Warden", LIFETIME);
    clock.advance(Duration.ofMillis(1));
    var late = (Fresh) nonces.verify(nonce, "Warden", LIFETIME);

    assertThat(early.nearExpiry(LIFETIME, 0.8)).isFalse();
    assertThat(late.nearExpiry(LIFETIME, 0.8)).isTrue();
    assertThat(early.nearExpiry(LIFETIME, 0)).isTrue();
    assertThatThrownBy(() -> late.nearExpiry(LIFETIME, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesANonPositiveLifetime() {
    assertThatThrownBy(() -> nonces.verify(nonces.issue("Warden"), "Warden", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void opaqueIsConstantPerRealmAndFactory() {
    String opaque = nonces.opaque("Warden");

    assertThat(nonces.opaque("Warden")).isEqualTo(opaque).hasSize(22).matches("[A-Za-z0-9_-]+");
    assertThat(nonces.opaque("Other")).isNotEqualTo(opaque);
    assertThat(new NonceFactory(clock).opaque("Warden")).isNotEqualTo(opaque);
  }

  @Test
  void checksAnEchoedOpaque() {
    String opaque = nonces.opaque("Warden");

    assertThat(nonces.isOpaque(opaque, "Warden")).isTrue();
    assertThat(nonces.isOpaque(opaque, "Other")).isFalse();
    assertThat(nonces.isOpaque(opaque.substring(1), "Warden")).isFalse();
    assertThat(nonces.isOpaque("", "Warden")).isFalse();
    assertThat(nonces.isOpaque(null, "Warden")).isFalse();
  }

  @Test
  void verifiesFromManyThreadsAtOnce() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var results = pool.invokeAll(java.util.Collections.nCopies(
          1000, () -> nonces.verify(nonces.issue("Warden"), "Warden", LIFETIME)));
      for (var result : results) {
        assertThat(result.get()).isInstanceOf(Fresh.class);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
