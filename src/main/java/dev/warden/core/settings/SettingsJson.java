package dev.warden.core.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.warden.core.settings.SettingsFileDto.AuthDto;
import dev.warden.core.settings.SettingsFileDto.DigestDto;
import dev.warden.core.settings.SettingsFileDto.FileDto;
import dev.warden.core.settings.SettingsFileDto.LimitsDto;
import dev.warden.core.settings.SettingsFileDto.LockoutDto;
import dev.warden.core.settings.SettingsFileDto.RealmDto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;

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
 * names independent of the domain records. Does not validate: see {@link SettingsValidator}.
 * Stateless; any thread.
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

  /** Jackson names the (redacted) source beside nested positions; the user needs only the position. */
  private static final Pattern SOURCE_NOTE =
      Pattern.compile("\\[Source: [^;\\]]*; (line: \\d+, column: \\d+)\\]");

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

  /** Each missing limit takes its default; any whole number is kept for the validator to judge. */
  private static Limits toLimits(LimitsDto dto) {
    Limits d = Limits.DEFAULTS;
    if (dto == null) {
      return d;
    }
    return new Limits(
        millis(dto.requestHeadMillis(), d.requestHead()),
        millis(dto.idleMillis(), d.idle()),
        millis(dto.refusedBodyMillis(), d.refusedBody()),
        orDefault(dto.refusedBodyDrainBytes(), d.refusedBodyDrain()),
        orDefault(dto.requestLineBytes(), d.requestLine()),
        orDefault(dto.headerBlockBytes(), d.headerBlock()),
        orDefault(dto.maxConnections(), d.maxConnections()),
        millis(dto.connectMillis(), d.connect()),
        millis(dto.firstByteMillis(), d.firstByte()));
  }

  private static Duration millis(Long value, Duration fallback) {
    return value == null ? fallback : Duration.ofMillis(value);
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
    int format = file.format();
    if (format > FORMAT) {
      throw new NewerFormatException(format);
    }
    if (format < OLDEST_FORMAT) {
      throw new UnreadableException(
          "it is in format " + format + ", which no version of Warden wrote", null);
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
        : map(file.realms(), "realms", (dto, where) -> toRealm(dto, where, format));
    return new Contents(
        format,
        new Settings(
            listen,
            orDefault(file.enforcement(), defaults.enforcement()),
            realms,
            orDefault(file.trafficCapacity(), defaults.trafficCapacity()),
            orDefault(file.bodyPrefixLimit(), defaults.bodyPrefixLimit()),
            orDefault(file.closeAfterChallenge(), defaults.closeAfterChallenge()),
            toLimits(file.limits())));
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

  private static Realm toRealm(RealmDto dto, String where, int format) throws UnreadableException {
    List<String> patterns = dto.hostPatterns() == null
        ? List.of()
        : map(dto.hostPatterns(), where + ".hostPatterns", (p, w) -> p);
    List<User> users = dto.users() == null
        ? List.of()
        : map(
            dto.users(),
            where + ".users",
            (u, w) -> new User(
                orDefault(u.name(), ""),
                orDefault(u.enabled(), true),
                orDefault(u.passwordHash(), ""),
                format == 1 ? DigestSecrets.NONE : toDigest(u.digest(), w + ".digest")));
    RealmAuth auth = format == 1 ? RealmAuth.defaults() : toAuth(dto.auth(), where + ".auth");
    // Files written before the list existed get the default; the validator judges the numbers.
    List<Integer> connectPorts = dto.connectPorts() == null
        ? Realm.DEFAULT_CONNECT_PORTS
        : map(dto.connectPorts(), where + ".connectPorts", (p, w) -> p);
    RealmFaults faults = RealmFaults.NONE;
    if (dto.faults() != null) {
      for (String line : map(dto.faults(), where + ".faults", (f, w) -> f)) {
        try {
          faults = FaultKnob.apply(faults, line);
        } catch (IllegalArgumentException e) {
          throw new UnreadableException("\"" + where + ".faults\": " + e.getMessage(), e);
        }
      }
    }
    // A missing name becomes "" so the validator reports it like any other unnamed realm.
    List<BearerToken> tokens = dto.tokens() == null
        ? List.of()
        : map(
            dto.tokens(),
            where + ".tokens",
            (t, w) -> new BearerToken(orDefault(t.name(), ""), orDefault(t.hash(), "")));
    return new Realm(
        orDefault(dto.name(), ""), patterns, users, auth, connectPorts, tokens, faults);
  }

  private static RealmAuth toAuth(AuthDto dto, String where) throws UnreadableException {
    RealmAuth defaults = RealmAuth.defaults();
    if (dto == null) {
      return defaults;
    }
    List<String> schemes = dto.schemes() == null
        ? defaults.schemes()
        : map(dto.schemes(), where + ".schemes", (s, w) -> s);
    List<String> algorithms = dto.digestAlgorithms() == null
        ? defaults.digestAlgorithms()
        : map(dto.digestAlgorithms(), where + ".digestAlgorithms", (a, w) -> a);
    // Any whole number is read as it is: the validator, not the reader, says what range is allowed.
    Duration lifetime = dto.nonceLifetimeSeconds() == null
        ? defaults.nonceLifetime()
        : Duration.ofSeconds(dto.nonceLifetimeSeconds());
    int status = orDefault(dto.disabledUserStatus(), defaults.disabledUserStatus());
    boolean authInt = dto.authInt() != null && dto.authInt();
    return new RealmAuth(schemes, algorithms, lifetime, status, authInt, toLockout(dto.lockout()));
  }

  /** A file from before per-realm lockouts has none: the realm gets {@link RealmLockout#DEFAULTS}. */
  private static RealmLockout toLockout(LockoutDto dto) {
    RealmLockout defaults = RealmLockout.DEFAULTS;
    if (dto == null) {
      return defaults;
    }
    return new RealmLockout(
        orDefault(dto.delayAfter(), defaults.delayAfter()),
        orDefault(dto.lockoutAfter(), defaults.lockoutAfter()),
        dto.lockoutSeconds() == null
            ? defaults.lockoutFor()
            : Duration.ofSeconds(dto.lockoutSeconds()),
        orDefault(dto.lockedOutStatus(), defaults.lockedOutStatus()));
  }

  private static DigestSecrets toDigest(DigestDto dto, String where) throws UnreadableException {
    if (dto == null) {
      return DigestSecrets.NONE;
    }
    Map<String, String> ha1 = new TreeMap<>();
    if (dto.ha1() != null) {
      for (Map.Entry<String, String> e : dto.ha1().entrySet()) {
        if (e.getValue() == null) {
          throw new UnreadableException("\"" + where + ".ha1." + e.getKey() + "\" is null", null);
        }
        ha1.put(e.getKey(), e.getValue());
      }
    }
    return new DigestSecrets(orDefault(dto.realm(), ""), ha1);
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
