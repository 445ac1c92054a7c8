package dev.warden.core.export;

import dev.warden.core.settings.ListenAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to export: where the files will live (squid.conf names them by absolute path), the helper
 * programs, an optional listen address instead of Warden's, and passwords typed again for users whose
 * stored hash Squid cannot read. The passwords are not copied: the caller owns and may wipe them
 * after the export. Not thread-safe while the caller changes the map.
 *
 * @param folder the export folder, absolute, without whitespace (squid.conf cannot quote paths)
 * @param basicHelper path of {@code basic_ncsa_auth}
 * @param digestHelper path of {@code digest_file_auth}
 * @param listen where Squid listens; empty: Warden's listen address (port 0 becomes 3128)
 * @param typedPasswords user name to password, for users stored as PBKDF2 or {SHA}
 */
public record SquidExportOptions(
    Path folder,
    String basicHelper,
    String digestHelper,
    Optional<ListenAddress> listen,
    Map<String, char[]> typedPasswords) {

  public SquidExportOptions {
    Objects.requireNonNull(folder, "folder");
    if (!folder.isAbsolute()) {
      throw new IllegalArgumentException("the export folder must be an absolute path: " + folder);
    }
    if (!SquidText.isToken(folder.toString())) {
      throw new IllegalArgumentException(
          "'" + folder + "': squid.conf cannot name a folder with spaces or control characters");
    }
    Objects.requireNonNull(basicHelper, "basicHelper");
    Objects.requireNonNull(digestHelper, "digestHelper");
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(typedPasswords, "typedPasswords");
  }

  /** Helpers found on this machine, Warden's listen address, no typed passwords. Reads the disk. */
  public static SquidExportOptions forFolder(Path folder) {
    return new SquidExportOptions(
        folder.toAbsolutePath().normalize(),
        SquidHelpers.locate(SquidHelpers.BASIC),
        SquidHelpers.locate(SquidHelpers.DIGEST),
        Optional.empty(),
        Map.of());
  }

  public SquidExportOptions withListen(ListenAddress value) {
    return new SquidExportOptions(
        folder, basicHelper, digestHelper, Optional.of(value), typedPasswords);
  }

  public SquidExportOptions withTypedPasswords(Map<String, char[]> value) {
    return new SquidExportOptions(folder, basicHelper, digestHelper, listen, value);
  }
}
