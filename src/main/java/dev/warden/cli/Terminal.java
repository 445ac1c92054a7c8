package dev.warden.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Where the command line speaks: results on standard output, problems on standard error, each
 * problem as one {@code warden: ...} line. The streams are passed in so tests can read them.
 * Thread-safe as far as {@link PrintStream} is.
 */
public final class Terminal {

  /** Exit status for a command line that cannot be run as written. */
  public static final int USAGE = 2;

  private final PrintStream out;
  private final PrintStream err;

  public Terminal(PrintStream out, PrintStream err) {
    this.out = Objects.requireNonNull(out);
    this.err = Objects.requireNonNull(err);
  }

  /** The process's own standard output and error. */
  public static Terminal system() {
    return new Terminal(System.out, System.err);
  }

  /** Standard output: the listening line and the access log. */
  public PrintStream out() {
    return out;
  }

  public void printHelp() {
    out.print(Usage.TEXT);
    out.flush();
  }

  /** Prints {@code text} as it is on standard output. */
  public void print(String text) {
    out.print(text);
    out.flush();
  }

  public void printVersion(String version) {
    out.println("warden " + version);
    out.flush();
  }

  /** Says what is wrong with the command line and where help is; returns {@link #USAGE}. */
  public int usageError(String message) {
    return usageError(List.of(message));
  }

  /** One line per problem, then where help is; returns {@link #USAGE}. */
  public int usageError(List<String> messages) {
    for (String message : messages) {
      err.println("warden: " + message);
    }
    err.println("Try 'warden --help'");
    err.flush();
    return USAGE;
  }

  /** One problem line on standard error. */
  public void error(String message) {
    err.println("warden: " + message);
    err.flush();
  }

  /** What a run did that is not its output, e.g. where a file went: one line on standard error. */
  public void note(String message) {
    err.println("warden: " + message);
    err.flush();
  }

  /** Something the user should know that does not stop the run. */
  public void warning(String message) {
    err.println("warden: warning: " + message);
    err.flush();
  }
}
