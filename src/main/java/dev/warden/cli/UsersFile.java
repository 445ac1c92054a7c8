package dev.warden.cli;

import dev.warden.core.auth.HtpasswdFile;
import dev.warden.core.auth.HtpasswdFormatException;
import dev.warden.core.auth.digest.HtdigestFile;
import dev.warden.core.settings.User;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one {@code --users-file} holds: htpasswd users ({@code user:hash}) or htdigest entries
 * ({@code user:realm:HA1}). Which one is decided per file by its first entry: htpasswd hashes contain
 * no colon, so a line with a second colon followed by 32 hex digits is htdigest. Immutable.
 */
public sealed interface UsersFile {

  /** Users with a password hash Basic can check; no Digest material. */
  record Htpasswd(List<User> users) implements UsersFile {
    public Htpasswd {
      users = List.copyOf(users);
    }
  }

  /** MD5 H(A1) values per user and realm; they serve Digest MD5 and MD5-sess only. */
  record Htdigest(List<HtdigestFile.Entry> entries) implements UsersFile {
    public Htdigest {
      entries = List.copyOf(entries);
    }
  }

  /** {@code user:realm:HA1}: the realm may itself hold colons (see {@link HtdigestFile}). */
  Pattern HTDIGEST_LINE = Pattern.compile("[^:]*:.*:\\s*[0-9a-fA-F]{32}\\s*");

  /**
   * Reads a UTF-8 file and tells which kind it is. Blocking file I/O; any thread.
   *
   * @throws HtpasswdFormatException or {@link dev.warden.core.auth.digest.HtdigestFormatException}
   *     naming the line, when a line does not fit the file's kind
   * @throws CharacterCodingException when the file is not UTF-8 (strict: a Latin-1 file would
   *     otherwise give user names with U+FFFD in them)
   * @throws IOException when the file cannot be read
   */
  static UsersFile read(Path file) throws IOException {
    String text = StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
        .toString();
    return parse(text);
  }

  /** As {@link #read}, from text already read. */
  static UsersFile parse(String text) throws IOException {
    String first = text.lines()
        .map(line -> line.startsWith("\uFEFF") ? line.substring(1) : line)
        .filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#"))
        .findFirst()
        .orElse("");
    return HTDIGEST_LINE.matcher(first).matches()
        ? new Htdigest(HtdigestFile.parse(text))
        : new Htpasswd(HtpasswdFile.parse(text));
  }
}
