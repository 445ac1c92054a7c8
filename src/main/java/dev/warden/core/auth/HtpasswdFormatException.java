package dev.warden.core.auth;

import java.io.IOException;

/**
 * An htpasswd file Warden cannot import. The message names the line and the problem, e.g.
 * "line 3: unsupported hash format (crypt)", and never contains a hash. An {@link IOException}
 * because, to whoever imports the file, it is one more way the file cannot be read.
 */
public final class HtpasswdFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int line;

  HtpasswdFormatException(int line, String problem) {
    super(line > 0 ? "line " + line + ": " + problem : problem);
    this.line = line;
  }

  /** The 1-based line number of the problem, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }
}
