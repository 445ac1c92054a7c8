package dev.warden.core.auth;

import dev.warden.core.auth.ntlm.AuthenticateMessage;
import dev.warden.core.auth.ntlm.NtlmFlags;
import dev.warden.core.auth.ntlm.NtlmMessageException;
import dev.warden.core.auth.ntlm.NtlmV2;
import java.util.List;

/**
 * The decoded fields of an NTLM Type 3 for the exchange's record, completed by what the check
 * found. Immutable; any thread.
 */
final class NtlmType3Record {
  private final String scheme;
  private final AuthenticateMessage type3;
  private final String wrapping;
  private final List<String> blobInfo;

  /** @param wrapping "SPNEGO" when the message came inside a SPNEGO token, else empty */
  NtlmType3Record(String scheme, AuthenticateMessage type3, String wrapping) {
    this.scheme = scheme;
    this.type3 = type3;
    this.wrapping = wrapping;
    List<String> info = List.of();
    if (type3.kind() == AuthenticateMessage.ResponseKind.NTLM_V2) {
      try {
        info = NtlmV2.blobTargetInfo(type3.ntResponse()).describe();
      } catch (NtlmMessageException e) {
        info = List.of("(unreadable: " + e.getMessage() + ")");
      }
    }
    this.blobInfo = info;
  }

  /** The record, with {@code note} (what the check found; empty for nothing) after the response. */
  ReceivedCredentials.NtlmParams with(String note) {
    String response = switch (type3.kind()) {
      case NTLM_V2 ->
        "NTLMv2: 16-byte proof and a " + (type3.ntResponse().length - NtlmV2.PROOF_LENGTH)
            + "-byte blob; LMv2 " + type3.lmResponse().length + " bytes";
      case NTLM_V1 ->
        NtlmProof.isSessionResponse(type3)
            ? "NTLMv1 with client challenge (NTLM2 session response): 24-byte response"
            : "NTLMv1: 24-byte response" + (type3.lmResponse().length > 0 ? ", LM 24 bytes" : "");
      case LM_ONLY -> "LM only: " + type3.lmResponse().length + " bytes";
      case ANONYMOUS -> "none (anonymous)";
    };
    return new ReceivedCredentials.NtlmParams(
        scheme,
        "Type 3 (AUTHENTICATE)",
        NtlmFlags.names(type3.flags()),
        type3.domain(),
        type3.user(),
        type3.workstation(),
        note.isEmpty() ? response : response + "; " + note,
        blobInfo,
        List.of(),
        List.of(),
        wrapping);
  }
}
