package dev.warden.core.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The entry lines of an Apache user file (htpasswd, htdigest), as both formats number and skip
 * them: counted from 1, a UTF-8 byte order mark on the first line dropped, blank lines and
 * {@code #} comments skipped (their numbers still counted, so errors name the line an editor shows).
 * Stateless; any thread.
 */
public final class UserFileLines {

  /** Takes one entry line; may refuse it by throwing. */
  @FunctionalInterface
  public interface Entry {
    void accept(int number, String line) throws IOException;
  }

  private UserFileLines() {}

  /** Hands each entry line of {@code reader} (which stays open) to {@code entry}, in file order. */
  public static void read(Reader reader, Entry entry) throws IOException {
    BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      entry.accept(number, line);
    }
  }
}
