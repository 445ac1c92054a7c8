package dev.warden.core.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.warden.core.settings.SettingsFileDto.FileDto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * The settings file format, version {@value #FORMAT}: {@link Settings} to and from UTF-8 JSON.
 *
 * <pre>{@code
 * {
 *   "format": 2,
 *   "listen": "127.0.0.1:3128",
 *   "enforcement": true,
 *   "closeAfterChallenge": false,
 *   "trafficCapacity": 10000,
 *   "bodyPrefixLimit": 65536,
 *   "limits": { "requestHeadMillis": 30000, "idleMillis": 60000, "refusedBodyMillis": 10000,
 *               "refusedBodyDrainBytes": 65536, "requestLineBytes": 8192,
 *               "headerBlockBytes": 65536, "maxConnections": 20000, "connectMillis": 10000,
 *               "firstByteMillis": 60000 },
 *   "realms": [
 *     {
 *       "name": "Warden",
 *       "hostPatterns": [],
 *       "users": [
 *         { "name": "alice", "enabled": true, "passwordHash": "...",
 *           "digest": { "realm": "Warden", "ha1": { "MD5": "...", "SHA-256": "..." } } }
 *       ],
 *       "auth": { "schemes": ["basic"], "digestAlgorithms": ["SHA-256", "MD5"],
 *                 "nonceLifetimeSeconds": 300, "disabledUserStatus": 403, "authInt": false,
 *                 "lockout": { "delayAfter": 10, "lockoutAfter": 50, "lockoutSeconds": 300,
 *                              "lockedOutStatus": 407 } },
 *       "connectPorts": [443, 8443],
 *       "faults": ["connection=close", "header=X-Squid-Error: ERR_CACHE_ACCESS_DENIED 0"]
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <p>Format 1 is format 2 without {@code auth} and {@code digest}; it is still read, every realm
 * getting {@link RealmAuth#defaults()} and every user {@link DigestSecrets#NONE} (an {@code auth} or
 * {@code digest} in a format-1 file is ignored: no Warden wrote one). A realm without
 * {@code connectPorts} (every file written before the list existed) gets
 * {@link Realm#DEFAULT_CONNECT_PORTS}; one without {@code faults} gets {@link RealmFaults#NONE} (a
 * fault line no knob understands makes the file unreadable, with the knob's sentence). A file of a format above
 * {@value #FORMAT} was written by a newer Warden and is refused with {@link NewerFormatException}.
 * A user without Digest material is written without {@code digest}.
 *
 * <p>{@code format} is required, so that an unrelated JSON file is not mistaken for settings. Every
 * other field may be missing and then takes its default ({@link Settings#defaults()}, no host
 * patterns, no users, users enabled, {@link Limits#DEFAULTS} for each missing limit: a file written
 * before limits were settings reads as the defaults); unknown fields are ignored so an older Warden can read a file a
 * newer one added fields to. The file is mapped through the records of {@link SettingsFileDto}, which keeps the on-disk
 * names independent of the domain records; {@link SettingsFromFile} turns those into settings,
 * defaults filled in and format 1 migrated, and {@link JsonProblemSentence} words what Jackson could
 * not read. Does not validate: see {@link SettingsValidator}. Stateless; any thread.
 */
final class SettingsJson {

  static final int FORMAT = 2;

  /** The oldest format this version still reads. */
  static final int OLDEST_FORMAT = 1;

  /** Why bytes could not be turned into settings, in words fit for the user. */
  static class UnreadableException extends Exception {
    UnreadableException(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  /**
   * The file is in a format a newer Warden wrote: it may hold settings this version would drop, so
   * it must be neither rewritten nor moved.
   */
  static final class NewerFormatException extends UnreadableException {
    NewerFormatException(int format) {
      super(
          "it is in format " + format + ", written by a newer version of Warden (this one reads "
              + "formats " + OLDEST_FORMAT + " to " + FORMAT + ")",
          null);
    }
  }

  /** What a file held: its settings, and the format they were written in. */
  record Contents(int format, Settings settings) {}

  private static final JsonMapper MAPPER = JsonMapper.builder()
      // A hand-edited file with a key twice or text after the object is ambiguous: refuse it.
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

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
    FileDto file = SettingsFileDto.of(settings, FORMAT);
    try {
      return (WRITER.writeValueAsString(file) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      // Only strings, numbers and lists are written: Jackson has nothing to fail on.
      throw new IllegalStateException("settings could not be turned into JSON", e);
    }
  }

  /**
   * Reads settings of any format from {@value #OLDEST_FORMAT} to {@value #FORMAT}, without validating
   * them.
   *
   * @throws NewerFormatException when a newer Warden wrote the file
   * @throws UnreadableException when the bytes are not JSON or do not fit the format
   */
  static Contents read(byte[] json) throws UnreadableException {
    if (new String(json, StandardCharsets.UTF_8).isBlank()) {
      throw new UnreadableException("it is empty", null);
    }
    FileDto file;
    try {
      file = READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw new UnreadableException(JsonProblemSentence.of(e), e);
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
    int format = file.format();
    if (format > FORMAT) {
      throw new NewerFormatException(format);
    }
    if (format < OLDEST_FORMAT) {
      throw new UnreadableException(
          "it is in format " + format + ", which no version of Warden wrote", null);
    }
    return new Contents(format, SettingsFromFile.settings(file, format));
  }

  /**
   * The format of a file's content, when it is JSON with a whole-number {@code format} field; the
   * rest of the file is not looked at.
   */
  static OptionalInt formatOf(byte[] json) {
    try {
      JsonNode format = MAPPER.readTree(json).get("format");
      return format != null && format.canConvertToExactIntegral() && format.canConvertToInt()
          ? OptionalInt.of(format.intValue())
          : OptionalInt.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }
}
