package dev.warden.core.settings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The settings file format, version {@value #FORMAT}: {@link Settings} to and from UTF-8 JSON.
 *
 * <pre>{@code
 * {
 *   "format": 1,
 *   "listen": "127.0.0.1:3128",
 *   "enforcement": true,
 *   "closeAfterChallenge": false,
 *   "trafficCapacity": 10000,
 *   "bodyPrefixLimit": 65536,
 *   "realms": [
 *     {
 *       "name": "Warden",
 *       "hostPatterns": [],
 *       "users": [
 *         { "name": "alice", "enabled": true, "passwordHash": "..." }
 *       ]
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code format} is required, so that an unrelated JSON file is not mistaken for settings. Every
 * other field may be missing and then takes its default ({@link Settings#defaults()}, no host
 * patterns, no users, users enabled); unknown fields are ignored so an older Warden can read a file a
 * newer one added fields to. The file is mapped through private records, which keeps the on-disk
 * names independent of the domain records. Does not validate: see {@link SettingsValidator}.
 * Stateless; any thread.
 */
final class SettingsJson {

  static final int FORMAT = 1;

  /** Why bytes could not be turned into settings, in words fit for the user. */
  static final class UnreadableException extends Exception {
    UnreadableException(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  @JsonPropertyOrder({"format", "listen", "enforcement", "closeAfterChallenge", "trafficCapacity",
      "bodyPrefixLimit", "realms"})
  private record FileDto(
      Integer format,
      String listen,
      Boolean enforcement,
      Boolean closeAfterChallenge,
      Integer trafficCapacity,
      Integer bodyPrefixLimit,
      List<RealmDto> realms) {}

  @JsonPropertyOrder({"name", "hostPatterns", "users"})
  private record RealmDto(String name, List<String> hostPatterns, List<UserDto> users) {}

  @JsonPropertyOrder({"name", "enabled", "passwordHash"})
  private record UserDto(String name, Boolean enabled, String passwordHash) {}

  private static final JsonMapper MAPPER = JsonMapper.builder()
      // A hand-edited file with a key twice or text after the object is ambiguous: refuse it.
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** Jackson names the (redacted) source beside nested positions; the user needs only the position. */
  private static final Pattern SOURCE_NOTE = Pattern.compile("\\[Source: [^;\\]]*; (line: \\d+, column: \\d+)\\]");

  private static final ObjectReader READER = MAPPER.readerFor(FileDto.class);

  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  /** Two-space indent, {@code "key": value}, "\n" on every platform so the file diffs cleanly. */
  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  private SettingsJson() {}

  static byte[] write(Settings settings) {
    FileDto file = new FileDto(
        FORMAT,
        settings.listen().toString(),
        settings.enforcement(),
        settings.closeAfterChallenge(),
        settings.trafficCapacity(),
        settings.bodyPrefixLimit(),
        settings.realms().stream().map(SettingsJson::toDto).toList());
    try {
      return (WRITER.writeValueAsString(file) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      // Only strings, numbers and lists are written: Jackson has nothing to fail on.
      throw new IllegalStateException("settings could not be turned into JSON", e);
    }
  }

  private static RealmDto toDto(Realm realm) {
    return new RealmDto(
        realm.name(),
        realm.hostPatterns(),
        realm.users().stream().map(u -> new UserDto(u.name(), u.enabled(), u.passwordHash())).toList());
  }

  /**
   * Reads settings, without validating them.
   *
   * @throws UnreadableException when the bytes are not JSON or do not fit the format
   */
  static Settings read(byte[] json) throws UnreadableException {
    if (new String(json, StandardCharsets.UTF_8).isBlank()) {
      throw new UnreadableException("it is empty", null);
    }
    FileDto file;
    try {
      file = READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw new UnreadableException(describe(e), e);
    } catch (IOException e) {
      throw new UnreadableException("it could not be read: " + e.getMessage(), e);
    }
    if (file == null) {
      throw new UnreadableException("it holds no settings (JSON null)", null);
    }
    if (file.format() == null) {
      throw new UnreadableException(
          "it has no \"format\" field, so it is not a Warden settings file", null);
    }
    if (file.format() != FORMAT) {
      throw new UnreadableException("it is in format " + file.format()
          + ", but this version of Warden reads only format " + FORMAT, null);
    }
    Settings defaults = Settings.defaults();
    ListenAddress listen;
    try {
      listen = file.listen() == null ? defaults.listen() : ListenAddress.parse(file.listen());
    } catch (IllegalArgumentException e) {
      throw new UnreadableException("\"listen\": " + e.getMessage(), e);
    }
    List<Realm> realms = file.realms() == null
        ? defaults.realms()
        : map(file.realms(), "realms", SettingsJson::toRealm);
    return new Settings(
        listen,
        orDefault(file.enforcement(), defaults.enforcement()),
        realms,
        orDefault(file.trafficCapacity(), defaults.trafficCapacity()),
        orDefault(file.bodyPrefixLimit(), defaults.bodyPrefixLimit()),
        orDefault(file.closeAfterChallenge(), defaults.closeAfterChallenge()));
  }

  private static Realm toRealm(RealmDto dto, String where) throws UnreadableException {
    List<String> patterns = dto.hostPatterns() == null
        ? List.of()
        : map(dto.hostPatterns(), where + ".hostPatterns", (p, w) -> p);
    List<User> users = dto.users() == null
        ? List.of()
        : map(dto.users(), where + ".users", (u, w) -> new User(
            orDefault(u.name(), ""), orDefault(u.enabled(), true), orDefault(u.passwordHash(), "")));
    // A missing name becomes "" so the validator reports it like any other unnamed realm.
    return new Realm(orDefault(dto.name(), ""), patterns, users);
  }

  private interface Mapping<T, R> {
    R apply(T value, String where) throws UnreadableException;
  }

  private static <T, R> List<R> map(List<T> values, String where, Mapping<T, R> mapping)
      throws UnreadableException {
    List<R> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String here = where + "[" + i + "]";
      if (values.get(i) == null) {
        throw new UnreadableException("\"" + here + "\" is null", null);
      }
      out.add(mapping.apply(values.get(i), here));
    }
    return out;
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }

  /** One sentence on what is wrong, with the JSON path and the line and column where known. */
  private static String describe(JsonProcessingException e) {
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
      reason += String.format(Locale.ROOT, " (line %d, column %d)", at.getLineNr(), at.getColumnNr());
    }
    return reason;
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class) {
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
