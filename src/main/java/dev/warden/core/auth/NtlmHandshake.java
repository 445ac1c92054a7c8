package dev.warden.core.auth;

import dev.warden.core.auth.ntlm.AuthenticateMessage;
import dev.warden.core.auth.ntlm.ChallengeMessage;
import dev.warden.core.auth.ntlm.NegotiateMessage;
import dev.warden.core.auth.ntlm.NtlmFlags;
import dev.warden.core.auth.ntlm.NtlmMessageException;
import dev.warden.core.auth.ntlm.TargetInfo;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server side of an NTLMv2 handshake on one connection, shared by {@link NtlmScheme} and
 * {@link NegotiateScheme} (which differ in how messages travel): a Type 1 is answered with a Type 2
 * (random 8-byte server challenge, extended session security, a TargetInfo list) kept in the
 * connection's {@link ConnectionAuth}; a Type 3 on that connection is verified from the user's stored
 * NT hash (NTOWFv2 and NTProofStr, constant-time compare). On success the connection is logged in
 * ({@link ConnectionLogin}): its later requests pass without credentials until the settings change.
 *
 * <p>NTLMv1 and LM-only answers are refused with {@link ChallengeReason#NTLM_VERSION_REFUSED};
 * the realm's fault knob {@code legacyNtlm} lets NTLMv1 and the NTLM2 session response be verified
 * instead (LM stays refused: Warden keeps no LM hash). A MIC the client announces is verified, and
 * so is a non-zero LMv2 response ({@link NtlmProof} says how each is judged).
 *
 * <p>Thread-safe and non-blocking (a handful of fast hashes); runs on network threads.
 */
final class NtlmHandshake {

  /** NetBIOS and DNS names Warden gives itself in the Type 2. */
  static final String DOMAIN = "WARDEN";

  static final String COMPUTER = "WARDEN-PROXY";
  static final String DNS_DOMAIN = "warden.test";
  static final String DNS_COMPUTER = "proxy.warden.test";

  private static final SecureRandom RANDOM = new SecureRandom();
  /** What Warden always sets in its Type 2; what the client asked for of {@link #ECHOED} is added. */
  private static final int BASE_FLAGS = NtlmFlags.REQUEST_TARGET
      | NtlmFlags.NTLM
      | NtlmFlags.ALWAYS_SIGN
      | NtlmFlags.TARGET_TYPE_DOMAIN
      | NtlmFlags.EXTENDED_SESSIONSECURITY
      | NtlmFlags.TARGET_INFO
      | NtlmFlags.VERSION;

  private static final int ECHOED = NtlmFlags.NEGOTIATE_128
      | NtlmFlags.NEGOTIATE_56
      | NtlmFlags.KEY_EXCH
      | NtlmFlags.SIGN
      | NtlmFlags.SEAL;

  /** A Type 1 longer than this is refused: real ones are 32 to 60 bytes; it is kept for the MIC. */
  static final int MAX_TYPE1_BYTES = 1024;

  /**
   * What a Type 1 left on the connection for the Type 3: the server challenge, and the exact bytes
   * of the Type 1 (at most {@link #MAX_TYPE1_BYTES}) and of the Type 2 (Warden's own, a few hundred
   * bytes) that the Type 3's MIC covers.
   */
  record Pending(ProtectionSpace space, byte[] serverChallenge, byte[] type1, byte[] type2) {}

  private final String scheme;
  private final Clock clock;
  private final boolean extendedSessionSecurity;

  NtlmHandshake(String scheme, Clock clock) {
    this(scheme, clock, true);
  }

  /**
   * @param extendedSessionSecurity whether the Type 2 offers it; without it curl answers with NTLMv1
   *     (refused), as against an old Windows proxy: for a fault knob, and the test that shows it
   */
  NtlmHandshake(String scheme, Clock clock, boolean extendedSessionSecurity) {
    this.scheme = scheme;
    this.clock = clock;
    this.extendedSessionSecurity = extendedSessionSecurity;
  }

  /**
   * Judges one NTLM message that arrived on {@code request}'s connection.
   *
   * @param wrapping "SPNEGO" when it came inside a SPNEGO token, else empty (for the record)
   * @param challengeToken how a Type 2 travels back: its bytes to the challenge of this scheme
   */
  SchemeVerdict judge(
      AuthRequest request,
      byte[] message,
      String wrapping,
      ProtectionSpace space,
      Function<byte[], dev.warden.core.auth.header.Challenge> challengeToken) {
    int type = message.length >= 12 ? (message[8] & 0xff) : -1;
    try {
      if (type == 1) {
        if (message.length > MAX_TYPE1_BYTES) {
          return malformed(
              "a Type 1 of " + message.length + " bytes; real ones are far below "
                  + MAX_TYPE1_BYTES,
              wrapping);
        }
        return negotiate(
            request.connection(),
            message,
            NegotiateMessage.decode(message),
            wrapping,
            space,
            challengeToken);
      }
      if (type == 3) {
        return authenticate(
            request.connection(), message, AuthenticateMessage.decode(message), wrapping, space);
      }
      return malformed(
          "an NTLM message of Type " + (type < 0 ? "?" : type) + " is not one a client sends",
          wrapping);
    } catch (NtlmMessageException e) {
      return malformed(e.getMessage(), wrapping);
    }
  }

  private SchemeVerdict negotiate(
      ConnectionAuth connection,
      byte[] type1Bytes,
      NegotiateMessage type1,
      String wrapping,
      ProtectionSpace space,
      Function<byte[], dev.warden.core.auth.header.Challenge> challengeToken) {
    byte[] serverChallenge = new byte[8];
    RANDOM.nextBytes(serverChallenge);
    boolean unicode =
        (type1.flags() & NtlmFlags.UNICODE) != 0 || (type1.flags() & NtlmFlags.OEM) == 0;
    int flags =
        BASE_FLAGS | (type1.flags() & ECHOED) | (unicode ? NtlmFlags.UNICODE : NtlmFlags.OEM);
    if (!extendedSessionSecurity) {
      flags &= ~NtlmFlags.EXTENDED_SESSIONSECURITY;
    }
    TargetInfo info = new TargetInfo(List.of(
        TargetInfo.text(TargetInfo.NB_DOMAIN_NAME, DOMAIN),
        TargetInfo.text(TargetInfo.NB_COMPUTER_NAME, COMPUTER),
        TargetInfo.text(TargetInfo.DNS_DOMAIN_NAME, DNS_DOMAIN),
        TargetInfo.text(TargetInfo.DNS_COMPUTER_NAME, DNS_COMPUTER),
        TargetInfo.timestamp(clock.instant())));
    ChallengeMessage type2 = new ChallengeMessage(
        flags, serverChallenge, DOMAIN, info, ChallengeMessage.windowsVersion());
    byte[] type2Bytes = type2.encode();
    connection.put(scheme, new Pending(space, serverChallenge, type1Bytes, type2Bytes));
    ReceivedCredentials.NtlmParams record = new ReceivedCredentials.NtlmParams(
        scheme,
        "Type 1 (NEGOTIATE)",
        NtlmFlags.names(type1.flags()),
        type1.domain(),
        "",
        type1.workstation(),
        "",
        List.of(),
        NtlmFlags.names(flags),
        info.describe(),
        wrapping);
    return new SchemeVerdict.Continue(
        challengeToken.apply(type2Bytes),
        "",
        scheme + " (Type 1)",
        "Type 2 sent: server challenge " + HexFormat.of().formatHex(serverChallenge),
        record);
  }

  private SchemeVerdict authenticate(
      ConnectionAuth connection,
      byte[] message,
      AuthenticateMessage type3,
      String wrapping,
      ProtectionSpace space) {
    String user = type3.user();
    String shown = type3.domain().isEmpty() ? user : type3.domain() + "\\" + user;
    String redacted = scheme + " " + shown;
    boolean legacy = space.faults().legacyNtlm();
    NtlmType3Record record = new NtlmType3Record(scheme, type3, wrapping);
    Optional<Pending> pending = connection.take(scheme, Pending.class);
    if (pending.isEmpty()) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.HANDSHAKE_FAILED,
          "no Type 2 was sent on this connection: a Type 3 counts only on the connection of its Type 1",
          user,
          redacted,
          false,
          record.with(""));
    }
    if (pending.get().space() != space) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.HANDSHAKE_FAILED,
          "the settings or the realm changed between the Type 2 and the Type 3",
          user,
          redacted,
          false,
          record.with(""));
    }
    String refusedKind = refusedKind(type3, legacy);
    if (refusedKind != null) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.NTLM_VERSION_REFUSED,
          refusedKind,
          user,
          redacted,
          false,
          record.with(""));
    }
    if (type3.kind() == AuthenticateMessage.ResponseKind.NTLM_V2
        && type3.ntResponse().length < AuthenticateMessage.MIN_V2_RESPONSE_LENGTH) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.MALFORMED,
          "NTLMv2 response too short",
          user,
          redacted,
          false,
          record.with(""));
    }
    Account account = NtlmAccounts.named(space, user);
    if (account == null) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.UNKNOWN_USER, "", user, redacted, false, record.with(""));
    }
    byte[] ntHash = NtlmAccounts.ntHash(account.digest());
    if (ntHash == null) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.NO_NT_HASH, "", account.name(), redacted, false, record.with(""));
    }
    NtlmProof.Result proof = type3.kind() == AuthenticateMessage.ResponseKind.NTLM_V2
        ? NtlmProof.v2(ntHash, type3, message, pending.get())
        : NtlmProof.v1(ntHash, type3, pending.get().serverChallenge());
    if (proof.refusal() != null) {
      return new SchemeVerdict.Rejected(
          proof.refusal(),
          proof.detail(),
          account.name(),
          redacted,
          false,
          record.with(proof.note()));
    }
    if (!account.enabled()) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.DISABLED_USER,
          "",
          account.name(),
          redacted,
          false,
          record.with(proof.note()));
    }
    connection.put(ConnectionLogin.KEY, new ConnectionLogin(space, scheme, account.name()));
    return new SchemeVerdict.Accepted(
        account.name(), redacted, List.of(), "", record.with(proof.note()));
  }

  /**
   * Why a Type 3's kind of response is refused before any hash is computed, or null when it is
   * checked: NTLMv2 always, NTLMv1 (and the NTLM2 session response) when the realm's fault knob
   * {@code legacyNtlm} allows it; LM never, as Warden keeps no LM hash to check it with.
   */
  private static String refusedKind(AuthenticateMessage type3, boolean legacy) {
    return switch (type3.kind()) {
      case NTLM_V2 -> null;
      case NTLM_V1 ->
        legacy
            ? null
            : type3.kind().label() + "; Warden accepts NTLMv2 only (the fault knob"
                + " legacyNtlm=true allows NTLMv1)";
      case LM_ONLY ->
        legacy
            ? "LM only: LM needs the LM hash, which Warden never stores"
            : "LM only; Warden accepts NTLMv2 only";
      case ANONYMOUS ->
        type3.kind().label() + "; Warden accepts NTLMv2" + (legacy ? " or NTLMv1" : " only");
    };
  }

  private SchemeVerdict malformed(String detail, String wrapping) {
    return new SchemeVerdict.Rejected(
        ChallengeReason.MALFORMED,
        detail,
        "",
        scheme + " ***",
        false,
        new ReceivedCredentials.NtlmParams(
            scheme,
            "unreadable: " + detail,
            List.of(),
            "",
            "",
            "",
            "",
            List.of(),
            List.of(),
            List.of(),
            wrapping));
  }

  /** The user name a Type 3 carries, read without checking anything; empty for any other message. */
  static String claimedUser(byte[] message) {
    if (message.length < 12 || message[8] != 3) {
      return "";
    }
    try {
      return AuthenticateMessage.decode(message).user();
    } catch (NtlmMessageException e) {
      return "";
    }
  }

  /** The redacted form of a message: scheme and, for a Type 3, domain\\user. */
  String redact(byte[] message) {
    if (message.length >= 12 && message[8] == 3) {
      try {
        AuthenticateMessage type3 = AuthenticateMessage.decode(message);
        return scheme + " " + (type3.domain().isEmpty() ? "" : type3.domain() + "\\")
            + type3.user();
      } catch (NtlmMessageException e) {
        return scheme + " ***";
      }
    }
    return message.length >= 12 && message[8] == 1 ? scheme + " (Type 1)" : scheme + " ***";
  }
}
