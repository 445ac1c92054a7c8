package dev.warden.core.auth.digest;

import dev.warden.core.auth.UserFileLines;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads Apache htdigest files: one {@code user:realm:HA1} per line, HA1 being the MD5
 * H(user ":" realm ":" password) in 32 hex digits, so the entries serve {@link DigestAlgorithm#MD5} and
 * {@link DigestAlgorithm#MD5_SESS} only. Blank lines and lines starting with {@code #} (after spaces)
 * are skipped, and a byte order mark before the first line. The user name ends at the first colon and
 * the HA1 starts after the last one, so a realm may contain colons (Apache's own reader would not
 * match such a realm). Anything else stops the import with an {@link HtdigestFormatException} naming
 * the line, whose message never echoes a hash.
 *
 * <p>Stateless and thread-safe; it reads only the {@link Reader} or {@link String} it is given.
 */
public final class HtdigestFile {

  /**
   * One line of an htdigest file. {@code ha1} is in lower case whatever the file used. Its
   * {@link #toString()} leaves the HA1 out: it is as good as the password for this realm.
   */
  public record Entry(String user, String realm, String ha1) {

    public Entry {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(realm, "realm");
      Objects.requireNonNull(ha1, "ha1");
    }

    @Override
    public String toString() {
      return "Entry[user=" + user + ", realm=" + realm + ", ha1=(hidden)]";
    }
  }

  private HtdigestFile() {}

  /** Reads htdigest lines from {@code text}, e.g. pasted content. */
  public static List<Entry> parse(String text) throws HtdigestFormatException {
    try {
      return read(new StringReader(text));
    } catch (HtdigestFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("a StringReader does not fail", e);
    }
  }

  /**
   * Reads htdigest lines from {@code reader} (which stays open), in file order. The same user twice in
   * the same realm is an error.
   *
   * @throws HtdigestFormatException when a line is not a valid entry
   * @throws IOException when the reader fails
   */
  public static List<Entry> read(Reader reader) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Map<List<String>, Integer> firstLine = new HashMap<>();
    UserFileLines.read(reader, (number, line) -> {
      Entry entry = entry(number, line);
      Integer earlier = firstLine.putIfAbsent(List.of(entry.user(), entry.realm()), number);
      if (earlier != null) {
        throw new HtdigestFormatException(
            number,
            "user '" + entry.user() + "' in realm '" + entry.realm() + "' already appears on line "
                + earlier);
      }
      entries.add(entry);
    });
    return List.copyOf(entries);
  }

  private static Entry entry(int number, String line) throws HtdigestFormatException {
    int first = line.indexOf(':');
    int last = line.lastIndexOf(':');
    if (first < 0 || first == last) {
      throw new HtdigestFormatException(number, "expected user:realm:hash");
    }
    String user = line.substring(0, first);
    String realm = line.substring(first + 1, last);
    String ha1 = line.substring(last + 1).strip();
    if (user.isEmpty()) {
      throw new HtdigestFormatException(number, "empty user name");
    }
    if (realm.isEmpty()) {
      throw new HtdigestFormatException(number, "empty realm");
    }
    if (hasControl(user)) {
      throw new HtdigestFormatException(number, "control character in the user name");
    }
    if (hasControl(realm)) {
      throw new HtdigestFormatException(number, "control character in the realm");
    }
    if (!isHex(ha1, 32)) {
      throw new HtdigestFormatException(number, "HA1 must be 32 hex digits");
    }
    return new Entry(user, realm, ha1.toLowerCase(Locale.ROOT));
  }

  private static boolean hasControl(String text) {
    return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL);
  }

  private static boolean isHex(String text, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }
}
