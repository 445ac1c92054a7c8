package dev.warden.core.engine;

import dev.warden.core.auth.AuthDecision;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

/**
 * Builds the 407 Warden answers with: a framed response (Content-Length, a short HTML body,
 * Content-Type and Date; no body for HEAD) that keeps the connection open unless the client asked
 * to close it or the {@code closeAfterChallenge} knob is on.
 *
 * <p>The body never says why the credentials were refused: "unknown user" versus "wrong password"
 * would let anyone enumerate users. The reason goes to the traffic log only.
 */
final class ChallengeResponse {

  /**
   * A status equal to 407 but not the {@link HttpResponseStatus#PROXY_AUTHENTICATION_REQUIRED}
   * instance: LittleProxy 2.8.0 compares short-circuit statuses by identity with that constant and
   * then treats the response as a chained proxy's 407, dereferencing a server connection that a
   * fresh client connection does not have (NullPointerException, empty reply to the client).
   */
  static final HttpResponseStatus STATUS =
      new HttpResponseStatus(407, "Proxy Authentication Required");

  private static final byte[] BODY =
      ("<!DOCTYPE html>\n<html><head><title>407 Proxy Authentication Required</title></head>\n"
              + "<body><h1>407 Proxy Authentication Required</h1>\n"
              + "<p>This proxy (Warden) needs valid credentials for the realm it named in the"
              + " Proxy-Authenticate header.</p></body></html>\n")
          .getBytes(StandardCharsets.UTF_8);

  private ChallengeResponse() {}

  /**
   * The 407 for a refused request. The challenges are not in the returned headers: LittleProxy
   * strips Proxy-Authenticate from short-circuit responses as a hop-by-hop field, so they travel in
   * a {@link PendingChallenge} that {@link ChallengeRestorer} writes back on the way out.
   *
   * @param request the refused request (its method and keep-alive wish shape the answer)
   * @param closeAfterChallenge whether to close the connection after the 407 regardless
   */
  static FullHttpResponse build(HttpRequest request, boolean closeAfterChallenge) {
    boolean head = HttpMethod.HEAD.equals(request.method());
    ByteBuf content = head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(BODY);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, STATUS, content);
    // Names in their customary case (Netty's constants are lower case): legal either way, but a
    // tool for testing clients should look on the wire like the proxies those clients meet.
    response.headers()
        .set("Content-Type", "text/html; charset=utf-8")
        .set("Content-Length", BODY.length)
        .set("Cache-Control", HttpHeaderValues.NO_STORE)
        .set("Date", DateFormatter.format(new Date()));
    HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request) && !closeAfterChallenge);
    return response;
  }

  /** The challenge values as they go on the wire, one Proxy-Authenticate field each. */
  static PendingChallenge pending(FullHttpResponse response, AuthDecision decision, HttpRequest request) {
    boolean http10KeepAlive =
        request.protocolVersion().equals(HttpVersion.HTTP_1_0) && HttpUtil.isKeepAlive(response);
    return new PendingChallenge(response, List.copyOf(decision.challenges()), http10KeepAlive);
  }
}
