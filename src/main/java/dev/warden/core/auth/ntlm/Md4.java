package dev.warden.core.auth.ntlm;

import java.util.Arrays;

/**
 * MD4 (RFC 1320), which NTLM needs for the NT hash and NTLMv1's session key and which no public JDK
 * provider offers. Warden's own rather than Bouncy Castle's: that jar is signed, and the JVM checks a
 * signed jar's certificates the first time it loads a class from it (about 0.3 s of every start,
 * since the auth policy links the NTLM classes) and will not put its classes in the launcher's class
 * data sharing archive. Broken as a hash and used here only where the protocol demands it.
 * Stateless; any thread.
 */
final class Md4 {

  /** Digest length in bytes. */
  static final int LENGTH = 16;

  private Md4() {}

  /** MD4 of {@code length} bytes of {@code data} from {@code offset}. */
  static byte[] digest(byte[] data, int offset, int length) {
    long bits = (long) length * 8;
    int padded = ((length + 8) / 64 + 1) * 64;
    byte[] message = new byte[padded];
    System.arraycopy(data, offset, message, 0, length);
    message[length] = (byte) 0x80;
    for (int i = 0; i < 8; i++) {
      message[padded - 8 + i] = (byte) (bits >>> (8 * i));
    }
    int a = 0x67452301;
    int b = 0xefcdab89;
    int c = 0x98badcfe;
    int d = 0x10325476;
    int[] x = new int[16];
    for (int block = 0; block < padded; block += 64) {
      for (int i = 0; i < 16; i++) {
        int at = block + 4 * i;
        x[i] = (message[at] & 0xff)
            | (message[at + 1] & 0xff) << 8
            | (message[at + 2] & 0xff) << 16
            | (message[at + 3] & 0xff) << 24;
      }
      int aa = a;
      int bb = b;
      int cc = c;
      int dd = d;
      for (int i = 0; i < 16; i += 4) { // round 1: F(b,c,d) = (b & c) | (~b & d)
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + x[i], 3);
        d = Integer.rotateLeft(d + ((a & b) | (~a & c)) + x[i + 1], 7);
        c = Integer.rotateLeft(c + ((d & a) | (~d & b)) + x[i + 2], 11);
        b = Integer.rotateLeft(b + ((c & d) | (~c & a)) + x[i + 3], 19);
      }
      for (int i = 0; i < 4; i++) { // round 2: G = majority, constant sqrt(2)
        a = Integer.rotateLeft(a + ((b & c) | (b & d) | (c & d)) + x[i] + 0x5a827999, 3);
        d = Integer.rotateLeft(d + ((a & b) | (a & c) | (b & c)) + x[i + 4] + 0x5a827999, 5);
        c = Integer.rotateLeft(c + ((d & a) | (d & b) | (a & b)) + x[i + 8] + 0x5a827999, 9);
        b = Integer.rotateLeft(b + ((c & d) | (c & a) | (d & a)) + x[i + 12] + 0x5a827999, 13);
      }
      for (int i : ROUND_3_ORDER) { // round 3: H = parity, constant sqrt(3)
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x[i] + 0x6ed9eba1, 3);
        d = Integer.rotateLeft(d + (a ^ b ^ c) + x[i + 8] + 0x6ed9eba1, 9);
        c = Integer.rotateLeft(c + (d ^ a ^ b) + x[i + 4] + 0x6ed9eba1, 11);
        b = Integer.rotateLeft(b + (c ^ d ^ a) + x[i + 12] + 0x6ed9eba1, 15);
      }
      a += aa;
      b += bb;
      c += cc;
      d += dd;
    }
    Arrays.fill(message, (byte) 0); // it held the caller's secret (a password)
    Arrays.fill(x, 0);
    byte[] out = new byte[LENGTH];
    int[] state = {a, b, c, d};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        out[4 * i + j] = (byte) (state[i] >>> (8 * j));
      }
    }
    return out;
  }

  /** Round 3 takes the words of each quarter in bit-reversed order: 0, 2, 1, 3. */
  private static final int[] ROUND_3_ORDER = {0, 2, 1, 3};
}
