package dev.warden.core.auth;

import dev.warden.core.auth.header.Challenge;
import dev.warden.core.auth.ntlm.NtlmMessageException;
import dev.warden.core.auth.ntlm.Spnego;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Negotiate} (RFC 4559) with NTLM inside: the NTLM handshake of {@link NtlmHandshake}, its
 * messages raw or wrapped in SPNEGO (RFC 4178); a Type 2 goes back the way the Type 1 came. Kerberos
 * is <em>not</em> emulated (that takes a KDC and a keytab): a Kerberos token is refused with
 * {@link ChallengeReason#KERBEROS_NOT_EMULATED}, which says so. Thread-safe; network threads.
 */
final class NegotiateScheme implements AuthScheme {

  static final String NAME = "Negotiate";

  private final NtlmHandshake handshake;

  NegotiateScheme(Clock clock) {
    this.handshake = new NtlmHandshake(NAME, clock);
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
    return CompletableFuture.completedFuture(verdict(request, credentials, space));
  }

  private SchemeVerdict verdict(AuthRequest request, String credentials, ProtectionSpace space) {
    byte[] token = NtlmScheme.decode(credentials);
    if (token == null) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.MALFORMED, "a Negotiate token is one base64 token", "", NAME + " ***");
    }
    Spnego.Content content;
    try {
      content = Spnego.read(token);
    } catch (NtlmMessageException e) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.MALFORMED, e.getMessage(), "", NAME + " ***");
    }
    if (content instanceof Spnego.Kerberos kerberos) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.KERBEROS_NOT_EMULATED, kerberos.what(), "", NAME + " (Kerberos)");
    }
    Spnego.Ntlm ntlm = (Spnego.Ntlm) content;
    return handshake.judge(
        request,
        ntlm.message(),
        ntlm.wrapped() ? "SPNEGO" : "",
        space,
        type2 -> Challenge.withToken68(
            NAME,
            Base64.getEncoder().encodeToString(ntlm.wrapped() ? Spnego.incomplete(type2) : type2)));
  }

  @Override
  public String claimedUser(String credentials) {
    byte[] message = ntlmMessage(credentials);
    return message == null ? "" : NtlmHandshake.claimedUser(message);
  }

  @Override
  public String redact(String credentials) {
    byte[] message = ntlmMessage(credentials);
    return message == null ? NAME + " ***" : handshake.redact(message);
  }

  private static byte[] ntlmMessage(String credentials) {
    byte[] token = NtlmScheme.decode(credentials);
    if (token == null) {
      return null;
    }
    try {
      return Spnego.read(token) instanceof Spnego.Ntlm ntlm ? ntlm.message() : null;
    } catch (NtlmMessageException e) {
      return null;
    }
  }
}
