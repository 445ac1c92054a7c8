package dev.warden.core.auth.ntlm;

import java.nio.charset.StandardCharsets;

/**
 * An NTLM AUTHENTICATE_MESSAGE, "Type 3" (MS-NLMP §2.2.1.3): the client's responses to the server
 * challenge, with its domain, user and workstation. The responses prove the password: never record
 * or show them. Immutable.
 */
public record AuthenticateMessage(
    int flags,
    byte[] lmResponse,
    byte[] ntResponse,
    String domain,
    String user,
    String workstation,
    byte[] encryptedSessionKey) {

  /** An NTLMv1 response (and NTLM2 session response) is 24 bytes; NTLMv2 is longer. */
  public static final int V1_RESPONSE_LENGTH = 24;
  /** NTProofStr (16) and the fixed part of the blob (28) before its AV pairs. */
  public static final int MIN_V2_RESPONSE_LENGTH = 16 + 28;

  public AuthenticateMessage {
    lmResponse = lmResponse.clone();
    ntResponse = ntResponse.clone();
    encryptedSessionKey = encryptedSessionKey.clone();
  }

  @Override
  public byte[] lmResponse() {
    return lmResponse.clone();
  }

  @Override
  public byte[] ntResponse() {
    return ntResponse.clone();
  }

  @Override
  public byte[] encryptedSessionKey() {
    return encryptedSessionKey.clone();
  }

  /** Which response the client sent, by its length. */
  public ResponseKind kind() {
    if (ntResponse.length > V1_RESPONSE_LENGTH) {
      return ResponseKind.NTLM_V2;
    }
    if (ntResponse.length == V1_RESPONSE_LENGTH) {
      return ResponseKind.NTLM_V1;
    }
    if (lmResponse.length > 0) {
      return ResponseKind.LM_ONLY;
    }
    return ResponseKind.ANONYMOUS;
  }

  /** The NTLM response kinds a Type 3 can carry. */
  public enum ResponseKind {
    NTLM_V2("NTLMv2"),
    NTLM_V1("NTLMv1 (24-byte response)"),
    LM_ONLY("LM only"),
    ANONYMOUS("anonymous (no response)");

    private final String label;

    ResponseKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static AuthenticateMessage decode(byte[] bytes) throws NtlmMessageException {
    MessageBytes message = MessageBytes.of(bytes, 3, 64);
    int flags = message.int32(60);
    boolean unicode = (flags & NtlmFlags.UNICODE) != 0;
    return new AuthenticateMessage(
        flags,
        message.buffer(12, "the LM response"),
        message.buffer(20, "the NT response"),
        MessageBytes.text(message.buffer(28, "the domain"), unicode),
        MessageBytes.text(message.buffer(36, "the user name"), unicode),
        MessageBytes.text(message.buffer(44, "the workstation"), unicode),
        message.buffer(52, "the session key"));
  }

  /** This message as a client sends it (tests play the client with it), 64-byte header, no MIC. */
  public byte[] encode() {
    return encode(64);
  }

  /**
   * This message as Windows sends it: an 88-byte header with the Version (64..72) and a zeroed MIC
   * field (72..88) for {@link MessageIntegrity#withMic} to fill.
   */
  public byte[] encodeWithMicField() {
    byte[] out = encode(MessageIntegrity.OFFSET + MessageIntegrity.LENGTH);
    System.arraycopy(ChallengeMessage.windowsVersion(), 0, out, 64, 8);
    return out;
  }

  private byte[] encode(int headerLength) {
    boolean unicode = (flags & NtlmFlags.UNICODE) != 0;
    byte[] d = domain.getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    byte[] u = user.getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    byte[] w =
        workstation.getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    return new MessageBytes.Writer(
            headerLength,
            lmResponse.length
                + ntResponse.length
                + d.length
                + u.length
                + w.length
                + encryptedSessionKey.length)
        .bytes(0, MessageBytes.SIGNATURE)
        .int32(8, 3)
        .buffer(28, d)
        .buffer(36, u)
        .buffer(44, w)
        .buffer(12, lmResponse)
        .buffer(20, ntResponse)
        .buffer(52, encryptedSessionKey)
        .int32(60, flags)
        .done();
  }
}
