package dev.warden.core.auth;

import dev.warden.core.auth.ntlm.AuthenticateMessage;
import dev.warden.core.auth.ntlm.ChallengeMessage;
import dev.warden.core.auth.ntlm.NegotiateMessage;
import dev.warden.core.auth.ntlm.NtlmFlags;
import dev.warden.core.auth.ntlm.NtlmV2;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The client side of NTLM for raw-socket tests: a Type 1 as Windows sends it, and a Type 3 answering
 * a Type 2 with NTLMv2 (computations checked against MS-NLMP in {@code NtlmSpecVectorsTest}) or,
 * to be refused, NTLMv1-shaped.
 */
final class NtlmTestClient {

  static final int TYPE1_FLAGS = NtlmFlags.UNICODE | NtlmFlags.OEM | NtlmFlags.REQUEST_TARGET | NtlmFlags.NTLM
      | NtlmFlags.ALWAYS_SIGN | NtlmFlags.EXTENDED_SESSIONSECURITY | NtlmFlags.NEGOTIATE_128 | NtlmFlags.NEGOTIATE_56;
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
    return new AuthenticateMessage(NtlmFlags.UNICODE | NtlmFlags.NTLM | NtlmFlags.EXTENDED_SESSIONSECURITY,
        NtlmV2.lmv2(key, challenge.serverChallenge(), clientChallenge), nt, domain, user, "DESK-7",
        new byte[0]).encode();
  }

  /** A Type 3 carrying 24-byte LM and NT responses, as an NTLMv1 client sends. */
  static byte[] type3V1(String user) {
    byte[] response = new byte[24];
    RANDOM.nextBytes(response);
    return new AuthenticateMessage(NtlmFlags.UNICODE | NtlmFlags.NTLM, response, response, "", user, "DESK-7",
        new byte[0]).encode();
  }

  /** The Type 2 inside {@code NTLM <base64>}. */
  static byte[] type2Of(String proxyAuthenticate, String scheme) {
    return Base64.getDecoder().decode(proxyAuthenticate.substring(scheme.length() + 1));
  }
}
