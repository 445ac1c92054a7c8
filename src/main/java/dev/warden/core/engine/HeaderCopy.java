package dev.warden.core.engine;

import dev.warden.core.traffic.Header;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Copies Netty headers into immutable {@link Header} lists, redacting credentials on the way. */
final class HeaderCopy {

  private HeaderCopy() {}

  /**
   * The headers in order, with every Proxy-Authorization value replaced by {@code redacted} (scheme
   * and user name only): the secret never leaves the network thread.
   */
  static List<Header> redacted(HttpHeaders headers, String redacted) {
    List<Header> out = new ArrayList<>(headers.size());
    for (Map.Entry<String, String> field : headers) {
      String name = field.getKey();
      String value = field.getValue();
      if (HttpHeaderNames.PROXY_AUTHORIZATION.contentEqualsIgnoreCase(name)) {
        value = redacted.isEmpty() ? schemeOnly(value) : redacted;
      } else if (HttpHeaderNames.AUTHORIZATION.contentEqualsIgnoreCase(name)) {
        value = schemeOnly(value);
      }
      out.add(new Header(name, value));
    }
    return out;
  }

  /**
   * The origin's credentials pass through untouched, but the traffic view keeps only their scheme:
   * Warden never shows a password, whoever it belongs to.
   */
  private static String schemeOnly(String value) {
    String trimmed = value.strip();
    int space = trimmed.indexOf(' ');
    return (space < 0 ? trimmed : trimmed.substring(0, space)) + " ***";
  }

  static List<Header> of(HttpHeaders headers) {
    List<Header> out = new ArrayList<>(headers.size());
    for (Map.Entry<String, String> field : headers) {
      out.add(new Header(field.getKey(), field.getValue()));
    }
    return out;
  }
}
