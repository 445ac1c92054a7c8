package dev.warden.core.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DigestCalculationTest {

  // RFC 7616 §3.9.1
  private static final String MUFASA = "Mufasa";
  private static final char[] CIRCLE_OF_LIFE = "Circle of Life".toCharArray();
  private static final String HTTP_AUTH_REALM = "http-auth@example.org";
  private static final String NONCE_7616 = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
  private static final String CNONCE_7616 = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

  // RFC 7616 §3.9.2
  private static final String JASON = "J\u00e4s\u00f8n Doe";
  private static final char[] SECRET = "Secret, or not?".toCharArray();
  private static final String API_REALM = "api@example.org";
  private static final String NONCE_DOE = "5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK";
  private static final String CNONCE_DOE = "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v";

  @Test
  void reproducesRfc7616Md5Example() {
    String ha1 =
        DigestCalculation.ha1(DigestAlgorithm.MD5, MUFASA, HTTP_AUTH_REALM, CIRCLE_OF_LIFE);
    var request = DigestInput.auth(
        DigestAlgorithm.MD5, "GET", "/dir/index.html", NONCE_7616, "00000001", CNONCE_7616);

    assertThat(DigestCalculation.expectedResponse(ha1, request))
        .isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
  }

  @Test
  void reproducesRfc7616Sha256Example() {
    String ha1 =
        DigestCalculation.ha1(DigestAlgorithm.SHA_256, MUFASA, HTTP_AUTH_REALM, CIRCLE_OF_LIFE);
    var request = DigestInput.auth(
        DigestAlgorithm.SHA_256, "GET", "/dir/index.html", NONCE_7616, "00000001", CNONCE_7616);

    assertThat(DigestCalculation.expectedResponse(ha1, request))
        .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  }

  @Test
  void reproducesRfc2617Example() {
    String ha1 = DigestCalculation.ha1(
        DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life".toCharArray());
    var request = DigestInput.auth(
        DigestAlgorithm.MD5,
        "GET",
        "/dir/index.html",
        "dcd98b7102dd2f0e8b11d0f600bfb0c093",
        "00000001",
        "0a4f113b");

    assertThat(DigestCalculation.expectedResponse(ha1, request))
        .isEqualTo("6629fae49393a05397450978507c4ef1");
  }

  @Test
  void reproducesRfc7616Sha512256UserhashWithErratum4897() {
    assertThat(DigestCalculation.userhash(DigestAlgorithm.SHA_512_256, JASON, API_REALM))
        .isEqualTo("793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b");
  }

  @Test
  void reproducesRfc7616Sha512256ResponseWithErratum4897() {
    String ha1 = DigestCalculation.ha1(DigestAlgorithm.SHA_512_256, JASON, API_REALM, SECRET);
    var request = DigestInput.auth(
        DigestAlgorithm.SHA_512_256, "GET", "/doe.json", NONCE_DOE, "00000001", CNONCE_DOE);

    assertThat(DigestCalculation.expectedResponse(ha1, request))
        .isEqualTo("3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5");
  }

  @Test
  void sha512256IsNotTruncatedSha512() throws Exception {
    byte[] input = (JASON + ":" + API_REALM).getBytes(StandardCharsets.UTF_8);
    byte[] truncated =
        java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(input), 32);

    // the value RFC 7616 §3.9.2 printed, which erratum 4897 corrects
    assertThat(HexFormat.of().formatHex(truncated)).startsWith("48886947");
    assertThat(DigestAlgorithm.SHA_512_256.hash(input))
        .isNotEqualTo(HexFormat.of().formatHex(truncated));
  }

  // ---- the same values computed a second, independent way: MessageDigest by hand ----

  private static String javaName(DigestAlgorithm algorithm) {
    return switch (algorithm.base()) {
      case MD5 -> "MD5";
      case SHA_256 -> "SHA-256";
      default -> "SHA-512/256";
    };
  }

  /** H of the string, by hand. */
  private static String byHand(DigestAlgorithm algorithm, String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance(javaName(algorithm));
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static final String USER = "J\u00fcrgen";
  private static final String REALM = "Warden \u2603";
  private static final char[] PASSWORD = "p\u00e4ss:word".toCharArray();
  private static final String NONCE = "nOnCe-1";
  private static final String NC = "0000000a";
  private static final String CNONCE = "c:nonce";
  private static final String URI = "/r\u00e9sum\u00e9?x=1";

  private static String storedHa1(DigestAlgorithm algorithm) {
    return byHand(algorithm, USER + ":" + REALM + ":" + new String(PASSWORD));
  }

  /** H(A1) by hand, session or not, from the stored one. */
  private static String ha1ByHand(DigestAlgorithm algorithm) {
    String stored = storedHa1(algorithm);
    return algorithm.isSession() ? byHand(algorithm, stored + ":" + NONCE + ":" + CNONCE) : stored;
  }

  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void ha1FromAPasswordIsTheHashOfUserRealmAndPassword(DigestAlgorithm algorithm) {
    assertThat(DigestCalculation.ha1(algorithm, USER, REALM, PASSWORD))
        .isEqualTo(storedHa1(algorithm));
    assertThat(new String(PASSWORD)).isEqualTo("p\u00e4ss:word");
  }

  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void userhashIsTheHashOfUserAndRealm(DigestAlgorithm algorithm) {
    assertThat(DigestCalculation.userhash(algorithm, USER, REALM))
        .isEqualTo(byHand(algorithm, USER + ":" + REALM));
  }

  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void authResponseMatchesAComputationByHand(DigestAlgorithm algorithm) {
    String ha2 = byHand(algorithm, "GET:" + URI);
    String expected = byHand(
        algorithm, ha1ByHand(algorithm) + ":" + NONCE + ":" + NC + ":" + CNONCE + ":auth:" + ha2);

    var request = DigestInput.auth(algorithm, "GET", URI, NONCE, NC, CNONCE);

    assertThat(DigestCalculation.expectedResponse(storedHa1(algorithm), request))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void authIntResponseHashesTheEntityBodyIntoA2(DigestAlgorithm algorithm) {
    String body = "{\"a\": \"\u00e9\"}";
    String bodyHash = byHand(algorithm, body);
    String ha2 = byHand(algorithm, "POST:" + URI + ":" + bodyHash);
    String expected = byHand(
        algorithm,
        ha1ByHand(algorithm) + ":" + NONCE + ":" + NC + ":" + CNONCE + ":auth-int:" + ha2);

    var request = DigestInput.authInt(
        algorithm,
        "POST",
        URI,
        algorithm.hash(body.getBytes(StandardCharsets.UTF_8)),
        NONCE,
        NC,
        CNONCE);

    assertThat(DigestCalculation.expectedResponse(storedHa1(algorithm), request))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void rspauthUsesAnEmptyMethod(DigestAlgorithm algorithm) {
    String ha2 = byHand(algorithm, ":" + URI);
    String expected = byHand(
        algorithm, ha1ByHand(algorithm) + ":" + NONCE + ":" + NC + ":" + CNONCE + ":auth:" + ha2);

    var request = DigestInput.auth(algorithm, "GET", URI, NONCE, NC, CNONCE);

    assertThat(DigestCalculation.rspauth(storedHa1(algorithm), request, null)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(DigestAlgorithm.class)
  void authIntRspauthHashesTheResponseBody(DigestAlgorithm algorithm) {
    String responseBodyHash = byHand(algorithm, "<html>ok</html>");
    String ha2 = byHand(algorithm, ":" + URI + ":" + responseBodyHash);
    String expected = byHand(
        algorithm,
        ha1ByHand(algorithm) + ":" + NONCE + ":" + NC + ":" + CNONCE + ":auth-int:" + ha2);

    var request = DigestInput.authInt(
        algorithm, "POST", URI, byHand(algorithm, "request"), NONCE, NC, CNONCE);

    assertThat(DigestCalculation.rspauth(storedHa1(algorithm), request, responseBodyHash))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(
      value = DigestAlgorithm.class,
      names = {"MD5", "SHA_256", "SHA_512_256"})
  void responseWithoutQopIsRfc2069Style(DigestAlgorithm algorithm) {
    String expected = byHand(
        algorithm, storedHa1(algorithm) + ":" + NONCE + ":" + byHand(algorithm, "GET:" + URI));

    var request = DigestInput.withoutQop(algorithm, "GET", URI, NONCE);

    assertThat(DigestCalculation.expectedResponse(storedHa1(algorithm), request))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(
      value = DigestAlgorithm.class,
      names = {"MD5_SESS", "SHA_256_SESS", "SHA_512_256_SESS"})
  void sessionHa1HashesTheStoredHa1WithNonceAndCnonce(DigestAlgorithm algorithm) {
    assertThat(DigestCalculation.sessionHa1(algorithm, storedHa1(algorithm), NONCE, CNONCE))
        .isEqualTo(ha1ByHand(algorithm));
  }

  @Test
  void sessionAlgorithmsStoreTheSameHa1AsTheirBase() {
    for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
      assertThat(DigestCalculation.ha1(algorithm, USER, REALM, PASSWORD))
          .isEqualTo(DigestCalculation.ha1(algorithm.base(), USER, REALM, PASSWORD));
    }
  }

  @Test
  void rfc2069RequestsCannotUseASessionAlgorithm() {
    assertThatThrownBy(() -> DigestInput.withoutQop(DigestAlgorithm.MD5_SESS, "GET", "/", NONCE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fieldsTheQopDoesNotUseMustBeAbsent() {
    assertThatThrownBy(
            () -> new DigestInput(DigestAlgorithm.MD5, Qop.NONE, "GET", "/", NONCE, NC, null, null))
        .hasMessageContaining("nc");
    assertThatThrownBy(() -> new DigestInput(
            DigestAlgorithm.MD5,
            Qop.AUTH,
            "GET",
            "/",
            NONCE,
            NC,
            CNONCE,
            byHand(DigestAlgorithm.MD5, "")))
        .hasMessageContaining("entityBodyHash");
  }

  @Test
  void aRequestWithoutQopGetsNoRspauth() {
    var request = DigestInput.withoutQop(DigestAlgorithm.MD5, "GET", "/", NONCE);

    assertThatThrownBy(
            () -> DigestCalculation.rspauth(storedHa1(DigestAlgorithm.MD5), request, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAStoredHa1OfTheWrongLengthWithoutEchoingIt() {
    String md5Ha1 = storedHa1(DigestAlgorithm.MD5);
    var request = DigestInput.auth(DigestAlgorithm.SHA_256, "GET", "/", NONCE, NC, CNONCE);

    assertThatThrownBy(() -> DigestCalculation.expectedResponse(md5Ha1, request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stored H(A1) must be 64 lower-case hex digits for SHA-256")
        .hasMessageNotContaining(md5Ha1);
  }

  @Test
  void refusesAnUpperCaseStoredHa1() {
    String upper = storedHa1(DigestAlgorithm.MD5).toUpperCase();
    var request = DigestInput.auth(DigestAlgorithm.MD5, "GET", "/", NONCE, NC, CNONCE);

    assertThatThrownBy(() -> DigestCalculation.expectedResponse(upper, request))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The response for any text in every field (beyond ASCII, surrogate pairs, longer than the hashing
   * buffer starts) is the RFC's formula computed by hand, and only it matches.
   */
  @Property(tries = 300)
  void responseIsTheRfcFormulaForAnyText(
      @ForAll DigestAlgorithm algorithm,
      @ForAll @StringLength(max = 600) String uri,
      @ForAll @StringLength(max = 80) String nonce,
      @ForAll @StringLength(max = 80) String cnonce,
      @ForAll boolean rspauth) {
    String stored = storedHa1(algorithm);
    String ha1 =
        algorithm.isSession() ? byHand(algorithm, stored + ":" + nonce + ":" + cnonce) : stored;
    String ha2 = byHand(algorithm, (rspauth ? "" : "PROPFIND") + ":" + uri);
    String byHand = byHand(algorithm, ha1 + ":" + nonce + ":" + NC + ":" + cnonce + ":auth:" + ha2);
    var request = DigestInput.auth(algorithm, "PROPFIND", uri, nonce, NC, cnonce);

    if (rspauth) {
      assertThat(DigestCalculation.rspauth(stored, request, null)).isEqualTo(byHand);
      return;
    }
    assertThat(DigestCalculation.expectedResponse(stored, request)).isEqualTo(byHand);
    assertThat(DigestCalculation.responseMatches(stored, request, byHand)).isTrue();
    String wrong = (byHand.charAt(0) == '0' ? '1' : '0') + byHand.substring(1);
    assertThat(DigestCalculation.responseMatches(stored, request, wrong)).isFalse();
    assertThat(DigestCalculation.responseMatches(stored, request, byHand + "0")).isFalse();
    assertThat(DigestCalculation.responseMatches(stored, request, null)).isFalse();
  }

  @Test
  void matchesOnlyTheExactResponse() {
    String expected = "8ca523f5e9506fed4657c9700eebdbec";

    assertThat(DigestCalculation.matches(expected, "8ca523f5e9506fed4657c9700eebdbec"))
        .isTrue();
    assertThat(DigestCalculation.matches(expected, "8ca523f5e9506fed4657c9700eebdbed"))
        .isFalse();
    assertThat(DigestCalculation.matches(expected, "8ca523f5e9506fed4657c9700eebdbe"))
        .isFalse();
    assertThat(DigestCalculation.matches(expected, "8ca523f5e9506fed4657c9700eebdbec0"))
        .isFalse();
    assertThat(DigestCalculation.matches(expected, "8CA523F5E9506FED4657C9700EEBDBEC"))
        .isFalse();
    assertThat(DigestCalculation.matches(expected, "")).isFalse();
    assertThat(DigestCalculation.matches(expected, null)).isFalse();
  }

  @Test
  void hashConcatenatesItsParts() {
    byte[] ab = {'a', 'b'};

    assertThat(DigestAlgorithm.SHA_256.hash(new byte[] {'a'}, new byte[] {'b'}))
        .isEqualTo(DigestAlgorithm.SHA_256.hash(ab))
        .isEqualTo(byHand(DigestAlgorithm.SHA_256, "ab"));
  }

  @Test
  void hashIsCorrectFromManyThreadsAtOnce() throws Exception {
    String expected = byHand(DigestAlgorithm.SHA_512_256, "x".repeat(1000));
    byte[] input = "x".repeat(1000).getBytes(StandardCharsets.UTF_8);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var results = pool.invokeAll(java.util.Collections.nCopies(
          2000, () -> DigestAlgorithm.SHA_512_256.hash(input, new byte[0])));
      for (var result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
