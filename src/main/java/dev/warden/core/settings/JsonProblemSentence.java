package dev.warden.core.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What Jackson could not read in a settings file, as one sentence fit for the user: not JSON, a
 * value of the wrong type at a JSON path, or a file that does not fit the format, with the line and
 * column where known. Jackson's wording is kept for the detail, with the (redacted) source note
 * dropped. Stateless; any thread.
 */
final class JsonProblemSentence {

  /** Jackson names the (redacted) source beside nested positions; the user needs only the position. */
  private static final Pattern SOURCE_NOTE =
      Pattern.compile("\\[Source: [^;\\]]*; (line: \\d+, column: \\d+)\\]");

  private JsonProblemSentence() {}

  /** One sentence on what is wrong, with the JSON path and the line and column where known. */
  static String of(JsonProcessingException e) {
    // Jackson wraps syntax errors met while binding in a mapping exception: look at the cause.
    boolean syntax = e instanceof JsonParseException || e.getCause() instanceof JsonParseException;
    String path = e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
    String reason;
    if (syntax) {
      reason = "it is not valid JSON: " + jacksonSentence(e);
    } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      reason = path.isEmpty()
          ? "it should hold one JSON object"
          : "\"" + path + "\" should be " + expected(mismatch.getTargetType());
    } else {
      reason = "it does not fit the settings format: "
          + (path.isEmpty() ? "" : "\"" + path + "\": ") + jacksonSentence(e);
    }
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      reason +=
          String.format(Locale.ROOT, " (line %d, column %d)", at.getLineNr(), at.getColumnNr());
    }
    return reason;
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list [...]";
    }
    return "an object {...}";
  }

  private static String jacksonSentence(JsonProcessingException e) {
    return SOURCE_NOTE.matcher(e.getOriginalMessage()).replaceAll("$1").replace('`', '\'');
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }
}
