package dev.warden.cli;

import dev.warden.core.export.SquidExport;
import dev.warden.core.export.SquidExportFolder;
import dev.warden.core.export.SquidExportOptions;
import dev.warden.core.export.SquidFiles;
import dev.warden.core.settings.Settings;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code --export-squid DIR}: writes the settings of this run as a Squid configuration, prints what
 * it wrote and which users need a password, and returns the exit status (0 written,
 * {@link Terminal#USAGE} with one line when DIR cannot take the export). Each {@code --user
 * NAME:PASSWORD} is the password of a user already in the settings (of every realm holding that
 * name), used where Squid cannot read the stored hash, then wiped; it adds no user. Main thread;
 * blocks on disk.
 */
final class SquidExportCommand {

  private final Terminal terminal;

  SquidExportCommand(Terminal terminal) {
    this.terminal = Objects.requireNonNull(terminal);
  }

  int run(Settings settings, Arguments args) {
    Path folder;
    SquidExportOptions options;
    try {
      folder = args.exportSquid().orElseThrow().toAbsolutePath().normalize();
      options = SquidExportOptions.forFolder(folder);
    } catch (IllegalArgumentException e) {
      terminal.error("--export-squid: " + e.getMessage());
      return Terminal.USAGE;
    }
    Map<String, char[]> typed = new LinkedHashMap<>();
    args.users().forEach(user -> typed.put(user.name(), user.password()));
    typed.keySet().stream()
        .filter(name ->
            settings.realms().stream().noneMatch(realm -> realm.user(name).isPresent()))
        .forEach(name -> terminal.warning(
            "--user: no user '" + name + "' in the settings; its password is not used"));
    List<String> written;
    SquidFiles files;
    try {
      files = SquidExport.files(settings, options.withTypedPasswords(typed));
      written = SquidExportFolder.write(folder, files, args.replaceExport());
    } catch (DirectoryNotEmptyException e) {
      terminal.error("--export-squid: '" + folder
          + "' is not empty (choose an empty folder or add --replace-export)");
      return Terminal.USAGE;
    } catch (NotDirectoryException e) {
      terminal.error("--export-squid: '" + folder + "' is a file, not a folder");
      return Terminal.USAGE;
    } catch (IOException e) {
      terminal.error("--export-squid: cannot write '" + folder + "': " + reason(e));
      return Terminal.USAGE;
    } finally {
      typed.values().forEach(password -> Arrays.fill(password, '\0'));
    }
    terminal.out().println("wrote " + String.join(", ", written) + " to " + folder);
    if (files.needPassword().isEmpty()) {
      terminal.out().println("every enabled user exported");
    } else {
      terminal
          .out()
          .println("left out until their password is typed again (--user NAME:PASSWORD): "
              + String.join(", ", files.needPassword()));
    }
    files.notes().forEach(note -> terminal.out().println("note: " + note));
    terminal.out().flush();
    return 0;
  }

  private static String reason(IOException e) {
    String kind = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
  }
}
