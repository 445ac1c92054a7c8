package dev.warden.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One HTTP response exactly as it came off a socket. */
public record RawResponse(String statusLine, List<String[]> headers, byte[] body) {

  public int status() {
    return Integer.parseInt(statusLine.split(" ")[1]);
  }

  public String header(String name) {
    List<String> all = headers(name);
    return all.isEmpty() ? null : all.get(0);
  }

  public List<String> headers(String name) {
    List<String> out = new ArrayList<>();
    for (String[] h : headers) {
      if (h[0].equalsIgnoreCase(name)) {
        out.add(h[1]);
      }
    }
    return out;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean closesConnection() {
    String connection = header("Connection");
    return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
  }
}
