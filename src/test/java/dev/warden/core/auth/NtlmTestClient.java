package dev.warden.core.auth;

import dev.warden.core.auth.ntlm.AuthenticateMessage;
import dev.warden.core.auth.ntlm.ChallengeMessage;
import dev.warden.core.auth.ntlm.MessageIntegrity;
import dev.warden.core.auth.ntlm.NegotiateMessage;
import dev.warden.core.auth.ntlm.NtlmFlags;
import dev.warden.core.auth.ntlm.NtlmV1;
import dev.warden.core.auth.ntlm.NtlmV2;
import dev.warden.core.auth.ntlm.TargetInfo;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

/**
 * The client side of NTLM for raw-socket tests: a Type 1 as Windows sends it, and a Type 3 answering
 * a Type 2 with NTLMv2 (computations checked against MS-NLMP in {@code NtlmSpecVectorsTest}), with
 * or without a MIC, or with NTLMv1 or LM.
 */
final class NtlmTestClient {

  static final int TYPE1_FLAGS = NtlmFlags.UNICODE
      | NtlmFlags.OEM
      | NtlmFlags.REQUEST_TARGET
      | NtlmFlags.NTLM
      | NtlmFlags.ALWAYS_SIGN
      | NtlmFlags.EXTENDED_SESSIONSECURITY
      | NtlmFlags.NEGOTIATE_128
      | NtlmFlags.NEGOTIATE_56;
  private static final SecureRandom RANDOM = new SecureRandom();

  private NtlmTestClient() {}

  static byte[] type1() {
    return new NegotiateMessage(TYPE1_FLAGS, "", "").encode();
  }

  static String type1Base64() {
    return Base64.getEncoder().encodeToString(type1());
  }

  /** An NTLMv2 Type 3 for {@code user} in {@code domain} answering the Type 2 {@code type2}. */
  static byte[] type3(byte[] type2, String domain, String user, String password) throws Exception {
    ChallengeMessage challenge = ChallengeMessage.decode(type2);
    byte[] clientChallenge = new byte[8];
    RANDOM.nextBytes(clientChallenge);
    byte[] key = NtlmV2.ntowfv2(NtlmV2.ntHash(password.toCharArray()), user, domain);
    long filetime = System.currentTimeMillis() * 10_000L + 116_444_736_000_000_000L;
    byte[] blob = NtlmV2.blob(filetime, clientChallenge, challenge.targetInfo().encode());
    byte[] proof = NtlmV2.ntProof(key, challenge.serverChallenge(), blob);
    byte[] nt = Arrays.copyOf(proof, proof.length + blob.length);
    System.arraycopy(blob, 0, nt, proof.length, blob.length);
    return new AuthenticateMessage(
            NtlmFlags.UNICODE | NtlmFlags.NTLM | NtlmFlags.EXTENDED_SESSIONSECURITY,
            NtlmV2.lmv2(key, challenge.serverChallenge(), clientChallenge),
            nt,
            domain,
            user,
            "DESK-7",
            new byte[0])
        .encode();
  }

  /** A Type 3 carrying 24-byte LM and NT responses, as an NTLMv1 client sends. */
  static byte[] type3V1(String user) {
    byte[] response = new byte[24];
    RANDOM.nextBytes(response);
    return new AuthenticateMessage(
            NtlmFlags.UNICODE | NtlmFlags.NTLM, response, response, "", user, "DESK-7", new byte[0])
        .encode();
  }

