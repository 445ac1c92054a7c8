package dev.warden.core.har;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.Header;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Writes exchanges as a HAR 1.2 file, one entry at a time, so a capture of any length is written in
 * bounded memory (headless {@code --har} streams a whole run through it). Each entry carries Warden's
 * own facts under {@code _warden} (see {@link WardenFields}); credential fields are cut to their scheme
 * unless {@link HarOptions#keepCredentials()}.
 *
 * <p>Bodies: Warden keeps a prefix of each body; the entry holds that prefix as text (base64 when it
 * is not UTF-8) and the whole body's size, so a reader can tell a cut body from a complete one.
 * A CONNECT's {@code url} is its authority ({@code host:port}), as the request line had it.
 *
 * <p>Not thread-safe: one thread writes, then {@link #close()}s, which ends the JSON and closes the
 * stream.
 */
public final class HarWriter implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final JsonGenerator out;
  private final HarOptions options;
  private long written;
  private long missed;
  private boolean closed;

  /** Starts a HAR on {@code stream} (which it closes on {@link #close()}). */
  public HarWriter(OutputStream stream, HarOptions options) throws IOException {
    this.options = Objects.requireNonNull(options);
    out = new JsonFactory(MAPPER).createGenerator(stream, JsonEncoding.UTF8);
    out.useDefaultPrettyPrinter();
    out.writeStartObject();
    out.writeObjectFieldStart("log");
    out.writeStringField("version", "1.2");
    out.writeObjectFieldStart("creator");
    out.writeStringField("name", "Warden");
    out.writeStringField("version", options.creatorVersion());
    out.writeEndObject();
    out.writeArrayFieldStart("pages");
    out.writeEndArray();
    out.writeArrayFieldStart("entries");
  }

  /** Writes a whole capture: the exchanges in the order given. */
  public static void write(List<Exchange> exchanges, OutputStream stream, HarOptions options)
      throws IOException {
    try (HarWriter writer = new HarWriter(stream, options)) {
      for (Exchange e : exchanges) {
        writer.write(e);
      }
    }
  }

  public void write(Exchange exchange) throws IOException {
    MAPPER.writeTree(out, entry(exchange));
    written++;
  }

  /** Counts exchanges that could not be written (the log dropped them first); said in the file. */
  public void missed(long count) {
    missed += count;
  }

  public long written() {
    return written;
  }

  /** Ends the entries and the document, and closes the stream. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    out.writeEndArray();
    if (missed > 0) {
      out.writeStringField(
          "comment",
          missed + " exchanges were dropped by Warden's traffic log before they"
              + " could be written");
      out.writeObjectFieldStart(WardenFields.KEY);
      out.writeNumberField("missed", missed);
      out.writeEndObject();
    }
    out.writeEndObject();
    out.writeEndObject();
    out.close();
  }

  ObjectNode entry(Exchange e) {
    ObjectNode entry = JSON.objectNode();
    entry.put("startedDateTime", e.started().toString());
    entry.put("time", millis(e.duration()));
    entry.set("request", request(e));
    entry.set("response", response(e));
    entry.putObject("cache");
    ObjectNode timings = entry.putObject("timings");
    double wait = e.timeToFirstByte() == null ? millis(e.duration()) : millis(e.timeToFirstByte());
    timings
        .put("blocked", -1)
        .put("dns", -1)
        .put("connect", -1)
        .put("send", 0)
        .put("wait", wait)
        .put("receive", Math.max(0, millis(e.duration()) - wait))
        .put("ssl", -1);
    entry.put("connection", Long.toString(e.connectionId()));
    entry.set(WardenFields.KEY, warden(e));
    return entry;
  }

  private ObjectNode request(Exchange e) {
    ObjectNode request = JSON.objectNode();
    request.put("method", e.method());
    request.put("url", e.url());
    request.put("httpVersion", e.protocol());
    request.putArray("cookies");
    List<Header> headers = options.keepCredentials()
        ? e.requestHeaders()
        : CredentialFields.redacted(e.requestHeaders());
    request.set("headers", headers(headers));
    request.set("queryString", queryString(e));
    BodyPreview body = e.requestBody();
    if (body.totalSize() > 0) {
      ObjectNode postData = request.putObject("postData");
      postData.put("mimeType", e.requestHeader("Content-Type").orElse(""));
      putBody(postData, body, "_encoding");
    }
    request.put("headersSize", -1);
    request.put("bodySize", body.totalSize());
    return request;
  }

  private static ObjectNode response(Exchange e) {
    ObjectNode response = JSON.objectNode();
    response.put("status", e.status());
    response.put("statusText", StatusText.of(e.status()));
    response.put("httpVersion", e.protocol());
    response.putArray("cookies");
    response.set("headers", headers(e.responseHeaders()));
    ObjectNode content = response.putObject("content");
    content.put("size", e.responseBody().totalSize());
    content.put("mimeType", e.responseHeader("Content-Type").orElse(""));
    putBody(content, e.responseBody(), "encoding");
    response.put("redirectURL", e.responseHeader("Location").orElse(""));
    response.put("headersSize", -1);
    response.put("bodySize", e.responseBody().totalSize());
    return response;
  }

  private ObjectNode warden(Exchange e) {
    ObjectNode w = JSON.objectNode();
    w.put("id", e.id());
    w.put("connection", e.connectionId());
    w.put("client", e.client());
    WardenFields.writeOutcome(w, e.auth());
    options.conversation().apply(e).ifPresent(c -> w.put("conversation", c));
    e.failure().ifPresent(f -> w.set("error", WardenFields.error(f)));
    if (!e.challenges().isEmpty()) {
      w.set("challenges", WardenFields.challenges(e.challenges()));
    }
    w.set("received", WardenFields.received(e.received()));
    if (e.timeToFirstByte() != null) {
      w.put("timeToFirstByteNanos", e.timeToFirstByte().toNanos());
    }
    w.put("durationNanos", e.duration().toNanos());
    if (e.requestBody().droppedForMemory()) {
      w.put("requestBodyDroppedForMemory", true);
    }
    if (e.responseBody().droppedForMemory()) {
      w.put("responseBodyDroppedForMemory", true);
    }
    return w;
  }

  /** The kept prefix as {@code text}: UTF-8 as is, anything else in base64 with an encoding field. */
  private static void putBody(ObjectNode target, BodyPreview body, String encodingField) {
    byte[] bytes = body.bytes();
    if (bytes.length == 0) {
      if (body.totalSize() == 0) {
        target.put("text", "");
      }
      return;
    }
    try {
      target.put(
          "text",
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException notUtf8) {
      target.put("text", Base64.getEncoder().encodeToString(bytes));
      target.put(encodingField, "base64");
    }
  }

  private static ArrayNode headers(List<Header> headers) {
    ArrayNode out = JSON.arrayNode();
    headers.forEach(h -> out.addObject().put("name", h.name()).put("value", h.value()));
    return out;
  }

  private static ArrayNode queryString(Exchange e) {
    ArrayNode out = JSON.arrayNode();
    if (e.isConnect()) {
      return out;
    }
    String query;
    try {
      query = URI.create(e.url()).getRawQuery();
    } catch (IllegalArgumentException notAUri) {
      return out;
    }
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.addObject().put("name", decode(name)).put("value", decode(value));
    }
    return out;
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      return part;
    }
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1_000_000.0;
  }
}
