package dev.warden.core.engine;

import dev.warden.core.auth.AuthDecision;
import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ResponseField;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeError;
import dev.warden.core.traffic.Header;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One exchange while it happens: what the client sent (head, body), what Warden decided, and what
 * the client received. The record is made once both directions have ended ({@link #toExchange}),
 * so it says what really crossed the wire.
 *
 * <p>Threads: owned by the client channel's event loop ({@link WardenStage}); the few facts
 * LittleProxy reports on a server loop through {@link ExchangeFilters} are volatile.
 */
final class ExchangeDraft {

  /** The draft of the request LittleProxy is handling on a client channel, for its filters. */
  static final AttributeKey<ExchangeDraft> CURRENT = AttributeKey.valueOf("warden.exchange");

  final long connectionId;
  final String client;
  final Instant started = Instant.now();
  final long startedNanos = System.nanoTime();
  final String method;
  final String url;
  final String protocol;
  final List<Header> requestHeaders;
  final AuthDecision decision;
  final boolean connect;
  final BodyCapture requestBody;
  final BodyCapture responseBody;

  /**
   * Set on the client loop while LittleProxy handles the head: it opened a new server connection
   * (read on the server loop to decide whether the stage waits for the gate).
   */
  volatile boolean connectionStarted;

  boolean gateOpen;
  boolean requestEnded;
  boolean responseEnded;
  /** The last part of the final response has been handed to the channel (its write may be pending). */
  boolean lastPartSent;
  /** Where LittleProxy forwards it ({@code host[:port]}), for the words of a failure; "" if nowhere. */
  String destination = "";

  int status;
  List<Header> responseHeaders = List.of();
  long firstByteNanos = -1;
  long tunnelUp;
  long tunnelDown;
  /** Why the exchange ended abnormally, from the client's side, or null. */
  String abort;
  /** What Warden's stage did to the connection and why (closed a slow body, refused a framing), or null. */
  String note;

  boolean recorded;
  /** The challenges the client received, when a fault knob changed them; null: the decision's. */
  List<Challenge> sent;
  /** The fault knobs that shaped this exchange, {@code knob=value} each. */
  List<String> faults = List.of();

  volatile boolean connected;
  volatile ExchangeError error;

  ExchangeDraft(
      long connectionId,
      String client,
      String method,
      String url,
      String protocol,
      List<Header> requestHeaders,
      AuthDecision decision,
      int requestBodyLimit,
      int responseBodyLimit) {
    this.connectionId = connectionId;
    this.client = client;
    this.method = method;
    this.url = url;
    this.protocol = protocol;
    this.requestHeaders = requestHeaders;
    this.decision = decision;
    this.connect = "CONNECT".equals(method);
    this.requestBody = new BodyCapture(requestBodyLimit);
    this.responseBody = new BodyCapture(responseBodyLimit);
  }

  /**
   * An exchange without a request head, which Warden answers itself before closing: a head that did
   * not arrive in time, a connection beyond the limit. Method, URL and protocol are empty ("-" in
   * the access log); {@code why} is the outcome's reason and the record's note.
   */
  static ExchangeDraft withoutRequest(long connectionId, String client, int status, String why) {
    ExchangeDraft draft = new ExchangeDraft(
        connectionId,
        client,
        "",
        "",
        "",
        List.of(),
        new AuthDecision(new AuthOutcome.Unjudged(why), status, List.of(), List.of(), ""),
        0,
        0);
    draft.requestEnded = true;
    draft.note = why;
    return draft;
  }

  /** Warden answers this exchange itself with {@code response}: record what the client gets. */
  void answered(FullHttpResponse response) {
    status = response.status().code();
    firstByteNanos = System.nanoTime();
    responseHeaders = HeaderCopy.of(response.headers());
    responseBody.add(response.content());
  }

  /** Warden answers this exchange with a refusal shaped by the realm's fault knobs. */
  void answered(ChallengeShape.Shaped shaped) {
    answered(shaped.response());
    responseHeaders = shaped.recordedHeaders();
    sent = shaped.challenges();
    faults = shaped.applied();
  }

  /**
   * The final head of the destination's response on its way to the client: adds what the decision
   * asks for (e.g. Proxy-Authentication-Info) and, when the client asked to close, says so (RFC 9112
   * §9.6; LittleProxy stripped the client's Connection field); then records it as sent.
   */
  void forwardedHead(HttpResponse response, boolean close) {
    status = response.status().code();
    firstByteNanos = System.nanoTime();
    if (decision.allowed()) {
      for (ResponseField field : decision.fields()) {
        // Proxy-Authentication-Info runs to some 200 characters on every Digest request
        response.headers().add(field.name(), HeaderText.of(field.value()));
      }
    }
    if (close && !connect) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    responseHeaders = HeaderCopy.of(response.headers());
  }

  boolean done() {
    return requestEnded && responseEnded;
  }

  /** The record of this exchange, with the id the log gives it. */
  Exchange toExchange(long id) {
    long now = System.nanoTime();
    BodyPreview up = connect ? sized(tunnelUp) : requestBody.preview();
    BodyPreview down = connect ? sized(tunnelDown) : responseBody.preview();
    return new Exchange(
        id,
        connectionId,
        client,
        started,
        firstByteNanos < 0 ? null : Duration.ofNanos(firstByteNanos - startedNanos),
        Duration.ofNanos(now - startedNanos),
        method,
        url,
        protocol,
        requestHeaders,
        responseHeaders,
        up,
        down,
        status,
        decision.outcome(),
        failure(),
        sent == null ? decision.sent() : sent,
        decision.received(),
        faults.isEmpty() ? decision.faults().applied() : faults);
  }

  private ExchangeError failure() {
    ExchangeError known = error;
    if (known != null) {
      return known;
    }
    if (abort != null) {
      return new ExchangeError(
          status == 0 ? ExchangeError.Kind.CLIENT_ABORTED : ExchangeError.Kind.SERVER_ABORTED,
          abort);
    }
    if (note != null) {
      return new ExchangeError(ExchangeError.Kind.REFUSED_BY_PROXY, note);
    }
    if (status == 502 && decision.allowed()) {
      return connected
          ? new ExchangeError(
              ExchangeError.Kind.SERVER_ABORTED, url + ": closed without a response")
          : new ExchangeError(
              ExchangeError.Kind.CONNECT_FAILED, url + ": connection refused or unreachable");
    }
    return null;
  }

  private static BodyPreview sized(long bytes) {
    return bytes == 0 ? BodyPreview.EMPTY : new BodyPreview(new byte[0], bytes);
  }
}
