package dev.warden.core.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DigestAlgorithmTest {

  @Test
  void writesTheTokensOfRfc7616() {
    assertThat(DigestAlgorithm.values())
        .extracting(DigestAlgorithm::token)
        .containsExactly(
            "MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess");
  }

  @Test
  void findsAnAlgorithmByItsTokenIgnoringCase() {
    assertThat(DigestAlgorithm.fromToken("md5")).contains(DigestAlgorithm.MD5);
    assertThat(DigestAlgorithm.fromToken("sha-512-256-SESS"))
        .contains(DigestAlgorithm.SHA_512_256_SESS);
    assertThat(DigestAlgorithm.fromToken("SHA-256")).contains(DigestAlgorithm.SHA_256);
  }

  @Test
  void foldsOnlyAsciiLettersWhenMatchingATokenIgnoringCase() {
    // U+017F folds to 's' and CR is '-' without its 0x20 bit: neither may stand for a letter or a
    // dash
    assertThat(DigestAlgorithm.fromToken("MD5-\u017Fess")).isEmpty();
    assertThat(DigestAlgorithm.fromToken("SHA\r256")).isEmpty();
    assertThat(DigestAlgorithm.fromToken("MD\u00155")).isEmpty();
  }

  @Test
  void findsNothingForUnknownTokens() {
    assertThat(DigestAlgorithm.fromToken("SHA-512")).isEmpty();
    assertThat(DigestAlgorithm.fromToken("SHA_256")).isEmpty();
    assertThat(DigestAlgorithm.fromToken(" MD5")).isEmpty();
    assertThat(DigestAlgorithm.fromToken("")).isEmpty();
    assertThat(DigestAlgorithm.fromToken(null)).isEmpty();
  }

  @Test
  void sessionAlgorithmsHaveTheirPlainOneAsBase() {
    assertThat(DigestAlgorithm.MD5_SESS.isSession()).isTrue();
    assertThat(DigestAlgorithm.MD5_SESS.base()).isEqualTo(DigestAlgorithm.MD5);
    assertThat(DigestAlgorithm.SHA_256_SESS.base()).isEqualTo(DigestAlgorithm.SHA_256);
    assertThat(DigestAlgorithm.SHA_512_256_SESS.base()).isEqualTo(DigestAlgorithm.SHA_512_256);
    assertThat(DigestAlgorithm.SHA_256.isSession()).isFalse();
    assertThat(DigestAlgorithm.SHA_256.base()).isEqualTo(DigestAlgorithm.SHA_256);
  }

  @Test
  void hashesAsLowerCaseHexOfTheAlgorithmsLength() {
    for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
      assertThat(algorithm.hash(new byte[0])).hasSize(algorithm.hexLength()).matches("[0-9a-f]+");
    }
    // FIPS 180-4 / NIST example values for the empty message
    assertThat(DigestAlgorithm.MD5.hash()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(DigestAlgorithm.SHA_512_256.hash(new byte[0]))
        .isEqualTo("c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a");
  }

  @Test
  void hashesWhatTheJdkHashesOnEveryThreadForEveryAlgorithm() throws Exception {
    Random random = new Random(7616);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> checks = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        byte[] first = new byte[random.nextInt(300)];
        byte[] second = new byte[random.nextInt(3)];
        random.nextBytes(first);
        random.nextBytes(second);
        checks.add(threads.submit(() -> {
          for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            assertThat(algorithm.hash(first, second)).isEqualTo(jdkHex(algorithm, first, second));
          }
          return null;
        }));
      }
      for (Future<?> check : checks) {
        check.get(10, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static String jdkHex(DigestAlgorithm algorithm, byte[]... parts) throws Exception {
    String name = switch (algorithm.base()) {
      case MD5 -> "MD5";
      case SHA_256 -> "SHA-256";
      default -> "SHA-512/256";
    };
    MessageDigest digest = MessageDigest.getInstance(name);
    for (byte[] part : parts) {
      digest.update(part);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Test
  void qopTokensAreExact() {
    assertThat(Qop.fromToken("auth")).contains(Qop.AUTH);
    assertThat(Qop.fromToken("auth-int")).contains(Qop.AUTH_INT);
    assertThat(Qop.fromToken("AUTH")).isEmpty();
    assertThat(Qop.fromToken("")).isEmpty();
    assertThat(Qop.fromToken(null)).isEmpty();
  }
}
