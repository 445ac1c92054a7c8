package dev.warden.core.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Md4Test {

  @ParameterizedTest(name = "MD4(\"{0}\")")
  @CsvSource({ // RFC 1320 appendix A.5, the test suite
    "'', 31d6cfe0d16ae931b73c59d7e0c089c0",
    "a, bde52cb31de33e46245e05fbdbd6fb24",
    "abc, a448017aaf21d8525fc10ae87aa6729d",
    "message digest, d9130a8164549fe818874806e1c7014b",
    "abcdefghijklmnopqrstuvwxyz, d79e1c308aa5bbcdeea8ed63df412da9",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789,"
        + " 043f8582f241db351ce627e153e7f0e4",
    "12345678901234567890123456789012345678901234567890123456789012345678901234567890,"
        + " e33b4ddc9c38f2199c3e7b164fcc0536"
  })
  void reproducesTheRfc1320TestSuite(String message, String expected) {
    byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);

    assertThat(HexFormat.of().formatHex(Md4.digest(bytes, 0, bytes.length))).isEqualTo(expected);
  }

  @Property(tries = 300)
  void agreesWithBouncyCastleOnAnyInputAndSlice(
      @ForAll @Size(max = 300) byte[] data,
      @ForAll @IntRange(max = 300) int from,
      @ForAll @IntRange(max = 300) int length) {
    int offset = Math.min(from, data.length);
    int count = Math.min(length, data.length - offset);
    MD4Digest reference = new MD4Digest();
    reference.update(data, offset, count);
    byte[] expected = new byte[16];
    reference.doFinal(expected, 0);

    assertThat(Md4.digest(data, offset, count)).isEqualTo(expected);
  }
}
