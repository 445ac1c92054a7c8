package dev.warden.core.auth;

import dev.warden.core.auth.header.AuthParam;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.settings.BearerToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Bearer (RFC 6750) with the realm's static tokens: {@code Proxy-Authenticate: Bearer realm="…"},
 * and {@code error="invalid_token"} added when the refused request carried a token Warden does not
 * know (§3.1). A token is found by its SHA-256, compared with every stored one in constant time; the
 * token's name is recorded as the user. Thread-safe, no state; network threads, never blocks.
 */
final class BearerScheme implements AuthScheme {

  static final String NAME = "Bearer";
  /** RFC 6750 §2.1 b64token. */
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

  private static final int MAX_TOKEN_CHARS = 8_192;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Challenge> challenges(ProtectionSpace space, boolean stale) {
    return List.of(
        Challenge.withParams(NAME, AuthParam.quoted("realm", QuotedString.quotable(space.name()))));
  }

  @Override
  public List<Challenge> challenges(ProtectionSpace space, boolean stale, ChallengeReason reason) {
    if (reason != ChallengeReason.INVALID_TOKEN) {
      return challenges(space, stale);
    }
    List<AuthParam> params = new ArrayList<>();
    params.add(AuthParam.quoted("realm", QuotedString.quotable(space.name())));
    params.add(AuthParam.quoted("error", "invalid_token"));
    params.add(
        AuthParam.quoted("error_description", "The access token is not one this proxy knows"));
    return List.of(Challenge.withParams(NAME, params));
  }

  @Override
  public CompletableFuture<SchemeVerdict> judge(
      AuthRequest request, String credentials, ProtectionSpace space) {
    String token = credentials.strip();
    if (token.length() > MAX_TOKEN_CHARS || !B64TOKEN.matcher(token).matches()) {
      return CompletableFuture.completedFuture(new SchemeVerdict.Rejected(
          ChallengeReason.INVALID_TOKEN,
          "not a b64token (RFC 6750 §2.1)",
          "",
          NAME + " ***",
          false,
          new ReceivedCredentials.SchemeAndUser(NAME, "")));
    }
    byte[] given = BearerToken.hashOf(token.toCharArray()).getBytes(StandardCharsets.US_ASCII);
    BearerToken found = null;
    for (BearerToken stored : space.tokens()) {
      // every stored token is compared, so the time does not tell which one came close
      if (MessageDigest.isEqual(given, stored.hash().getBytes(StandardCharsets.US_ASCII))
          && found == null) {
        found = stored;
      }
    }
    if (found == null) {
      return CompletableFuture.completedFuture(new SchemeVerdict.Rejected(
          ChallengeReason.INVALID_TOKEN,
          "",
          "",
          NAME + " ***",
          false,
          new ReceivedCredentials.SchemeAndUser(NAME, "")));
    }
    return CompletableFuture.completedFuture(new SchemeVerdict.Accepted(
        found.name(),
        NAME + " " + found.name() + " (token ***)",
        List.of(),
        "",
        new ReceivedCredentials.SchemeAndUser(NAME, found.name())));
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
