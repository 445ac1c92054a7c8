package dev.warden.core.auth;

import dev.warden.core.auth.header.Challenge;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * NTLM proxy authentication (NTLMv2 with known passwords): {@code Proxy-Authenticate: NTLM}, then the
 * three legs on one keep-alive connection (see {@link NtlmHandshake}). Thread-safe; network threads.
 */
final class NtlmScheme implements AuthScheme {

  static final String NAME = "NTLM";
  /** A Type 3 with long names and a big blob stays far below this; anything longer is not NTLM. */
  static final int MAX_TOKEN_CHARS = 16_384;

  private final NtlmHandshake handshake;

  NtlmScheme(Clock clock) {
    this(clock, true);
  }

  /** @param extendedSessionSecurity whether its Type 2 offers it (see {@link NtlmHandshake}) */
  NtlmScheme(Clock clock, boolean extendedSessionSecurity) {
    this.handshake = new NtlmHandshake(NAME, clock, extendedSessionSecurity);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Challenge> challenges(ProtectionSpace space, boolean stale) {
    return List.of(Challenge.withParams(NAME, List.of()));
  }

  @Override
  public CompletableFuture<SchemeVerdict> judge(
      AuthRequest request, String credentials, ProtectionSpace space) {
    byte[] message = decode(credentials);
    if (message == null) {
      return CompletableFuture.completedFuture(new SchemeVerdict.Rejected(
          ChallengeReason.MALFORMED, "an NTLM message is one base64 token", "", NAME + " ***"));
    }
    return CompletableFuture.completedFuture(handshake.judge(
        request,
        message,
        "",
        space,
        type2 -> Challenge.withToken68(NAME, Base64.getEncoder().encodeToString(type2))));
  }

  /** The base64 token's bytes, or null when it is not one token of valid base64. */
  static byte[] decode(String credentials) {
    String token = credentials.strip();
    if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS || token.indexOf(' ') >= 0) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String claimedUser(String credentials) {
    byte[] message = decode(credentials);
    return message == null ? "" : NtlmHandshake.claimedUser(message);
  }

  @Override
  public String redact(String credentials) {
    byte[] message = decode(credentials);
    return message == null ? NAME + " ***" : handshake.redact(message);
  }
}
