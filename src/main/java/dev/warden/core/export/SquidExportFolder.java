package dev.warden.core.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a {@link SquidFiles} export as one folder that appears whole or not at all: the files go to
 * a hidden folder beside the target, which is then renamed to the target. An existing non-empty
 * folder is refused unless replacing is asked for; then it is moved aside first and deleted after the
 * rename. The password files are owner-only (0600) on POSIX file systems. Blocking file I/O: call it
 * on a worker thread, never the FX thread. Not synchronized: callers serialize exports to one folder.
 */
public final class SquidExportFolder {

  private SquidExportFolder() {}

  /**
   * Writes the files into {@code folder}.
   *
   * @param replace delete what a non-empty {@code folder} holds (only after the new files are complete)
   * @throws DirectoryNotEmptyException when {@code folder} holds files and {@code replace} is off
   * @throws IOException naming the file or folder that failed; the target is then as it was
   */
  public static List<String> write(Path folder, SquidFiles files, boolean replace)
      throws IOException {
    Path target = folder.toAbsolutePath().normalize();
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new NotDirectoryException(target.toString());
    }
    boolean existing = Files.isDirectory(target);
    if (existing && !replace && !isEmpty(target)) {
      throw new DirectoryNotEmptyException(target.toString());
    }
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
    Path aside = null;
    boolean done = false;
    try {
      write(staging.resolve(SquidFiles.SQUID_CONF), files.squidConf(), false);
      if (files.passwords().isPresent()) {
        write(staging.resolve(SquidFiles.PASSWORDS), files.passwords().get(), true);
      }
      if (files.digestPasswords().isPresent()) {
        write(
            staging.resolve(SquidFiles.DIGEST_PASSWORDS),
            files.digestPasswords().get(),
            true);
      }
      write(staging.resolve(SquidFiles.README), files.readme(), false);
      if (existing) {
        // rename(2) replaces only an empty folder: a full one is moved aside, then deleted
        aside = Files.createTempDirectory(parent, "." + target.getFileName() + ".old.");
        Files.delete(aside);
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (aside != null) {
          Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
          aside = null;
        }
        throw e;
      }
      done = true;
    } finally {
      if (!done) {
        deleteTree(staging);
      }
      if (aside != null) {
        deleteTree(aside);
      }
    }
    return files.fileNames();
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void write(Path file, String content, boolean secret) throws IOException {
    if (secret && isPosix(file)) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a leftover hidden folder beside the export is untidy, not wrong: the export itself is whole
    }
  }
}