  /**
   * An NTLMv2 Type 3 as Windows sends it: MsvAvFlags announcing a MIC in the blob, LMv2 zeros (the
   * Type 2 has a timestamp), KEY_EXCH with a random session key, the Version and the MIC; {@code
   * tamper} flips one bit of the MIC after it is computed.
   */
  static byte[] type3WithMic(
      byte[] type1, byte[] type2, String user, String password, boolean tamper) throws Exception {
    ChallengeMessage challenge = ChallengeMessage.decode(type2);
    byte[] clientChallenge = new byte[8];
    RANDOM.nextBytes(clientChallenge);
    byte[] key = NtlmV2.ntowfv2(NtlmV2.ntHash(password.toCharArray()), user, "LAB");
    long filetime = System.currentTimeMillis() * 10_000L + 116_444_736_000_000_000L;
    TargetInfo pairs = new TargetInfo(Stream.concat(
            challenge.targetInfo().pairs().stream(),
            Stream.of(new TargetInfo.Pair(
                TargetInfo.FLAGS, new byte[] {MessageIntegrity.AV_FLAG_MIC, 0, 0, 0})))
        .toList());
    byte[] blob = NtlmV2.blob(filetime, clientChallenge, pairs.encode());
    byte[] proof = NtlmV2.ntProof(key, challenge.serverChallenge(), blob);
    byte[] nt = Arrays.copyOf(proof, proof.length + blob.length);
    System.arraycopy(blob, 0, nt, proof.length, blob.length);
    byte[] randomSessionKey = new byte[16];
    RANDOM.nextBytes(randomSessionKey);
    byte[] sessionBaseKey = NtlmV2.sessionBaseKey(key, proof);
    int flags = NtlmFlags.UNICODE
        | NtlmFlags.NTLM
        | NtlmFlags.EXTENDED_SESSIONSECURITY
        | NtlmFlags.KEY_EXCH
        | NtlmFlags.VERSION
        | NtlmFlags.NEGOTIATE_128;
    byte[] unsigned = new AuthenticateMessage(
            flags,
            new byte[24],
            nt,
            "LAB",
            user,
            "DESK-7",
            MessageIntegrity.encryptSessionKey(sessionBaseKey, randomSessionKey))
        .encodeWithMicField();
    byte[] signed = MessageIntegrity.withMic(randomSessionKey, type1, type2, unsigned);
    if (tamper) {
      signed[MessageIntegrity.OFFSET + 3] ^= 0x10;
    }
    return signed;
  }

  /**
   * A real NTLMv1 Type 3 (MS-NLMP §3.3.1) answering {@code type2}: with {@code session}, the NTLM2
   * session response (extended session security, client challenge in the LM field); else the plain
   * NTLMv1 response, beside 24 random bytes standing for the LM response Warden cannot check.
   */
  static byte[] type3V1(byte[] type2, String user, String password, boolean session)
      throws Exception {
    byte[] serverChallenge = ChallengeMessage.decode(type2).serverChallenge();
    byte[] ntHash = NtlmV2.ntHash(password.toCharArray());
    if (session) {
      byte[] clientChallenge = new byte[8];
      RANDOM.nextBytes(clientChallenge);
      return new AuthenticateMessage(
              NtlmFlags.UNICODE | NtlmFlags.NTLM | NtlmFlags.EXTENDED_SESSIONSECURITY,
              NtlmV1.sessionLmField(clientChallenge),
              NtlmV1.sessionResponse(ntHash, serverChallenge, clientChallenge),
              "",
              user,
              "DESK-7",
              new byte[0])
          .encode();
    }
    byte[] lm = new byte[24];
    RANDOM.nextBytes(lm);
    return new AuthenticateMessage(
            NtlmFlags.UNICODE | NtlmFlags.NTLM,
            lm,
            NtlmV1.response(ntHash, serverChallenge),
            "",
            user,
            "DESK-7",
            new byte[0])
        .encode();
  }

  /** A Type 3 with only a 24-byte LM response, as a LAN Manager client sends. */
  static byte[] type3LmOnly(String user) {
    byte[] lm = new byte[24];
    RANDOM.nextBytes(lm);
    return new AuthenticateMessage(
            NtlmFlags.UNICODE | NtlmFlags.NTLM, lm, new byte[0], "", user, "DESK-7", new byte[0])
        .encode();
  }

  /** The Type 2 inside {@code NTLM <base64>}. */
  static byte[] type2Of(String proxyAuthenticate, String scheme) {
    return Base64.getDecoder().decode(proxyAuthenticate.substring(scheme.length() + 1));
  }
}
