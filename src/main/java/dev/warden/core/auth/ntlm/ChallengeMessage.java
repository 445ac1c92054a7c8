package dev.warden.core.auth.ntlm;

import java.nio.charset.StandardCharsets;

/**
 * An NTLM CHALLENGE_MESSAGE, "Type 2" (MS-NLMP §2.2.1.2): Warden's flags, 8-byte server challenge,
 * target name and TargetInfo. Immutable.
 *
 * @param version the 8-byte VERSION field, written when {@link NtlmFlags#VERSION} is set
 */
public record ChallengeMessage(
    int flags, byte[] serverChallenge, String targetName, TargetInfo targetInfo, byte[] version) {

  /** Windows 6.0, build 6000, NTLMSSP revision 15: what MS-NLMP's examples carry. */
  private static final byte[] WINDOWS_VERSION = {6, 0, 0x70, 0x17, 0, 0, 0, 0x0f};

  public ChallengeMessage {
    if (serverChallenge.length != 8) {
      throw new IllegalArgumentException("the server challenge has 8 bytes");
    }
    serverChallenge = serverChallenge.clone();
    version = version.clone();
  }

  /**
   * The VERSION field Warden sends: Windows 6.0, build 6000, NTLMSSP revision 15, what MS-NLMP's
   * examples carry. A new copy each call, so no caller can change what the next one gets.
   */
  public static byte[] windowsVersion() {
    return WINDOWS_VERSION.clone();
  }

  @Override
  public byte[] serverChallenge() {
    return serverChallenge.clone();
  }

  @Override
  public byte[] version() {
    return version.clone();
  }

  /** The message as sent: header, target name (UTF-16LE), then target info. */
  public byte[] encode() {
    boolean unicode = (flags & NtlmFlags.UNICODE) != 0;
    byte[] name =
        targetName.getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    byte[] info = (flags & NtlmFlags.TARGET_INFO) != 0 ? targetInfo.encode() : new byte[0];
    MessageBytes.Writer writer = new MessageBytes.Writer(56, name.length + info.length)
        .bytes(0, MessageBytes.SIGNATURE)
        .int32(8, 2)
        .buffer(12, name)
        .int32(20, flags)
        .bytes(24, serverChallenge)
        .buffer(40, info);
    if ((flags & NtlmFlags.VERSION) != 0) {
      writer.bytes(48, version);
    }
    return writer.done();
  }

  /** Reads a Type 2 message (for tests that play the client). */
  public static ChallengeMessage decode(byte[] bytes) throws NtlmMessageException {
    MessageBytes message = MessageBytes.of(bytes, 2, 48);
    int flags = message.int32(20);
    String name =
        MessageBytes.text(message.buffer(12, "the target name"), (flags & NtlmFlags.UNICODE) != 0);
    TargetInfo info = TargetInfo.decode(message.buffer(40, "the target info"));
    byte[] version = message.length() >= 56 ? message.slice(48, 8) : new byte[8];
    return new ChallengeMessage(flags, message.slice(24, 8), name, info, version);
  }
}
