package dev.warden.core.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What Warden read from a request's Proxy-Authorization field, as structured values for the record
 * and the window: never the secret itself (no password, no Digest {@code response}, no token). The
 * window shows these values as they are and never parses a recorded header. Immutable; any thread.
 */
public sealed interface ReceivedCredentials {

  /** No Proxy-Authorization field was sent. */
  ReceivedCredentials NONE = new None();

  /** The scheme as the client spelled it, or empty when none was sent or it could not be read. */
  String scheme();

  /** No Proxy-Authorization field. */
  record None() implements ReceivedCredentials {
    @Override
    public String scheme() {
      return "";
    }
  }

  /**
   * Credentials whose parameters are not shown: Basic (whose only other part is the password), a
   * scheme Warden does not offer, or a field that could not be read.
   *
   * @param scheme the scheme as spelled, or empty when the field could not be read
   * @param user the user name read from it, or empty
   */
  record SchemeAndUser(String scheme, String user) implements ReceivedCredentials {
    public SchemeAndUser {
      Objects.requireNonNull(scheme);
      Objects.requireNonNull(user);
    }
  }

  /**
   * The parameters of Digest credentials, unquoted, as the client sent them; {@code response} is left
   * out (it proves the password). A parameter the client did not send is the empty string.
   *
   * @param username the {@code username} (or decoded {@code username*}) as sent: with
   *     {@code userhash=true} the hash, not the name
   * @param userhash whether {@code userhash=true} was sent
   * @param nonce the {@code nonce} as sent
   * @param nonceAge how long ago Warden issued that nonce for this realm, or null when it is not one
   *     of its nonces for this realm (forged, from another process or realm, malformed, missing)
   * @param opaquePresent whether an {@code opaque} parameter was sent
   */
  record DigestParams(
      String username,
      boolean userhash,
      String realm,
      String nonce,
      Duration nonceAge,
      String nc,
      String cnonce,
      String qop,
      String algorithm,
      String uri,
      boolean opaquePresent)
      implements ReceivedCredentials {

    public DigestParams {
      Objects.requireNonNull(username);
      Objects.requireNonNull(realm);
      Objects.requireNonNull(nonce);
      Objects.requireNonNull(nc);
      Objects.requireNonNull(cnonce);
      Objects.requireNonNull(qop);
      Objects.requireNonNull(algorithm);
      Objects.requireNonNull(uri);
    }

    @Override
    public String scheme() {
      return DigestScheme.NAME;
    }

    /** {@link #nonceAge()} when the nonce is one Warden issued for this realm. */
    public Optional<Duration> issuedNonceAge() {
      return Optional.ofNullable(nonceAge);
    }
  }

  /**
   * One NTLM message as decoded (raw or inside SPNEGO): its flags, domain, user, workstation and the
   * AV pairs its NTLMv2 blob carries; for a Type 1, also the Type 2 Warden answered with. Never a
   * response or a hash.
   *
   * @param scheme {@code NTLM} or {@code Negotiate}, as the client spelled it
   * @param message which message, e.g. "Type 1 (NEGOTIATE)", or why it could not be read
   * @param flags the message's flag names
   * @param response for a Type 3, which response it carried (e.g. "NTLMv2, 16-byte proof and a 96-byte
   *     blob"), else empty
   * @param targetInfo the AV pairs of a Type 3's NTLMv2 blob, described
   * @param sentFlags the flags of the Type 2 Warden answered a Type 1 with, else empty
   * @param sentTargetInfo the AV pairs of that Type 2, described
   * @param wrapping "SPNEGO" when the message came inside a SPNEGO token, else empty
   */
  record NtlmParams(
      String scheme,
      String message,
      java.util.List<String> flags,
      String domain,
      String user,
      String workstation,
      String response,
      java.util.List<String> targetInfo,
      java.util.List<String> sentFlags,
      java.util.List<String> sentTargetInfo,
      String wrapping)
      implements ReceivedCredentials {

    public NtlmParams {
      Objects.requireNonNull(scheme);
      Objects.requireNonNull(message);
      flags = java.util.List.copyOf(flags);
      Objects.requireNonNull(domain);
      Objects.requireNonNull(user);
      Objects.requireNonNull(workstation);
      Objects.requireNonNull(response);
      targetInfo = java.util.List.copyOf(targetInfo);
      sentFlags = java.util.List.copyOf(sentFlags);
      sentTargetInfo = java.util.List.copyOf(sentTargetInfo);
      Objects.requireNonNull(wrapping);
    }
  }
}
