package dev.warden.core.har;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.auth.header.AuthHeaderParser;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.auth.header.ParseResult;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeError;
import dev.warden.core.traffic.Header;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads a HAR 1.2 file, Warden's own or a browser's (Chrome, Firefox), into read-only exchanges.
 *
 * <p>Streams the entries (one entry's tree in memory at a time) and keeps at most {@link #MAX_ENTRIES}
 * entries and {@link #MAX_BODY_BYTES} of each body, so a large file cannot exhaust memory. Every
 * {@code Proxy-Authorization} and {@code Authorization} value is cut to its scheme and {@code ***}
 * unless it is already masked the way Warden records it: a browser's HAR holds real passwords and
 * tokens, and Warden shows none. Entries with {@code _warden} facts get their outcome, challenges and
 * received credentials back; others are {@link AuthOutcome.NotJudged}, with the challenges of their
 * {@code Proxy-Authenticate} fields. Any thread; does I/O.
 */
public final class HarReader {

  /** Entries read from one file; the rest are counted as skipped. */
  public static final int MAX_ENTRIES = 100_000;

  /** Body bytes kept per message, as the traffic log keeps a prefix. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HarReader() {}

  /** Reads the whole stream (the caller closes it). */
  public static HarCapture read(InputStream in) throws IOException {
    return read(in, MAX_ENTRIES);
  }

  /** {@link #read(InputStream)} keeping at most {@code maxEntries} entries. */
  static HarCapture read(InputStream in, int maxEntries) throws IOException {
    try (JsonParser parser = MAPPER.getFactory().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new HarFormatException("not a HAR file: it does not start with a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals("log") && parser.currentToken() == JsonToken.START_OBJECT) {
          return readLog(parser, maxEntries);
        }
        parser.skipChildren();
      }
      throw new HarFormatException("not a HAR file: it has no \"log\" object");
    } catch (JsonParseException e) {
      throw new HarFormatException("not a HAR file: the JSON is broken at line "
          + e.getLocation().getLineNr() + " (" + e.getOriginalMessage() + ")");
    }
  }

  private static HarCapture readLog(JsonParser parser, int maxEntries) throws IOException {
    String source = "";
    List<Exchange> read = new ArrayList<>();
    boolean sawEntries = false;
    boolean fromWarden = false;
    long skipped = 0;
    long missed = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "creator", "browser" -> {
          JsonNode who = parser.readValueAsTree();
          String named =
              (WardenFields.text(who, "name") + " " + WardenFields.text(who, "version")).strip();
          // a browser's own name says more than its exporter's ("WebInspector")
          if (source.isEmpty() || name.equals("browser")) {
            source = named;
          }
          fromWarden |= name.equals("creator") && WardenFields.text(who, "name").equals("Warden");
        }
        case WardenFields.KEY ->
          missed = parser.<JsonNode>readValueAsTree().path("missed").asLong();
        case "entries" -> {
          if (value != JsonToken.START_ARRAY) {
            throw new HarFormatException("not a HAR file: \"entries\" is not a list");
          }
          sawEntries = true;
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            JsonNode entry = parser.readValueAsTree();
            if (read.size() >= maxEntries) {
              skipped++;
              continue;
            }
            Optional<Exchange> exchange = exchange(entry, read.size() + 1, source);
            if (exchange.isPresent()) {
              read.add(exchange.get());
            } else {
              skipped++;
            }
          }
        }
        default -> parser.skipChildren();
      }
    }
    if (!sawEntries) {
      throw new HarFormatException("not a HAR file: its \"log\" has no \"entries\"");
    }
    return new HarCapture(
        numbered(read), source.isEmpty() ? "an unnamed tool" : source, fromWarden, skipped, missed);
  }

  /**
   * Keeps the ids Warden wrote when they strictly increase (the user knows exchanges by them);
   * otherwise numbers the entries 1, 2, 3 in file order.
   */
  private static List<Exchange> numbered(List<Exchange> read) {
    boolean increasing = true;
    for (int i = 0; i < read.size(); i++) {
      if (read.get(i).id() <= 0 || (i > 0 && read.get(i).id() <= read.get(i - 1).id())) {
        increasing = false;
        break;
      }
    }
    if (increasing) {
      return read;
    }
    List<Exchange> out = new ArrayList<>(read.size());
    for (int i = 0; i < read.size(); i++) {
      out.add(withId(read.get(i), i + 1));
    }
    return out;
  }

  private static Optional<Exchange> exchange(JsonNode entry, int position, String source) {
    JsonNode request = entry.path("request");
    JsonNode response = entry.path("response");
    String url = WardenFields.text(request, "url");
    if (!request.isObject() || url.isEmpty()) {
      return Optional.empty();
    }
    JsonNode w = entry.path(WardenFields.KEY);
    boolean warden = w.isObject();
    String method = WardenFields.text(request, "method");
    List<Header> requestHeaders = CredentialFields.masked(headers(request.path("headers")));
    List<Header> responseHeaders = headers(response.path("headers"));
    Duration duration = warden && w.has("durationNanos")
        ? Duration.ofNanos(w.path("durationNanos").asLong())
        : millis(entry.path("time").asDouble(0));
    Duration firstByte = warden
        ? (w.has("timeToFirstByteNanos")
            ? Duration.ofNanos(w.path("timeToFirstByteNanos").asLong())
            : null)
        : firstByte(entry.path("timings"));
    AuthOutcome auth = (warden ? WardenFields.readOutcome(w) : Optional.<AuthOutcome>empty())
        .orElseGet(() -> new AuthOutcome.NotJudged(source.isEmpty() ? "an unnamed tool" : source));
    ExchangeError error = warden ? WardenFields.readError(w.path("error")).orElse(null) : null;
    List<Challenge> challenges =
        warden ? WardenFields.readChallenges(w.path("challenges")) : challengesIn(responseHeaders);
    ReceivedCredentials received =
        warden ? WardenFields.readReceived(w.path("received")) : ReceivedCredentials.NONE;
    long id = warden ? w.path("id").asLong(0) : 0;
    long connection = warden
        ? w.path("connection").asLong(0)
        : leadingNumber(WardenFields.text(entry, "connection"));
    Exchange exchange = new Exchange(
        id == 0 ? position : id,
        connection,
        warden ? WardenFields.text(w, "client") : "",
        started(entry),
        firstByte,
        duration,
        method.isEmpty() ? "GET" : method,
        url,
        WardenFields.text(request, "httpVersion"),
        requestHeaders,
        responseHeaders,
        body(
            request.path("postData"),
            request.path("bodySize"),
            warden && w.path("requestBodyDroppedForMemory").asBoolean()),
        body(
            response.path("content"),
            response.path("content").path("size"),
            warden && w.path("responseBodyDroppedForMemory").asBoolean()),
        Math.max(0, response.path("status").asInt(0)),
        auth,
        error,
        challenges,
        received);
    return Optional.of(exchange);
  }

  private static List<Header> headers(JsonNode array) {
    List<Header> out = new ArrayList<>();
    for (JsonNode h : array) {
      String name = WardenFields.text(h, "name");
      if (!name.isEmpty()) {
        out.add(new Header(name, WardenFields.text(h, "value")));
      }
    }
    return out;
  }

  /**
   * The kept bytes of a postData or content object: its text, base64-decoded when it says so
   * ({@code encoding}, or Warden's {@code _encoding} on postData), cut to {@link #MAX_BODY_BYTES};
   * the size is the HAR's when it gives one.
   */
  private static BodyPreview body(JsonNode holder, JsonNode sizeField, boolean droppedForMemory) {
    String text = WardenFields.text(holder, "text");
    boolean base64 = "base64".equals(WardenFields.text(holder, "encoding"))
        || "base64".equals(WardenFields.text(holder, "_encoding"));
    byte[] bytes;
    try {
      bytes = base64 ? Base64.getMimeDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      bytes = text.getBytes(StandardCharsets.UTF_8);
    }
    long size = sizeField.canConvertToLong() && sizeField.asLong(-1) >= 0
        ? sizeField.asLong()
        : bytes.length;
    size = Math.max(size, bytes.length);
    if (droppedForMemory) {
      return BodyPreview.droppedForMemory(size);
    }
    return new BodyPreview(
        bytes.length > MAX_BODY_BYTES ? Arrays.copyOf(bytes, MAX_BODY_BYTES) : bytes, size);
  }

  private static Instant started(JsonNode entry) {
    String text = WardenFields.text(entry, "startedDateTime");
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notIso) {
      return Instant.EPOCH;
    }
  }

  /** A browser's time to first byte: every phase before {@code receive} it measured. */
  private static Duration firstByte(JsonNode timings) {
    if (!timings.isObject() || !timings.has("wait")) {
      return null;
    }
    double total = 0;
    for (String phase : List.of("blocked", "dns", "connect", "send", "wait")) {
      total += Math.max(0, timings.path(phase).asDouble(0));
    }
    return millis(total);
  }

  private static List<Challenge> challengesIn(List<Header> responseHeaders) {
    List<String> values = responseHeaders.stream()
        .filter(h -> h.name().equalsIgnoreCase("Proxy-Authenticate"))
        .map(Header::value)
        .toList();
    if (!values.isEmpty()
        && AuthHeaderParser.parseChallenges(values)
            instanceof ParseResult.Parsed<List<Challenge>> p) {
      return p.value();
    }
    return List.of();
  }

  private static long leadingNumber(String text) {
    int end = 0;
    while (end < text.length() && end < 18 && Character.isDigit(text.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Long.parseLong(text.substring(0, end));
  }

  private static Duration millis(double ms) {
    return Duration.ofNanos(Math.round(Math.max(0, ms) * 1_000_000));
  }

  private static Exchange withId(Exchange e, long id) {
    return new Exchange(
        id,
        e.connectionId(),
        e.client(),
        e.started(),
        e.timeToFirstByte(),
        e.duration(),
        e.method(),
        e.url(),
        e.protocol(),
        e.requestHeaders(),
        e.responseHeaders(),
        e.requestBody(),
        e.responseBody(),
        e.status(),
        e.auth(),
        e.error(),
        e.challenges(),
        e.received());
  }
}
