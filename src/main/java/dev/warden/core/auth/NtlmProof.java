package dev.warden.core.auth;

import dev.warden.core.auth.ntlm.AuthenticateMessage;
import dev.warden.core.auth.ntlm.MessageIntegrity;
import dev.warden.core.auth.ntlm.NtlmFlags;
import dev.warden.core.auth.ntlm.NtlmMessageException;
import dev.warden.core.auth.ntlm.NtlmV1;
import dev.warden.core.auth.ntlm.NtlmV2;
import dev.warden.core.auth.ntlm.TargetInfo;
import java.util.Arrays;

/**
 * Checks the proof in a Type 3 against the user's NT hash, once {@link NtlmHandshake} has found the
 * connection's Type 2 and the account.
 *
 * <p>NTLMv2: the NTProofStr. Then the LMv2 response: zeros are what MS-NLMP §3.3.2 tells a client to
 * send when the Type 2 carries MsvAvTimestamp (Warden's does; Windows does so); a non-zero one (curl,
 * Java) is computed and the record says whether it matched. A wrong LMv2 beside a right NTLMv2 is not
 * refused, as a Windows server does not (§3.2.5.1.2 looks at the LM response only when the NT one
 * fails); a right LMv2 beside a wrong NTLMv2 is refused, as it covers no blob, so no timestamp and
 * no MIC. Then the MIC when MsvAvFlags announces one: HMAC-MD5 with the ExportedSessionKey over the
 * three messages; a wrong one is refused ("message integrity code does not match").
 *
 * <p>NTLMv1 (only reached when the realm's {@code legacyNtlm} knob allows it): DESL of the NT hash
 * over the server challenge, or, when the Type 3 negotiates extended session security and its LM
 * field is a client challenge followed by 16 zeros, over MD5(server ‖ client challenge)[0..8] (the
 * NTLM2 session response). The LM response beside a plain NTLMv1 one is not checked (it needs the LM
 * hash). Pure functions; any thread; never blocks.
 */
final class NtlmProof {

  /**
   * The outcome: {@code refusal} null when the proof holds.
   *
   * @param note what was checked, for the record's response line
   */
  record Result(ChallengeReason refusal, String detail, String note) {

    static Result passed(String note) {
      return new Result(null, "", note);
    }
  }

  private static final int LMV2_LENGTH = 24;

  private NtlmProof() {}

  /** Checks an NTLMv2 Type 3 ({@code message} its exact bytes) answering {@code pending}'s Type 2. */
  static Result v2(
      byte[] ntHash, AuthenticateMessage type3, byte[] message, NtlmHandshake.Pending pending) {
    byte[] key = NtlmV2.ntowfv2(ntHash, type3.user(), type3.domain());
    byte[] nt = type3.ntResponse();
    byte[] lm = type3.lmResponse();
    if (!NtlmV2.verifies(key, pending.serverChallenge(), nt)) {
      if (lm.length == LMV2_LENGTH
          && !isZero(lm)
          && lmv2Matches(key, pending.serverChallenge(), lm)) {
        return new Result(
            ChallengeReason.WRONG_PASSWORD,
            "the NTLMv2 response does not match; its LMv2 response"
                + " does, which Warden does not take alone (it covers no blob: no timestamp, no MIC)",
            "");
      }
      return new Result(ChallengeReason.WRONG_PASSWORD, "", "");
    }
    String lmNote;
    if (lm.length != LMV2_LENGTH) {
      lmNote = "no LMv2 response";
    } else if (isZero(lm)) {
      lmNote = "LMv2 zeros (as MS-NLMP §3.3.2 asks when the Type 2 has a timestamp)";
    } else if (lmv2Matches(key, pending.serverChallenge(), lm)) {
      lmNote = "LMv2 verified";
    } else {
      lmNote =
          "LMv2 does not match (not refused: a Windows server checks it only when NTLMv2 fails)";
    }
    TargetInfo pairs;
    try {
      pairs = NtlmV2.blobTargetInfo(nt);
    } catch (NtlmMessageException e) {
      return Result.passed(lmNote + "; no MIC announced (blob unreadable)");
    }
    if (!MessageIntegrity.announced(pairs)) {
      return Result.passed(lmNote + "; no MIC announced");
    }
    if (!MessageIntegrity.hasRoom(message)) {
      return new Result(
          ChallengeReason.HANDSHAKE_FAILED,
          "a MIC is announced but the message has no room for it at offset 72",
          lmNote);
    }
    byte[] proof = Arrays.copyOf(nt, NtlmV2.PROOF_LENGTH);
    byte[] exported = MessageIntegrity.exportedSessionKey(
        NtlmV2.sessionBaseKey(key, proof), type3.flags(), type3.encryptedSessionKey());
    if (!MessageIntegrity.verifies(exported, pending.type1(), pending.type2(), message)) {
      return new Result(
          ChallengeReason.HANDSHAKE_FAILED, "message integrity code does not match", lmNote);
    }
    return Result.passed(lmNote + "; MIC verified");
  }

  /** Checks an NTLMv1 or NTLM2 session response to {@code serverChallenge}. */
  static Result v1(byte[] ntHash, AuthenticateMessage type3, byte[] serverChallenge) {
    boolean session = isSessionResponse(type3);
    byte[] expected = session
        ? NtlmV1.sessionResponse(ntHash, serverChallenge, Arrays.copyOf(type3.lmResponse(), 8))
        : NtlmV1.response(ntHash, serverChallenge);
    if (!NtlmV1.matches(expected, type3.ntResponse())) {
      return new Result(ChallengeReason.WRONG_PASSWORD, "", "");
    }
    return Result.passed(
        (session ? "NTLM2 session response verified" : "NTLMv1 verified (LM response not checked)")
            + " under the fault knob legacyNtlm=true");
  }

  /** Whether a 24-byte response is the NTLM2 session response: ESS negotiated, LM field = client challenge ‖ Z(16). */
  static boolean isSessionResponse(AuthenticateMessage type3) {
    return (type3.flags() & NtlmFlags.EXTENDED_SESSIONSECURITY) != 0
        && NtlmV1.isSessionLmField(type3.lmResponse());
  }

  private static boolean lmv2Matches(byte[] key, byte[] serverChallenge, byte[] lm) {
    byte[] expected = NtlmV2.lmv2(key, serverChallenge, Arrays.copyOfRange(lm, 16, 24));
    return NtlmV1.matches(expected, lm);
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
