package dev.warden.core.engine;

import dev.warden.core.auth.AuthDecision;
import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ResponseField;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;

/**
 * The responses Warden writes itself: the 407 (and 403/429/503) of its enforcement, and the errors of
 * its own stage (400, 501, 505, 503 for too many connections). Each is a normal framed response
 * (Content-Length, a short HTML body, Content-Type, Date; no body for HEAD), as RFC 9110 §15.5.8 and
 * clients that reuse the connection need.
 *
 * <p>The 407 body never says why the credentials were refused: "unknown user" versus "wrong
 * password" would let anyone enumerate users. The reason goes to the traffic log only.
 */
final class StageResponse {

  // the pages of every refusal but a refused port, made once: a 407 is Warden's most frequent
  // answer
  private static final byte[] PAGE_403 = page(
      "403 Forbidden",
      "This proxy (Warden) understood the credentials but does not let this user through.");
  private static final byte[] PAGE_407 = page(
      "407 Proxy Authentication Required",
      "This proxy (Warden) needs valid credentials for the realm it named in the Proxy-Authenticate header.");
  private static final byte[] PAGE_429 = page(
      "429 Too Many Requests",
      "This proxy (Warden) refuses this client or user for a while after too many failed logins; try again later.");
  private static final byte[] PAGE_503 = page(
      "503 Service Unavailable",
      "This proxy (Warden) is busy checking passwords; try again shortly.");

  // Names in their customary case (Netty's constants are lower case): legal either way, but a tool
  // for testing clients should look on the wire like the proxies those clients meet. As cached
  // AsciiStrings, Netty validates them as bytes and encodes them with one copy, not char by char.
  private static final AsciiString CACHE_CONTROL = AsciiString.cached("Cache-Control");
  private static final AsciiString CONNECTION = AsciiString.cached("Connection");
  private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
  private static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
  private static final AsciiString DATE = AsciiString.cached("Date");
  private static final AsciiString PROXY_AUTHENTICATE = AsciiString.cached("Proxy-Authenticate");
  private static final AsciiString RETRY_AFTER = AsciiString.cached("Retry-After");
  private static final AsciiString TEXT_HTML = AsciiString.cached("text/html; charset=utf-8");

  private StageResponse() {}

  /**
   * The answer to a refused request: its status, one {@code Proxy-Authenticate} field per
   * challenge in order, kept alive unless the client asked to close or {@code closeAfterChallenge}.
   */
  static FullHttpResponse refusal(
      HttpRequest request, AuthDecision decision, boolean closeAfterChallenge) {
    int code = decision.status();
    String title = switch (code) {
      case 403 -> "403 Forbidden";
      case 429 -> "429 Too Many Requests";
      case 503 -> "503 Service Unavailable";
      default -> "407 Proxy Authentication Required";
    };
    byte[] body = decision.outcome() instanceof AuthOutcome.PortRefused port
        // numbers only: names from the settings or the request never go into this HTML
        ? page(
            title,
            "This proxy (Warden) does not open tunnels to port " + port.port()
                + "; for this destination it allows "
                + (port.allowed().isEmpty()
                    ? "none"
                    : String.join(
                        ", ", port.allowed().stream().map(String::valueOf).toList()))
                + ".")
        : switch (code) {
          case 403 -> PAGE_403;
          case 429 -> PAGE_429;
          case 503 -> PAGE_503;
          default -> PAGE_407;
        };
    // a handshake that continues needs this connection for its next message
    FullHttpResponse response = build(
        request,
        code,
        title,
        body,
        HttpUtil.isKeepAlive(request) && (!closeAfterChallenge || decision.continues()));
    for (String challenge : decision.challenges()) {
      // a Digest challenge is some 150 characters
      response.headers().add(PROXY_AUTHENTICATE, HeaderText.of(challenge));
    }
    for (ResponseField field : decision.fields()) {
      response.headers().add(field.name(), HeaderText.of(field.value()));
    }
    if (code == 503) {
      response.headers().set(RETRY_AFTER, "1");
    }
    return response;
  }

  /** An error of the stage itself; the connection is closed after it. */
  static FullHttpResponse error(HttpRequest request, int code, String reason, String text) {
    return error(request, code, reason, text, false);
  }

  /** An error of the stage itself, saying the connection stays open when {@code keepAlive}. */
  static FullHttpResponse error(
      HttpRequest request, int code, String reason, String text, boolean keepAlive) {
    String title = code + " " + reason;
    return build(request, code, title, page(title, text), keepAlive);
  }

  /** Warden's own short HTML page: {@code title} as title and heading, {@code text} below it. */
  static byte[] page(String title, String text) {
    return ("<!DOCTYPE html>\n<html><head><title>" + title + "</title></head>\n<body><h1>" + title
            + "</h1>\n<p>" + text + "</p></body></html>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code body} is only read: the fixed pages are shared by every response, wrapped, never copied.
   */
  private static FullHttpResponse build(
      HttpRequest request, int code, String title, byte[] body, boolean keepAlive) {
    boolean head = request != null && HttpMethod.HEAD.equals(request.method());
    String phrase = title.substring(title.indexOf(' ') + 1);
    FullHttpResponse response = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(code, phrase),
        head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    response
        .headers()
        .set(CONTENT_TYPE, TEXT_HTML)
        .set(CONTENT_LENGTH, body.length)
        .set(CACHE_CONTROL, HttpHeaderValues.NO_STORE)
        .set(DATE, DateField.nowAscii());
    boolean http10 = request != null && request.protocolVersion().equals(HttpVersion.HTTP_1_0);
    if (!keepAlive) {
      response.headers().set(CONNECTION, HttpHeaderValues.CLOSE);
    } else if (http10) {
      response.headers().set(CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    return response;
  }
}
