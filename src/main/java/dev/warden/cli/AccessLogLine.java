package dev.warden.cli;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.traffic.Exchange;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats one exchange as one access-log line, fields separated by single spaces:
 *
 * <pre>2026-11-29T10:01:02.345Z 127.0.0.1:50412 alice GET http://127.0.0.1:8080/x 200 authenticated 1024 3</pre>
 *
 * time the request arrived (UTC, milliseconds), client, user or {@code -}, method, URL, status (or
 * {@code -} when none was sent), authentication outcome, response body bytes, milliseconds; then, only
 * when the destination failed, {@code error="..."} (the failure's kind and detail). The user is the
 * one the client claimed, also when it was challenged, since "who got the password wrong" is what one
 * reads a log for; the outcome field says whether it was accepted. Only names and labels are written,
 * never a credential. Stateless; any thread.
 */
public final class AccessLogLine {

  private AccessLogLine() {}

  public static String of(Exchange e) {
    StringBuilder line = new StringBuilder(160);
    appendTime(e.started(), line);
    line.append(' ').append(field(e.client()));
    line.append(' ').append(field(user(e.auth())));
    line.append(' ').append(field(e.method()));
    line.append(' ').append(field(e.url()));
    line.append(' ').append(e.status() == 0 ? "-" : Integer.toString(e.status()));
    line.append(' ').append(field(e.auth().label()));
    line.append(' ').append(e.responseBody().totalSize());
    line.append(' ').append(e.duration().toMillis());
    e.failure().ifPresent(f -> {
      String text = f.detail().isEmpty()
          ? f.kind().label()
          : f.detail().contains(f.kind().label())
              ? f.detail()
              : f.kind().label() + ": " + f.detail();
      line.append(" error=\"")
          .append(text.replace('"', '\'').replaceAll("\\p{Cntrl}", " "))
          .append('"');
    });
    return line.toString();
  }

  /**
   * {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC, written field by field: a {@code DateTimeFormatter}
   * with fractional seconds costs a {@code BigDecimal} per line, measured as the access log's largest
   * allocation under load.
   */
  static void appendTime(Instant time, StringBuilder line) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      line.append(t.atOffset(ZoneOffset.UTC).toInstant());
      return;
    }
    padded(line, year, 4).append('-');
    padded(line, t.getMonthValue(), 2).append('-');
    padded(line, t.getDayOfMonth(), 2).append('T');
    padded(line, t.getHour(), 2).append(':');
    padded(line, t.getMinute(), 2).append(':');
    padded(line, t.getSecond(), 2).append('.');
    padded(line, time.getNano() / 1_000_000, 3).append('Z');
  }

  private static StringBuilder padded(StringBuilder line, int value, int width) {
    for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
      if (value < limit) {
        line.append('0');
      }
    }
    return line.append(value);
  }

  private static String user(AuthOutcome outcome) {
    if (outcome instanceof AuthOutcome.Authenticated a) {
      return a.user();
    }
    if (outcome instanceof AuthOutcome.Challenged c && !c.user().isEmpty()) {
      return c.user();
    }
    return "-";
  }

  /**
   * Keeps a field one token: spaces and control characters, C1 included (a client can put them in a user name)
   * are percent-encoded, so lines split on spaces and cannot forge a second line.
   */
  static String field(String value) {
    if (value.isEmpty()) {
      return "-";
    }
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean unsafe = c == ' ' || Character.isISOControl(c);
      if (unsafe && out == null) {
        out = new StringBuilder(value.length() + 8).append(value, 0, i);
      }
      if (unsafe) {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? value : out.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
