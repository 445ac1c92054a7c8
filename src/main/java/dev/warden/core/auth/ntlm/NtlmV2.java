package dev.warden.core.auth.ntlm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The NTLMv2 computations of MS-NLMP §3.3.2, from the NT hash Warden stores instead of the password:
 * NT hash = MD4(UTF-16LE(password)), NTOWFv2 = HMAC-MD5(NT hash, UTF-16LE(UPPER(user) + domain)),
 * NTProofStr = HMAC-MD5(NTOWFv2, server challenge ‖ blob). Pure functions; any thread; never blocks.
 */
public final class NtlmV2 {

  /** NTProofStr's length: the first 16 bytes of an NTLMv2 response; the blob follows it. */
  public static final int PROOF_LENGTH = 16;

  private NtlmV2() {}

  /** MD4 of the password in UTF-16LE (MS-NLMP §3.3.1 NTOWFv1): what Warden stores for NTLM. */
  public static byte[] ntHash(char[] password) {
    java.nio.ByteBuffer utf16 =
        StandardCharsets.UTF_16LE.encode(java.nio.CharBuffer.wrap(password));
    byte[] hash = Md4.digest(utf16.array(), 0, utf16.limit());
    Arrays.fill(utf16.array(), (byte) 0);
    return hash;
  }

  /** NTOWFv2: the response key of {@code user} in {@code domain} (user upper-cased, domain as given). */
  public static byte[] ntowfv2(byte[] ntHash, String user, String domain) {
    return hmacMd5(
        ntHash, (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
  }

  /** NTProofStr = HMAC-MD5(NTOWFv2, server challenge ‖ blob). */
  public static byte[] ntProof(byte[] ntowfv2, byte[] serverChallenge, byte[] blob) {
    return hmacMd5(ntowfv2, concat(serverChallenge, blob));
  }

  /** LMv2 response = HMAC-MD5(NTOWFv2, server challenge ‖ client challenge) ‖ client challenge. */
  public static byte[] lmv2(byte[] ntowfv2, byte[] serverChallenge, byte[] clientChallenge) {
    return concat(hmacMd5(ntowfv2, concat(serverChallenge, clientChallenge)), clientChallenge);
  }

  /** SessionBaseKey = HMAC-MD5(NTOWFv2, NTProofStr). */
  public static byte[] sessionBaseKey(byte[] ntowfv2, byte[] ntProof) {
    return hmacMd5(ntowfv2, ntProof);
  }

  /**
   * Whether {@code ntResponse} (NTProofStr ‖ blob) answers {@code serverChallenge} for this key, by a
   * constant-time compare of NTProofStr.
   */
  public static boolean verifies(byte[] ntowfv2, byte[] serverChallenge, byte[] ntResponse) {
    if (ntResponse.length <= PROOF_LENGTH) {
      return false;
    }
    byte[] blob = Arrays.copyOfRange(ntResponse, PROOF_LENGTH, ntResponse.length);
    byte[] expected = ntProof(ntowfv2, serverChallenge, blob);
    return MessageDigest.isEqual(expected, Arrays.copyOf(ntResponse, PROOF_LENGTH));
  }

  /**
   * The NTLMv2 client blob ("temp" of MS-NLMP §3.3.2): version 1.1, the timestamp (FILETIME), the
   * client challenge and the server's AV pairs.
   */
  public static byte[] blob(long filetime, byte[] clientChallenge, byte[] targetInfo) {
    byte[] head = new byte[28];
    head[0] = 1;
    head[1] = 1;
    for (int i = 0; i < 8; i++) {
      head[8 + i] = (byte) (filetime >>> (8 * i));
    }
    System.arraycopy(clientChallenge, 0, head, 16, 8);
    return concat(concat(head, targetInfo), new byte[4]);
  }

  /** The AV pairs inside an NTLMv2 response's blob, for the record; empty when it has none. */
  public static TargetInfo blobTargetInfo(byte[] ntResponse) throws NtlmMessageException {
    int start = PROOF_LENGTH + 28;
    if (ntResponse.length < start) {
      throw new NtlmMessageException("NTLMv2 response too short (" + ntResponse.length + " bytes)");
    }
    return TargetInfo.decode(Arrays.copyOfRange(ntResponse, start, ntResponse.length));
  }

  static byte[] hmacMd5(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacMD5 is part of every JDK", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
