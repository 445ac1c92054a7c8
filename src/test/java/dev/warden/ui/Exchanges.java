package dev.warden.ui;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.auth.header.AuthHeaderWriter;
import dev.warden.core.auth.header.AuthParam;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeError;
import dev.warden.core.traffic.Header;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Hand-made exchanges for view model tests (the window tests use real traffic). */
public final class Exchanges {

  private Exchanges() {}

  public static Exchange ok(long id, String url, String user) {
    return of(
        id,
        url,
        200,
        new AuthOutcome.Authenticated("Basic", user, "Warden"),
        null,
        List.of(new Header("Proxy-Authorization", "Basic " + user + ":***")),
        List.of(),
        List.of(),
        new ReceivedCredentials.SchemeAndUser("Basic", user));
  }

  public static Exchange open(long id, String url) {
    return of(
        id,
        url,
        200,
        new AuthOutcome.NotRequired(),
        null,
        List.of(),
        List.of(),
        List.of(),
        ReceivedCredentials.NONE);
  }

  public static Exchange challenged(
      long id, String url, ChallengeReason reason, String user, String realm) {
    Challenge basic = Challenge.withParams(
        "Basic", AuthParam.quoted("realm", realm), AuthParam.quoted("charset", "UTF-8"));
    return of(
        id,
        url,
        407,
        new AuthOutcome.Challenged(reason, "", realm, user.isEmpty() ? "" : "Basic", user),
        null,
        user.isEmpty()
            ? List.of()
            : List.of(new Header("Proxy-Authorization", "Basic " + user + ":***")),
        List.of(new Header("Proxy-Authenticate", AuthHeaderWriter.write(basic))),
        List.of(basic),
        user.isEmpty()
            ? ReceivedCredentials.NONE
            : new ReceivedCredentials.SchemeAndUser("Basic", user));
  }

  /** A Digest answer refused, recorded as the core records it: parameters parsed, response left out. */
  public static Exchange challengedDigest(
      long id,
      String url,
      ChallengeReason reason,
      String user,
      String realm,
      ReceivedCredentials.DigestParams received) {
    Challenge digest = Challenge.withParams(
        "Digest",
        AuthParam.quoted("realm", realm),
        AuthParam.quoted("qop", "auth"),
        AuthParam.of("algorithm", "SHA-256"));
    return of(
        id,
        url,
        407,
        new AuthOutcome.Challenged(reason, "", realm, "Digest", user),
        null,
        List.of(
            new Header("Proxy-Authorization", "Digest username=\"" + user + "\", response=***")),
        List.of(new Header("Proxy-Authenticate", AuthHeaderWriter.write(digest))),
        List.of(digest),
        received);
  }

  /** One leg of an NTLM handshake with what Warden decoded of its message. */
  public static Exchange ntlm(
      long id, String url, int status, AuthOutcome auth, ReceivedCredentials.NtlmParams received) {
    return of(
        id,
        url,
        status,
        auth,
        null,
        List.of(new Header("Proxy-Authorization", "NTLM (Type 1)")),
        List.of(),
        List.of(),
        received);
  }

  /** A CONNECT to a port the realm does not list, refused with 403 after alice authenticated. */
  public static Exchange portRefused(long id, String authority, int port) {
    return of(
        id,
        authority,
        403,
        new AuthOutcome.PortRefused("Corp", port, List.of(443, 8443), "alice"),
        null,
        List.of(new Header("Proxy-Authorization", "Basic alice:***")),
        List.of(),
        List.of(),
        new ReceivedCredentials.SchemeAndUser("Basic", "alice"));
  }

  public static Exchange failed(long id, String url) {
    return failed(
        id, url, new ExchangeError(ExchangeError.Kind.CONNECT_FAILED, "connection refused"));
  }

  /** A 502 Warden sent for {@code error}, enforcement off. */
  public static Exchange failed(long id, String url, ExchangeError error) {
    return of(
        id,
        url,
        502,
        new AuthOutcome.NotRequired(),
        error,
        List.of(),
        List.of(),
        List.of(),
        ReceivedCredentials.NONE);
  }

  private static Exchange of(
      long id,
      String url,
      int status,
      AuthOutcome auth,
      ExchangeError error,
      List<Header> request,
      List<Header> response,
      List<Challenge> challenges,
      ReceivedCredentials received) {
    byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
    return new Exchange(
        id,
        id,
        "127.0.0.1:50000",
        Instant.now(),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        "GET",
        url,
        "HTTP/1.1",
        request,
        response,
        BodyPreview.EMPTY,
        new BodyPreview(body, body.length),
        status,
        auth,
        error,
        challenges,
        received);
  }
}
