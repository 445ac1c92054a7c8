package dev.warden.cli;

/**
 * The command line cannot be run as written: an unknown flag, a missing or malformed value, an
 * unreadable users file, invalid settings. The message is one line for the user, without the
 * {@code warden:} prefix, and never contains a password.
 */
public final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null, false, false);
  }
}
