package dev.warden.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One capture file of docs/proxy-captures (copied under src/test/resources/dev/warden/captures): the
 * requests a real proxy was sent, byte for byte, and what it answered: status line, header fields in
 * order, framing, and what it did with the connection after each response.
 */
public record Capture(String proxy, String name, List<Step> steps) {

  /**
   * One request and its answer.
   *
   * @param request the request bytes as sent (ISO-8859-1 text)
   * @param statusLine the response's status line, or null when the request was not sent
   * @param headers the response's fields in order, {name, value} each
   * @param framing "content-length N", or "close-delimited ..."
   * @param after "still open ..." or "closed by proxy ..."
   */
  public record Step(
      String request, String statusLine, List<String[]> headers, String framing, String after) {
    public boolean sent() {
      return statusLine != null;
    }

    public boolean closeDelimited() {
      return framing.startsWith("close-delimited");
    }

    public boolean closedAfter() {
      return after.startsWith("closed");
    }
  }

  private static final Pattern RECEIVED =
      Pattern.compile("^=== response (\\d+) received .*framing: (.*)\\)$");

  /** Reads {@code captures/<proxy>/<name>.txt} from the test resources. */
  public static Capture read(String proxy, String name) throws IOException {
    String path = "/dev/warden/captures/" + proxy + "/" + name + ".txt";
    try (InputStream in = Capture.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("no capture " + path);
      }
      return parse(proxy, name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static Capture parse(String proxy, String name, String text) {
    String[] lines = text.split("\n", -1);
    List<Step> steps = new ArrayList<>();
    String request = null;
    String status = null;
    List<String[]> headers = null;
    String framing = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("=== request ") && line.contains(" sent (")) {
        StringBuilder raw = new StringBuilder();
        for (i++; i < lines.length && !lines[i].isEmpty(); i++) {
          raw.append(unescape(lines[i]));
        }
        request = raw.toString();
      } else if (line.startsWith("=== request ") && line.contains("NOT sent")) {
        steps.add(new Step("", null, List.of(), "", ""));
      } else if (RECEIVED.matcher(line).matches()) {
        Matcher m = RECEIVED.matcher(line);
        m.matches();
        framing = m.group(2);
        status = unescape(lines[++i]).strip();
        headers = new ArrayList<>();
        for (i++; i < lines.length && !lines[i].equals("\\r\\n"); i++) {
          String field = unescape(lines[i]).strip();
          int colon = field.indexOf(':');
          headers.add(new String[] {
            field.substring(0, colon), field.substring(colon + 1).strip()
          });
        }
      } else if (line.startsWith("=== after response ")) {
        steps.add(
            new Step(request, status, headers, framing, line.substring(line.indexOf(": ") + 2)));
      }
    }
    return new Capture(proxy, name, List.copyOf(steps));
  }

  /** The escapes capture.py wrote: \r \n \t \\ and \xHH. */
  static String unescape(String shown) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c != '\\' || i + 1 >= shown.length()) {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      char next = shown.charAt(++i);
      switch (next) {
        case 'r' -> out.write('\r');
        case 'n' -> out.write('\n');
        case 't' -> out.write('\t');
        case 'x' -> {
          out.write(Integer.parseInt(shown.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> out.write(next);
      }
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
