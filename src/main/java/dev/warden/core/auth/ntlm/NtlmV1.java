package dev.warden.core.auth.ntlm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The NTLMv1 computations of MS-NLMP §3.3.1 from the NT hash, for the fault knob that lets a realm
 * accept legacy NTLM: the NTLMv1 response DESL(NT hash, server challenge), and with extended session
 * security the NTLM2 session response DESL(NT hash, MD5(server challenge ‖ client challenge)[0..8])
 * whose client challenge travels in the LM field. The LM response is not here: it needs the LM hash,
 * which Warden never stores. Pure functions; any thread; never blocks.
 */
public final class NtlmV1 {

  /** An NTLMv1 or NTLM2 session response: three DES blocks. */
  public static final int RESPONSE_LENGTH = 24;

  private NtlmV1() {}

  /** NTLMv1 response = DESL(NT hash, server challenge). */
  public static byte[] response(byte[] ntHash, byte[] serverChallenge) {
    return desl(ntHash, serverChallenge);
  }

  /** NTLM2 session response = DESL(NT hash, MD5(server challenge ‖ client challenge)[0..8]). */
  public static byte[] sessionResponse(
      byte[] ntHash, byte[] serverChallenge, byte[] clientChallenge) {
    return desl(ntHash, sessionChallenge(serverChallenge, clientChallenge));
  }

  /** The LM field of an NTLM2 session response: the client challenge and 16 zero bytes. */
  public static byte[] sessionLmField(byte[] clientChallenge) {
    return Arrays.copyOf(clientChallenge, RESPONSE_LENGTH);
  }

  /**
   * Whether {@code lmField} has the shape of an NTLM2 session response's LM field (8 bytes of client
   * challenge, then 16 zero bytes), which is how a server tells that response from plain NTLMv1.
   */
  public static boolean isSessionLmField(byte[] lmField) {
    if (lmField.length != RESPONSE_LENGTH) {
      return false;
    }
    for (int i = 8; i < RESPONSE_LENGTH; i++) {
      if (lmField[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** SessionBaseKey of NTLMv1 = MD4(NT hash). */
  public static byte[] sessionBaseKey(byte[] ntHash) {
    return Md4.digest(ntHash, 0, ntHash.length);
  }

  /** Whether {@code expected} and {@code actual} are equal, compared in constant time. */
  public static boolean matches(byte[] expected, byte[] actual) {
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] sessionChallenge(byte[] serverChallenge, byte[] clientChallenge) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(serverChallenge);
      md5.update(clientChallenge);
      return Arrays.copyOf(md5.digest(), 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }

  /**
   * DESL (MS-NLMP §6): the 16-byte key padded with zeros to 21 bytes, cut into three 7-byte DES keys,
   * each encrypting the same 8 bytes.
   */
  static byte[] desl(byte[] key16, byte[] data8) {
    byte[] key21 = Arrays.copyOf(key16, 21);
    byte[] out = new byte[RESPONSE_LENGTH];
    for (int i = 0; i < 3; i++) {
      System.arraycopy(NtlmCiphers.desBlock(desKey(key21, i * 7), data8), 0, out, i * 8, 8);
    }
    return out;
  }

  /** Seven key bytes spread over eight, seven bits each (DES ignores the low parity bit). */
  private static byte[] desKey(byte[] key, int at) {
    byte[] k = new byte[8];
    k[0] = key[at];
    for (int i = 1; i < 7; i++) {
      k[i] = (byte) (((key[at + i - 1] & 0xff) << (8 - i)) | ((key[at + i] & 0xff) >>> i));
    }
    k[7] = (byte) (key[at + 6] << 1);
    return k;
  }
}
