package dev.warden.core.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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
    String ha1 = DigestCalculation.ha1(DigestAlgorithm.MD5, MUFASA, HTTP_AUTH_REALM, CIRCLE_OF_LIFE);
    var request = DigestInput.auth(
        DigestAlgorithm.MD5, "GET", "/dir/index.html", NONCE_7616, "00000001", CNONCE_7616);

    assertThat(DigestCalculation.expectedResponse(ha1, request))
        .isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
  }

  @Test
  void reproducesRfc7616Sha256Example() {
    String ha1 = DigestCalculation.ha1(DigestAlgorithm.SHA_256, MUFASA, HTTP_AUTH_REALM, CIRCLE_OF_LIFE);
    var request = DigestInput.auth(
        DigestAlgorithm.SHA_256, "GET", "/dir/index.html", NONCE_7616, "00000001", CNONCE_7616);

    assertThat(DigestCalculation.expectedResponse(ha1, request))
        .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  }

  @Test
  void reproducesRfc2617Example() {
    String ha1 = DigestCalculation.ha1(
        DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life".toCharArray());
    var request = DigestInput.auth(DigestAlgorithm.MD5, "GET", "/dir/index.html",
        "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b");

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
    byte[] truncated = java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(input), 32);

    // the value RFC 7616 §3.9.2 printed, which erratum 4897 corrects
    assertThat(HexFormat.of().formatHex(truncated)).startsWith("48886947");
    assertThat(DigestAlgorithm.SHA_512_256.hash(input)).isNotEqualTo(HexFormat.of().formatHex(truncated));
  }
}
