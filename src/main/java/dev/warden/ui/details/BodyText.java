package dev.warden.ui.details;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.core.traffic.BodyPreview;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A body preview as text for the details pane: text as is, JSON pretty-printed, anything binary as a
 * hex dump (capped, so a large body cannot freeze the FX thread). Stateless; any thread.
 */
public final class BodyText {

  /** Bytes shown as hex at most: 256 lines of 16. */
  static final int HEX_LIMIT = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();

  private BodyText() {}

  /** The kind of rendering chosen, shown as the pane's caption. */
  public enum Kind {
    EMPTY,
    TEXT,
    JSON,
    HEX,
    /** The bytes were let go to keep the traffic log within its body budget. */
    NOT_KEPT
  }

  /** Shown instead of a body whose bytes the traffic log let go for memory. */
  public static final String NOT_KEPT_TEXT = "(body not kept: log body budget reached)";

  /** A rendering: what kind it is and the text. */
  public record Rendered(Kind kind, String text) {}

  public static Rendered render(BodyPreview body, Optional<String> contentType) {
    if (body.droppedForMemory()) {
      return new Rendered(
          Kind.NOT_KEPT, NOT_KEPT_TEXT + "\n\n" + body.totalSize() + " bytes passed");
    }
    if (body.totalSize() == 0 && body.keptSize() == 0) {
      return new Rendered(Kind.EMPTY, "(no body)");
    }
    byte[] bytes = body.bytes();
    String type = contentType.orElse("").toLowerCase(Locale.ROOT);
    String note = body.truncated()
        ? "\n\n… first " + bytes.length + " of " + body.totalSize() + " bytes kept"
        : "";
    if (looksBinary(bytes, type)) {
      return new Rendered(Kind.HEX, hex(bytes) + note);
    }
    String text = new String(bytes, charset(type));
    if (type.contains("json")
        || (type.isEmpty() && (text.startsWith("{") || text.startsWith("[")))) {
      try {
        JsonNode tree = JSON.readTree(text);
        return new Rendered(
            Kind.JSON, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + note);
      } catch (Exception notWholeJson) {
        // truncated or invalid: show it as it came
      }
    }
    return new Rendered(Kind.TEXT, text + note);
  }

  static String hex(byte[] bytes) {
    int shown = Math.min(bytes.length, HEX_LIMIT);
    StringBuilder out = new StringBuilder(shown * 5);
    for (int line = 0; line < shown; line += 16) {
      out.append(String.format("%08x  ", line));
      StringBuilder ascii = new StringBuilder(16);
      for (int i = 0; i < 16; i++) {
        if (line + i < shown) {
          int b = bytes[line + i] & 0xff;
          out.append(String.format("%02x ", b));
          ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        } else {
          out.append("   ");
        }
        if (i == 7) {
          out.append(' ');
        }
      }
      out.append(" |").append(ascii).append("|\n");
    }
    if (bytes.length > shown) {
      out.append("… ").append(bytes.length - shown).append(" more bytes not shown\n");
    }
    return out.toString();
  }

  private static boolean looksBinary(byte[] bytes, String type) {
    if (type.startsWith("text/")
        || type.contains("json")
        || type.contains("xml")
        || type.contains("javascript")
        || type.contains("x-www-form-urlencoded")) {
      return false;
    }
    if (type.startsWith("image/")
        || type.startsWith("audio/")
        || type.startsWith("video/")
        || type.contains("octet-stream")
        || type.contains("zip")
        || type.contains("protobuf")) {
      return true;
    }
    int control = 0;
    int sample = Math.min(bytes.length, 1024);
    for (int i = 0; i < sample; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || (b > 0x0d && b < 0x20)) {
        control++;
      }
    }
    return sample > 0 && control * 10 > sample;
  }

  private static Charset charset(String type) {
    int at = type.indexOf("charset=");
    if (at >= 0) {
      String name = type.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
      try {
        return Charset.forName(name);
      } catch (Exception unknown) {
        // fall through to UTF-8
      }
    }
    return StandardCharsets.UTF_8;
  }
}
