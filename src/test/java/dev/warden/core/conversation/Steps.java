package dev.warden.core.conversation;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.auth.header.AuthParam;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.Header;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Exchanges as the engine records them, for the linking's unit tests (the end-to-end tests use a
 * real Warden instead). Times are milliseconds after {@link #T0}.
 */
final class Steps {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String URL = "http://origin.test/page";
  static final Challenge BASIC = Challenge.withParams("Basic", AuthParam.quoted("realm", "Corp"));

  private Steps() {}

  static Exchange challenge(long id, long conn, String client, long atMillis) {
    return challenge(
        id, conn, client, atMillis, ChallengeReason.MISSING, ReceivedCredentials.NONE, false);
  }

  static Exchange challenge(
      long id,
      long conn,
      String client,
      long atMillis,
      ChallengeReason reason,
      ReceivedCredentials received,
      boolean close) {
    String user = received instanceof ReceivedCredentials.SchemeAndUser s ? s.user() : "";
    return new Exchange(
        id,
        conn,
        client,
        T0.plusMillis(atMillis),
        Duration.ofMillis(1),
        Duration.ofMillis(1),
        "GET",
        URL,
        "HTTP/1.1",
        List.of(),
        close ? List.of(new Header("Connection", "close")) : List.of(),
        BodyPreview.EMPTY,
        BodyPreview.EMPTY,
        407,
        new AuthOutcome.Challenged(reason, "", "Corp", received.scheme(), user),
        null,
        List.of(BASIC),
        received);
  }

  static Exchange wrong(long id, long conn, String client, long atMillis, String user) {
    return challenge(
        id,
        conn,
        client,
        atMillis,
        ChallengeReason.WRONG_PASSWORD,
        new ReceivedCredentials.SchemeAndUser("Basic", user),
        false);
  }

  static Exchange accepted(long id, long conn, String client, long atMillis, String user) {
    return accepted(id, conn, client, atMillis, user, URL);
  }

  static Exchange accepted(
      long id, long conn, String client, long atMillis, String user, String url) {
    return new Exchange(
        id,
        conn,
        client,
        T0.plusMillis(atMillis),
        Duration.ofMillis(1),
        Duration.ofMillis(1),
        "GET",
        url,
        "HTTP/1.1",
        List.of(),
        List.of(),
        BodyPreview.EMPTY,
        BodyPreview.EMPTY,
        200,
        new AuthOutcome.Authenticated("Basic", user, "Corp"),
        null,
        List.of(),
        new ReceivedCredentials.SchemeAndUser("Basic", user));
  }

  static Exchange plain(long id, long conn, String client, long atMillis) {
    return new Exchange(
        id,
        conn,
        client,
        T0.plusMillis(atMillis),
        Duration.ofMillis(1),
        Duration.ofMillis(1),
        "GET",
        URL,
        "HTTP/1.1",
        List.of(),
        List.of(),
        BodyPreview.EMPTY,
        BodyPreview.EMPTY,
        200,
        new AuthOutcome.NotRequired(),
        null);
  }
}
