package dev.warden.core.connect;

/**
 * The sentences that say where a snippet's password comes from, so no snippet ever holds one.
 * Pure; any thread.
 */
final class PasswordSource {

  private PasswordSource() {}

  /** A shell comment: set {@code WARDEN_PASSWORD} first, without echo, and encode it for a URL. */
  static String shellVariable(String user) {
    return "# " + user + "'s password comes from $" + ClientSetup.PASSWORD_VARIABLE
        + ": set it first, without echo: read -rs " + ClientSetup.PASSWORD_VARIABLE
        + " (bash, zsh)\n"
        + "# in a URL, write @ : / % in the password as %40 %3A %2F %25\n";
  }

  /** A comment line for a file that cannot read a variable: the placeholder to replace. */
  static String placeholder(String comment, String user) {
    return comment + " replace PASSWORD with " + user
        + "'s password (percent-encoded: @ : / % as %40 %3A %2F %25)\n";
  }
}
