package dev.warden.core.engine;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Where a proxied request is going, read from the request alone (no name resolution: an
 * unauthenticated request must not make Warden look anything up).
 *
 * @param host lower-case host, IPv6 without brackets; empty when the request names none
 * @param port destination port (the scheme's default when absent)
 * @param url what the traffic view shows: the absolute URL, or {@code host:port} for CONNECT
 */
record Destination(String host, int port, String url) {

  static Destination of(HttpRequest request) {
    String target = request.uri();
    if (HttpMethod.CONNECT.equals(request.method())) {
      return authority(target, 443, target);
    }
    try {
      URI uri = new URI(target);
      if (uri.getHost() != null) {
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme());
        return new Destination(stripBrackets(uri.getHost()), port, target);
      }
    } catch (Exception notAnAbsoluteUri) {
      // fall back to the Host field below, as LittleProxy does
    }
    String hostField = request.headers().get(HttpHeaderNames.HOST, "");
    Destination fromHost = authority(hostField, 80, "");
    String url = hostField.isEmpty() ? target : "http://" + hostField + target;
    return new Destination(fromHost.host(), fromHost.port(), url);
  }

  private static Destination authority(String authority, int defaultPort, String url) {
    String value = authority.strip();
    String host = value;
    int port = defaultPort;
    int colon = value.lastIndexOf(':');
    int bracket = value.lastIndexOf(']');
    if (colon > bracket && colon >= 0) {
      host = value.substring(0, colon);
      try {
        port = Integer.parseInt(value.substring(colon + 1));
      } catch (NumberFormatException badPort) {
        port = defaultPort;
      }
    }
    return new Destination(stripBrackets(host), port, url);
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  private static String stripBrackets(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return h.toLowerCase(Locale.ROOT);
  }
}
