package dev.warden.core.auth;

import dev.warden.core.auth.header.AuthHeaderParser;
import dev.warden.core.auth.header.AuthParam;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.auth.header.Credentials;
import dev.warden.core.auth.header.ParseResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A two-round challenge-response scheme for tests, shaped like NTLM: the client names itself
 * ({@code Knock base64("hello:" user)}), Warden answers 407 with a random server token on the same
 * connection ({@code Knock base64(token)}), and the client proves its password with
 * {@code Knock base64("proof:" hex(HMAC-SHA256(key, token)))}, the key being the user's SHA-256 H(A1)
 * as hex. The token lives in the connection's {@link ConnectionAuth} only, so the proof counts on
 * that connection alone.
 */
final class KnockScheme implements AuthScheme {

  static final String NAME = "Knock";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Every connection state this scheme was handed, so a test can watch it be dropped. */
  final List<ConnectionAuth> seen = new CopyOnWriteArrayList<>();

  /** What round 1 left on the connection for round 2. */
  record Pending(String realm, String user, byte[] token) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Challenge> challenges(ProtectionSpace space, boolean stale) {
    return List.of(Challenge.withParams(NAME, AuthParam.quoted("realm", space.name())));
  }

  @Override
  public CompletableFuture<SchemeVerdict> judge(
      AuthRequest request, String credentials, ProtectionSpace space) {
    return CompletableFuture.completedFuture(verdict(request.connection(), credentials, space));
  }

  private SchemeVerdict verdict(
      ConnectionAuth connection, String credentials, ProtectionSpace space) {
    seen.add(connection);
    ParseResult<Credentials> parsed = AuthHeaderParser.parseCredentials(NAME + " " + credentials);
    if (!(parsed instanceof ParseResult.Parsed<Credentials> ok) || !ok.value().hasToken68()) {
      return new SchemeVerdict.Rejected(
          ChallengeReason.MALFORMED, "a Knock message is a token", "", NAME + " ***");
    }
    String message;
    try {
      message =
          new String(Base64.getDecoder().decode(ok.value().token68()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new SchemeVerdict.Rejected(ChallengeReason.MALFORMED, "not base64", "", NAME + " ***");
    }
    if (message.startsWith("hello:")) {
      String user = message.substring("hello:".length());
      if (space.account(user) == null) {
        return new SchemeVerdict.Rejected(
            ChallengeReason.UNKNOWN_USER, "", user, NAME + " " + user);
      }
      byte[] token = new byte[16];
      RANDOM.nextBytes(token);
      connection.put(NAME, new Pending(space.name(), user, token));
      return new SchemeVerdict.Continue(
          Challenge.withToken68(NAME, Base64.getEncoder().encodeToString(token)),
          user,
          NAME + " " + user,
          "server token sent");
    }
    if (message.startsWith("proof:")) {
      Optional<Pending> pending = connection.take(NAME, Pending.class);
      if (pending.isEmpty() || !pending.get().realm().equals(space.name())) {
        return new SchemeVerdict.Rejected(
            ChallengeReason.HANDSHAKE_FAILED,
            "no server token sent on this connection",
            "",
            NAME + " ***");
      }
      String user = pending.get().user();
      Account account = space.account(user);
      if (account == null || !account.digest().covers(space.name(), "SHA-256")) {
        return new SchemeVerdict.Rejected(
            ChallengeReason.UNKNOWN_USER, "", user, NAME + " " + user);
      }
      byte[] expected = proof(
              account.digest().ha1().get("SHA-256"), pending.get().token())
          .getBytes(StandardCharsets.US_ASCII);
      byte[] given = message.substring("proof:".length()).getBytes(StandardCharsets.US_ASCII);
      if (!MessageDigest.isEqual(expected, given)) {
        return new SchemeVerdict.Rejected(
            ChallengeReason.BAD_RESPONSE, "", user, NAME + " " + user);
      }
      return account.enabled()
          ? new SchemeVerdict.Accepted(user, NAME + " " + user)
          : new SchemeVerdict.Rejected(ChallengeReason.DISABLED_USER, "", user, NAME + " " + user);
    }
    return new SchemeVerdict.Rejected(
        ChallengeReason.MALFORMED, "unknown Knock message", "", NAME + " ***");
  }

  /** hex(HMAC-SHA256(key, token)): what the client sends in round 2. */
  static String proof(String keyHex, byte[] token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keyHex.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(token));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String claimedUser(String credentials) {
    return "";
  }

  @Override
  public String redact(String credentials) {
    return NAME + " ***";
  }
}
