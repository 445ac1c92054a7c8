package dev.warden.core.engine;

import dev.warden.core.settings.Limits;
import dev.warden.core.target.Endpoint;
import dev.warden.core.target.RequestTarget;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Locale;

/**
 * What {@link HeadReader} checks of a request head before it is judged: framing LittleProxy would
 * forward wrongly, a target it cannot use, and a destination that is this proxy itself. Each check
 * returns the {@link Failure} to answer with, or null when the request may go on. Stateless; runs on
 * the client event loop.
 */
final class HeadCheck {

  /** A request the stage answers itself and then closes the connection. */
  record Failure(int code, String reason, String why) {}

  private HeadCheck() {}

  /**
   * Unreadable heads, HTTP versions other than 1.0/1.1, and transfer codings RFC 9112 refuses; a
   * head over a size limit is named with the limit in force.
   */
  static Failure framing(HttpRequest head, Limits limits) {
    if (head.decoderResult().isFailure()) {
      Throwable cause = head.decoderResult().cause();
      if (cause instanceof TooLongHttpLineException) {
        return new Failure(
            414,
            "URI Too Long",
            "request line over " + bytes(limits.requestLine()) + " (request line limit)");
      }
      if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
        return new Failure(
            431,
            "Request Header Fields Too Large",
            "header block over " + bytes(limits.headerBlock()) + " (header block limit)");
      }
      return new Failure(
          400,
          "Bad Request",
          "unreadable request head (" + (cause == null ? "malformed" : cause.getMessage()) + ")");
    }
    HttpVersion version = head.protocolVersion();
    if (version.majorVersion() != 1 || version.minorVersion() > 1) {
      return new Failure(
          505, "HTTP Version Not Supported", "HTTP version " + version.text() + " not supported");
    }
    List<String> codings = head.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
    if (codings.isEmpty()) {
      return null;
    }
    if (head.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      return new Failure(400, "Bad Request", "Transfer-Encoding together with Content-Length");
    }
    String joined =
        String.join(",", codings).toLowerCase(Locale.ROOT).replace(" ", "").replace("\t", "");
    return joined.equals("chunked")
        ? null
        : new Failure(501, "Not Implemented", "transfer coding '" + joined + "' not supported");
  }

  /** {@code 8 KiB}, or bytes when not a whole number of KiB. */
  static String bytes(int n) {
    return n % 1024 == 0 ? n / 1024 + " KiB" : n + " bytes";
  }

  /** A target that names no destination Warden forwards to, or one that is Warden itself. */
  static Failure target(RequestTarget target, HttpRequest head, SocketAddress local) {
    if (target instanceof RequestTarget.Refused refused) {
      return new Failure(400, "Bad Request", refused.reason());
    }
    if (target instanceof RequestTarget.ToProxy) {
      return new Failure(
          400,
          "Bad Request",
          "a request to the proxy itself: send an absolute URL (or CONNECT) to go through it");
    }
    Endpoint endpoint = target.destination().orElseThrow();
    return loops(endpoint, head, local)
        ? new Failure(
            508, "Loop Detected", "the destination " + endpoint.authority() + " is this proxy")
        : null;
  }

  /**
   * Whether the destination is this proxy itself: its own port on a loopback or local address, or
   * a request that already passed through it (its own Via). Forwarding it would loop until a
   * resource ran out.
   */
  private static boolean loops(Endpoint endpoint, HttpRequest head, SocketAddress localAddress) {
    for (String via : head.headers().getAll(HttpHeaderNames.VIA)) {
      if (via.contains(ProxyEngine.ALIAS)) {
        return true;
      }
    }
    if (!(localAddress instanceof InetSocketAddress local) || endpoint.port() != local.getPort()) {
      return false;
    }
    String host = endpoint.host().text();
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    return endpoint
        .host()
        .address()
        .map(address -> address.isLoopbackAddress()
            || address.equals(local.getAddress())
            || local.getAddress().isAnyLocalAddress() && isLocal(address))
        .orElse(false);
  }

  /** Asked only for Warden's own port while it listens on a wildcard address: a rare, cheap lookup. */
  private static boolean isLocal(InetAddress address) {
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException unknown) {
      return false;
    }
  }
}
