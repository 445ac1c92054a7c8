package dev.warden.core.conversation;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.traffic.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a conversation keeps of one of its exchanges: the auth facts and timing, not the bodies, so a
 * conversation never holds body bytes the traffic log has released or dropped. Immutable; any thread.
 *
 * @param exchangeId the exchange's id in the traffic log
 * @param ended when the response was sent to the end ({@code started + duration})
 * @param closedAfter whether Warden's response said {@code Connection: close}
 * @param userAgent the request's User-Agent, or empty
 */
public record ConversationStep(
    long exchangeId,
    long connectionId,
    String client,
    Instant started,
    Instant ended,
    String method,
    String url,
    int status,
    AuthOutcome auth,
    ReceivedCredentials received,
    List<Challenge> challenges,
    boolean closedAfter,
    String userAgent) {

  public ConversationStep {
    Objects.requireNonNull(client);
    Objects.requireNonNull(started);
    Objects.requireNonNull(ended);
    Objects.requireNonNull(method);
    Objects.requireNonNull(url);
    Objects.requireNonNull(auth);
    Objects.requireNonNull(received);
    challenges = List.copyOf(challenges);
    Objects.requireNonNull(userAgent);
  }

  /** The step of {@code e}. */
  public static ConversationStep of(Exchange e) {
    return new ConversationStep(
        e.id(),
        e.connectionId(),
        e.client(),
        e.started(),
        e.started().plus(e.duration()),
        e.method(),
        e.url(),
        e.status(),
        e.auth(),
        e.received(),
        e.challenges(),
        e.responseHeader("Connection")
            .map(v -> v.toLowerCase(Locale.ROOT).contains("close"))
            .orElse(false),
        e.requestHeader("User-Agent").orElse(""));
  }

  /** Warden answered 407 (or refused by auth with 403/429/503 while a challenge was due). */
  public boolean challenged() {
    return auth instanceof AuthOutcome.Challenged;
  }

  /** The client sent a Proxy-Authorization field. */
  public boolean sentCredentials() {
    return !(received instanceof ReceivedCredentials.None);
  }

  /** The client's address without its port: what stays the same across its connections. */
  public String clientHost() {
    return hostOf(client);
  }

  static String hostOf(String client) {
    int colon = client.lastIndexOf(':');
    return colon < 0 ? client : client.substring(0, colon);
  }

  /** Time from the end of {@code before}'s response to this request, never negative. */
  public Duration after(ConversationStep before) {
    Duration gap = Duration.between(before.ended, started);
    return gap.isNegative() ? Duration.ZERO : gap;
  }

  /** The user the client named: the authenticated one, else the one read from its credentials. */
  public String user() {
    if (auth instanceof AuthOutcome.Authenticated a) {
      return a.user();
    }
    if (received instanceof ReceivedCredentials.DigestParams d) {
      return d.userhash() ? "" : d.username();
    }
    if (received instanceof ReceivedCredentials.SchemeAndUser s && !s.user().isEmpty()) {
      return s.user();
    }
    return auth instanceof AuthOutcome.Challenged c ? c.user() : "";
  }

  /**
   * How the client answered: the scheme, with the algorithm for Digest ({@code Digest SHA-256};
   * MD5 when none was named), e.g. {@code Basic}; empty when it sent no credentials.
   */
  public String answeredWith() {
    if (received instanceof ReceivedCredentials.DigestParams d) {
      return "Digest " + (d.algorithm().isEmpty() ? "MD5" : d.algorithm());
    }
    return received.scheme();
  }
}
