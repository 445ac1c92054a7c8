package dev.warden.core.auth.ntlm;

/**
 * An NTLM NEGOTIATE_MESSAGE, "Type 1" (MS-NLMP §2.2.1.1): what the client offers. Domain and
 * workstation are OEM text and often absent. Immutable.
 */
public record NegotiateMessage(int flags, String domain, String workstation) {

  public NegotiateMessage {
    domain = domain == null ? "" : domain;
    workstation = workstation == null ? "" : workstation;
  }

  /** Reads a Type 1 message; older clients send it without the domain and workstation buffers. */
  public static NegotiateMessage decode(byte[] bytes) throws NtlmMessageException {
    MessageBytes message = MessageBytes.of(bytes, 1, 16);
    int flags = message.int32(12);
    if (message.length() < 32) {
      return new NegotiateMessage(flags, "", "");
    }
    String domain = (flags & NtlmFlags.OEM_DOMAIN_SUPPLIED) == 0
        ? ""
        : MessageBytes.text(message.buffer(16, "the domain"), false);
    String workstation = (flags & NtlmFlags.OEM_WORKSTATION_SUPPLIED) == 0
        ? ""
        : MessageBytes.text(message.buffer(24, "the workstation"), false);
    return new NegotiateMessage(flags, domain, workstation);
  }

  /** This message as a client sends it (tests, and Warden's own client checks). */
  public byte[] encode() {
    byte[] domainBytes = domain.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] workstationBytes = workstation.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    return new MessageBytes.Writer(32, domainBytes.length + workstationBytes.length)
        .bytes(0, MessageBytes.SIGNATURE)
        .int32(8, 1)
        .int32(12, flags)
        .buffer(16, domainBytes)
        .buffer(24, workstationBytes)
        .done();
  }
}
