package dev.warden.cli;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeError;
import dev.warden.core.traffic.Header;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds exchanges for tests: one authenticated GET unless told otherwise. */
final class Exchanges {

  private Exchanges() {}

  static Exchange get(long id, AuthOutcome auth, int status, ExchangeError error) {
    return new Exchange(
        id,
        1,
        "127.0.0.1:50412",
        Instant.parse("2026-11-29T10:01:02.345Z"),
        Duration.ofMillis(1),
        Duration.ofMillis(3),
        "GET",
        "http://127.0.0.1:8080/x",
        "HTTP/1.1",
        List.of(new Header("Proxy-Authorization", "Basic alice:***")),
        List.of(),
        BodyPreview.EMPTY,
        new BodyPreview(new byte[0], 1024),
        status,
        auth,
        error);
  }

  static Exchange authenticated(long id) {
    return get(id, new AuthOutcome.Authenticated("Basic", "alice", "Warden"), 200, null);
  }
}
