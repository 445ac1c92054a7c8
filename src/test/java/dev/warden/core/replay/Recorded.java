package dev.warden.core.replay;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.Header;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Exchanges as Warden records them, for the copy texts' unit tests. */
final class Recorded {

  private Recorded() {}

  static Exchange exchange(
      String method,
      String url,
      List<Header> headers,
      byte[] body,
      AuthOutcome auth,
      ReceivedCredentials received) {
    return new Exchange(
        1,
        1,
        "127.0.0.1:50000",
        Instant.EPOCH,
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        method,
        url,
        "HTTP/1.1",
        headers,
        List.of(),
        new BodyPreview(body, body.length),
        BodyPreview.EMPTY,
        200,
        auth,
        null,
        List.of(),
        received);
  }

  static Exchange get(String url, List<Header> headers) {
    return exchange(
        "GET", url, headers, new byte[0], new AuthOutcome.NotRequired(), ReceivedCredentials.NONE);
  }

  static Exchange asAlice(String method, String url, String scheme, List<Header> headers) {
    return exchange(
        method,
        url,
        headers,
        new byte[0],
        new AuthOutcome.Authenticated(scheme, "alice", "Lab"),
        new ReceivedCredentials.SchemeAndUser(scheme, "alice"));
  }
}
