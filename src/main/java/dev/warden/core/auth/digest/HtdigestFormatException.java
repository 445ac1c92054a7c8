package dev.warden.core.auth.digest;

import java.io.IOException;

/**
 * An htdigest file Warden cannot import. The message names the line and the problem, e.g.
 * "line 4: HA1 must be 32 hex digits", and never contains a hash. An {@link IOException} because, to
 * whoever imports the file, it is one more way the file cannot be read.
 */
public final class HtdigestFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int line;

  HtdigestFormatException(int line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
  }

  /** The 1-based line number of the problem. */
  public int line() {
    return line;
  }
}
