package dev.warden.core.engine;

import dev.warden.core.settings.Limits;
import dev.warden.core.traffic.ExchangeError;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * What Warden does when the destination fails an allowed exchange, and the words the record gets:
 *
 * <ul>
 *   <li>no connection within the connect timeout, or no response head within the first-byte timeout:
 *       a 504 of Warden's own, then the connection is closed (LittleProxy still holds the request);
 *   <li>the destination closed or reset the connection before a response head: a 502 at once, and
 *       the rest of the request body is read (and recorded); then the connection is closed, unless
 *       the destination closed it cleanly and the client wants it kept (see
 *       {@link WardenStage#upstreamEnded});
 *   <li>it did so after the head was sent: nothing can complete a response framed by
 *       Content-Length or chunked, so the client connection is closed at once, which tells the
 *       client the response was cut; the record keeps the status sent and says how many body bytes
 *       got through.
 * </ul>
 *
 * An answer of its own is a {@link Answer}; stateless; any thread.
 */
final class UpstreamFault {

  /** A response Warden writes instead of the destination's, and the failure the record shows. */
  record Answer(FullHttpResponse response, ExchangeError error) {}

  private UpstreamFault() {}

  static Answer connectTimeout(ExchangeDraft draft, Limits limits, String destination) {
    String why = destination + ": no connection within " + Limits.describe(limits.connect())
        + " (upstream connect timeout)";
    return answer(
        draft,
        504,
        "Gateway Timeout",
        ExchangeError.Kind.TIMEOUT,
        why,
        "Warden could not connect to " + destination + " in time.");
  }

  static Answer firstByteTimeout(ExchangeDraft draft, Limits limits, String destination) {
    String why = destination + ": no response within " + Limits.describe(limits.firstByte())
        + " of the request (upstream first-byte timeout)";
    return answer(
        draft,
        504,
        "Gateway Timeout",
        ExchangeError.Kind.TIMEOUT,
        why,
        destination + " did not answer in time.");
  }

  /** @param keepAlive the client connection stays open after the 502 */
  static Answer closedWithoutResponse(
      ExchangeDraft draft,
      UpstreamWatch.End end,
      Limits limits,
      String destination,
      boolean keepAlive) {
    String why = destination
        + switch (end) {
          case RESET -> ": server reset the connection without a response";
          case CLOSED -> ": server closed the connection without a response";
          case STALLED ->
            ": no byte from the server for " + Limits.describe(limits.backstop())
                + " (idle backstop)";
        };
    return answer(
        draft,
        502,
        "Bad Gateway",
        ExchangeError.Kind.SERVER_ABORTED,
        why,
        destination + " closed the connection without answering.",
        keepAlive);
  }

  /** Why a response already under way was cut, e.g. "server reset after 1024 bytes". */
  static String cut(ExchangeDraft draft, UpstreamWatch.End end, Limits limits) {
    long sent = draft.responseBody.total();
    return switch (end) {
          case RESET -> "server reset after " + sent + " bytes of the response body";
          case CLOSED ->
            "server closed the connection after " + sent + " bytes of the response body";
          case STALLED ->
            "server silent for " + Limits.describe(limits.backstop()) + " (idle backstop) after "
                + sent + " bytes of the response body";
        }
        + ": client connection closed";
  }

  private static Answer answer(
      ExchangeDraft draft,
      int code,
      String reason,
      ExchangeError.Kind kind,
      String why,
      String text) {
    return answer(draft, code, reason, kind, why, text, false);
  }

  private static Answer answer(
      ExchangeDraft draft,
      int code,
      String reason,
      ExchangeError.Kind kind,
      String why,
      String text,
      boolean keepAlive) {
    return new Answer(
        StageResponse.error(request(draft), code, reason, text, keepAlive),
        new ExchangeError(kind, why));
  }

  /** Enough of the request for the response's framing: HEAD gets no body, 1.0 its own keep-alive. */
  private static HttpRequest request(ExchangeDraft draft) {
    HttpVersion version =
        "HTTP/1.0".equals(draft.protocol) ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    return new DefaultHttpRequest(version, HttpMethod.valueOf(draft.method), "/");
  }
}
