package dev.warden.core.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where Squid's authentication helpers live: packages put them in different folders (Debian and
 * Ubuntu {@code /usr/lib/squid}, Fedora and RHEL {@code /usr/lib64/squid}, source builds
 * {@code /usr/local/libexec/squid}, Homebrew under {@code /opt/homebrew}). Reads the file system
 * (a few {@code stat} calls): call it off the FX thread.
 */
public final class SquidHelpers {

  /** Searched in this order; the first holds the helper where none exists on this machine. */
  public static final List<String> FOLDERS = List.of(
      "/usr/lib/squid",
      "/usr/lib64/squid",
      "/usr/libexec/squid",
      "/usr/local/libexec/squid",
      "/usr/local/squid/libexec",
      "/opt/homebrew/opt/squid/libexec",
      "/usr/local/opt/squid/libexec");

  public static final String BASIC = "basic_ncsa_auth";
  public static final String DIGEST = "digest_file_auth";

  private SquidHelpers() {}

  /** The helper's path on this machine, or the Debian path when no folder holds it. */
  public static String locate(String helper) {
    return locate(helper, Files::isRegularFile);
  }

  static String locate(String helper, Predicate<Path> exists) {
    for (String folder : FOLDERS) {
      Path candidate = Path.of(folder, helper);
      if (exists.test(candidate)) {
        return candidate.toString();
      }
    }
    return Path.of(FOLDERS.get(0), helper).toString();
  }
}
