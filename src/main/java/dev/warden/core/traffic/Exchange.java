package dev.warden.core.traffic;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.auth.header.Challenge;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request and what became of it: forwarded, challenged with 407, or failed. Immutable, so it can
 * cross from the network threads to any reader. A recorded {@code Proxy-Authorization} value holds
 * the scheme and user name only, never the secret.
 *
 * @param id the position in the traffic log + 1, assigned by {@link TrafficLog#record}: unique,
 *     increasing in the order exchanges were recorded
 * @param connectionId the client connection it arrived on (equal ids: the same socket)
 * @param client the client's address, {@code ip:port}
 * @param started when the request head arrived
 * @param timeToFirstByte from {@code started} to the first response byte sent, or null if none was
 * @param duration from {@code started} to the end of the response
 * @param method request method
 * @param url absolute URL, or {@code host:port} for CONNECT
 * @param protocol request protocol version, e.g. {@code HTTP/1.1}
 * @param requestHeaders as received (Proxy-Authorization redacted)
 * @param responseHeaders as sent to the client
 * @param requestBody capped prefix and total size of the request body
 * @param responseBody capped prefix and total size of the response body
 * @param status status sent to the client, 0 when none was sent
 * @param auth what the 407 enforcement decided
 * @param error why the destination gave no answer, or null
 * @param challenges the challenges Warden sent, one Proxy-Authenticate field each, as structured
 *     values (empty when none was sent)
 * @param received what Warden read from the Proxy-Authorization field, never the secret
 * @param faults the realm's fault knobs that shaped this exchange, {@code knob=value} each (empty
 *     when none did)
 */
public record Exchange(
    long id,
    long connectionId,
    String client,
    Instant started,
    Duration timeToFirstByte,
    Duration duration,
    String method,
    String url,
    String protocol,
    List<Header> requestHeaders,
    List<Header> responseHeaders,
    BodyPreview requestBody,
    BodyPreview responseBody,
    int status,
    AuthOutcome auth,
    ExchangeError error,
    List<Challenge> challenges,
    ReceivedCredentials received,
    List<String> faults) {

  public Exchange {
    Objects.requireNonNull(client);
    Objects.requireNonNull(started);
    Objects.requireNonNull(duration);
    Objects.requireNonNull(method);
    Objects.requireNonNull(url);
    Objects.requireNonNull(protocol);
    requestHeaders = List.copyOf(requestHeaders);
    responseHeaders = List.copyOf(responseHeaders);
    Objects.requireNonNull(requestBody);
    Objects.requireNonNull(responseBody);
    Objects.requireNonNull(auth);
    challenges = List.copyOf(challenges);
    Objects.requireNonNull(received);
    faults = List.copyOf(faults);
  }

  /** An exchange no fault knob shaped. */
  public Exchange(
      long id,
      long connectionId,
      String client,
      Instant started,
      Duration timeToFirstByte,
      Duration duration,
      String method,
      String url,
      String protocol,
      List<Header> requestHeaders,
      List<Header> responseHeaders,
      BodyPreview requestBody,
      BodyPreview responseBody,
      int status,
      AuthOutcome auth,
      ExchangeError error,
      List<Challenge> challenges,
      ReceivedCredentials received) {
    this(
        id,
        connectionId,
        client,
        started,
        timeToFirstByte,
        duration,
        method,
        url,
        protocol,
        requestHeaders,
        responseHeaders,
        requestBody,
        responseBody,
        status,
        auth,
        error,
        challenges,
        received,
        List.of());
  }

  /** Whether a fault knob shaped this exchange. */
  public boolean isFaulted() {
    return !faults.isEmpty();
  }

  /** An exchange whose auth parameters were not recorded (no challenge, nothing read). */
  public Exchange(
      long id,
      long connectionId,
      String client,
      Instant started,
      Duration timeToFirstByte,
      Duration duration,
      String method,
      String url,
      String protocol,
      List<Header> requestHeaders,
      List<Header> responseHeaders,
      BodyPreview requestBody,
      BodyPreview responseBody,
      int status,
      AuthOutcome auth,
      ExchangeError error) {
    this(
        id,
        connectionId,
        client,
        started,
        timeToFirstByte,
        duration,
        method,
        url,
        protocol,
        requestHeaders,
        responseHeaders,
        requestBody,
        responseBody,
        status,
        auth,
        error,
        List.of(),
        ReceivedCredentials.NONE);
  }

  /** Bytes of body kept in memory: the request and response previews' kept sizes. */
  public long keptBodyBytes() {
    return (long) requestBody.keptSize() + responseBody.keptSize();
  }

  /**
   * This exchange without its kept body bytes (previews {@link BodyPreview#droppedForMemory()}), as
   * the traffic log keeps it once its body budget is reached; itself if it keeps none.
   */
  public Exchange withBodiesReleased() {
    if (keptBodyBytes() == 0) {
      return this;
    }
    return new Exchange(
        id,
        connectionId,
        client,
        started,
        timeToFirstByte,
        duration,
        method,
        url,
        protocol,
        requestHeaders,
        responseHeaders,
        requestBody.releasedForMemory(),
        responseBody.releasedForMemory(),
        status,
        auth,
        error,
        challenges,
        received,
        faults);
  }

  public boolean isConnect() {
    return "CONNECT".equals(method);
  }

  public boolean isChallenge() {
    return status == 407;
  }

  public boolean isError() {
    return error != null || status >= 500;
  }

  public Optional<ExchangeError> failure() {
    return Optional.ofNullable(error);
  }

  /** The user the request authenticated as, if it did. */
  public Optional<String> user() {
    return auth instanceof AuthOutcome.Authenticated a ? Optional.of(a.user()) : Optional.empty();
  }

  /** The realm that judged the request, if enforcement was on. */
  public Optional<String> realm() {
    if (auth instanceof AuthOutcome.Authenticated a) {
      return Optional.of(a.realm());
    }
    if (auth instanceof AuthOutcome.Challenged c) {
      return Optional.of(c.realm());
    }
    return Optional.empty();
  }

  /** Destination host (and port when not the scheme's default), e.g. {@code api.example.com:8443}. */
  public String host() {
    if (isConnect()) {
      return url;
    }
    try {
      URI uri = URI.create(url);
      String host = uri.getHost() == null ? uri.getAuthority() : uri.getHost();
      if (host == null) {
        return "";
      }
      return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    } catch (IllegalArgumentException notAUri) {
      return "";
    }
  }

  /** Path and query, e.g. {@code /search?q=x}; empty for CONNECT. */
  public String path() {
    if (isConnect()) {
      return "";
    }
    try {
      URI uri = URI.create(url);
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException notAUri) {
      return url;
    }
  }

  /** The first value of a response header, matched case-insensitively. */
  public Optional<String> responseHeader(String name) {
    return first(responseHeaders, name);
  }

  /** The first value of a request header, matched case-insensitively. */
  public Optional<String> requestHeader(String name) {
    return first(requestHeaders, name);
  }

  private static Optional<String> first(List<Header> headers, String name) {
    // a loop, not a stream: the conversation linker asks for two fields of every exchange
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return Optional.of(header.value());
      }
    }
    return Optional.empty();
  }
}
