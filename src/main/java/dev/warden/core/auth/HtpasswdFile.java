package dev.warden.core.auth;

import dev.warden.core.settings.User;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Apache htpasswd files ({@code user:hash} per line) into enabled {@link User}s, for importing
 * users into a realm. Blank lines and lines starting with {@code #} are skipped. Every hash must be in
 * a format {@link PasswordHash} verifies (bcrypt, {@code {SHA}}, {@code $apr1$}, Warden's PBKDF2);
 * anything else stops the import with {@link HtpasswdFormatException}, whose message names the line
 * and never echoes the hash. Stateless; blocking file I/O, so call it from a worker thread.
 */
public final class HtpasswdFile {

  private HtpasswdFile() {}

  /**
   * Reads a UTF-8 htpasswd file.
   *
   * @throws HtpasswdFormatException when a line cannot be imported or the file is not UTF-8
   * @throws IOException when the file cannot be read
   */
  public static List<User> read(Path file) throws IOException {
    // strict decoding: a Latin-1 file would otherwise import user names with U+FFFD in them
    var decoder = StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
      return read(reader);
    } catch (CharacterCodingException e) {
      throw new HtpasswdFormatException(0, "the file is not UTF-8 text");
    }
  }

  /** Reads htpasswd lines from {@code text}, for tests and pasted content. */
  public static List<User> parse(String text) throws HtpasswdFormatException {
    try {
      return read(new StringReader(text));
    } catch (HtpasswdFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("a StringReader does not fail", e);
    }
  }

  /** Reads htpasswd lines from {@code reader} (which stays open). */
  public static List<User> read(Reader reader) throws IOException {
    List<User> users = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    UserFileLines.read(reader, (number, line) -> {
      User user = user(number, line);
      Integer earlier = firstLine.putIfAbsent(user.name(), number);
      if (earlier != null) {
        throw new HtpasswdFormatException(
            number, "user '" + user.name() + "' already appears on line " + earlier);
      }
      users.add(user);
    });
    return List.copyOf(users);
  }

  private static User user(int number, String line) throws HtpasswdFormatException {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new HtpasswdFormatException(number, "no ':'");
    }
    String name = line.substring(0, colon);
    if (name.isEmpty()) {
      throw new HtpasswdFormatException(number, "empty user name");
    }
    if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
      throw new HtpasswdFormatException(number, "control character in the user name");
    }
    String hash = line.substring(colon + 1).strip();
    try {
      PasswordHash.parse(hash);
    } catch (IllegalArgumentException e) {
      throw new HtpasswdFormatException(number, e.getMessage());
    }
    return new User(name, true, hash);
  }
}
