package dev.warden.core.replay;

import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.auth.digest.DigestCalculation;
import dev.warden.core.auth.digest.DigestInput;
import dev.warden.core.auth.header.AuthHeaderParser;
import dev.warden.core.auth.header.AuthHeaderWriter;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.auth.header.ParseResult;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Proxy-Authorization value a resent request answers with: Basic, or Digest to a challenge (qop
 * auth or none, any algorithm Warden offers). Pure except for the random cnonce; any thread. The
 * values it returns hold a secret: they go on the wire and nowhere else.
 */
final class ProxyAnswer {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ProxyAnswer() {}

  /** {@code Basic base64(user:password)} in UTF-8, as Warden's challenge asks. */
  static String basic(String user, char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] name = (user + ":").getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[name.length + encoded.remaining()];
    System.arraycopy(name, 0, both, 0, name.length);
    encoded.get(both, name.length, both.length - name.length);
    try {
      return "Basic " + Base64.getEncoder().encodeToString(both);
    } finally {
      Arrays.fill(both, (byte) 0);
    }
  }

  /** The first Digest challenge among the Proxy-Authenticate values whose algorithm is known. */
  static Optional<Challenge> digestChallenge(List<String> proxyAuthenticate) {
    if (proxyAuthenticate.isEmpty()
        || !(AuthHeaderParser.parseChallenges(proxyAuthenticate)
            instanceof ParseResult.Parsed<List<Challenge>> p)) {
      return Optional.empty();
    }
    return p.value().stream()
        .filter(c -> c.scheme().equalsIgnoreCase("Digest"))
        .filter(c ->
            DigestAlgorithm.fromToken(c.firstValue("algorithm").orElse("MD5")).isPresent())
        .findFirst();
  }

  /** Digest credentials answering {@code challenge} for {@code method} on {@code uri}. */
  static String digest(
      Challenge challenge, String user, char[] password, String method, String uri) {
    DigestAlgorithm algorithm = DigestAlgorithm.fromToken(
            challenge.firstValue("algorithm").orElse("MD5"))
        .orElseThrow();
    String realm = challenge.firstValue("realm").orElse("");
    String nonce = challenge.firstValue("nonce").orElse("");
    boolean qopAuth = challenge
        .firstValue("qop")
        .map(q -> List.of(q.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("auth"))
        .orElse(false);
    String cnonce = HexFormat.of().formatHex(random());
    String nc = "00000001";
    String ha1 = DigestCalculation.ha1(algorithm, user, realm, password);
    if (algorithm.isSession()) {
      ha1 = DigestCalculation.sessionHa1(algorithm, ha1, nonce, cnonce);
    }
    DigestInput input = qopAuth
        ? DigestInput.auth(algorithm, method, uri, nonce, nc, cnonce)
        : DigestInput.withoutQop(algorithm, method, uri, nonce);
    String response = DigestCalculation.expectedResponse(ha1, input);
    StringBuilder out = new StringBuilder("Digest username=")
        .append(AuthHeaderWriter.quote(user))
        .append(", realm=")
        .append(AuthHeaderWriter.quote(realm))
        .append(", nonce=")
        .append(AuthHeaderWriter.quote(nonce))
        .append(", uri=")
        .append(AuthHeaderWriter.quote(uri))
        .append(", algorithm=")
        .append(algorithm.token());
    if (qopAuth) {
      out.append(", qop=auth, nc=")
          .append(nc)
          .append(", cnonce=")
          .append(AuthHeaderWriter.quote(cnonce));
    }
    challenge
        .firstValue("opaque")
        .ifPresent(o -> out.append(", opaque=").append(AuthHeaderWriter.quote(o)));
    return out.append(", response=").append(AuthHeaderWriter.quote(response)).toString();
  }

  private static byte[] random() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
