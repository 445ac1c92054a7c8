package dev.warden.core.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content so that a crash or a failure at any point leaves either the old content
 * or the new content, never a mix: the bytes go to a temporary file beside the target, are forced to
 * disk, and the temporary file is then renamed over the target. The target ends up owner-only (0600)
 * on POSIX file systems, whatever it was before ({@link OwnerOnly}). Not synchronized: callers serialize
 * writes to the same target.
 */
final class AtomicFile {

  private AtomicFile() {}

  /**
   * Writes {@code content} to {@code target}, creating missing parent folders. On failure the target
   * is as it was and the temporary file is gone.
   *
   * @throws IOException naming the file or folder that failed
   */
  static void replace(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    try {
      Files.createDirectories(folder);
    } catch (FileAlreadyExistsException e) {
      NotDirectoryException plain = new NotDirectoryException(folder.toString());
      plain.initCause(e);
      throw plain;
    }
    // Owner-only from creation: the file holds password hashes and H(A1) values. The rename keeps
    // the temp file's permissions, so this also tightens a target that others could read.
    Path temp = Files.createTempFile(
        folder, "." + absolute.getFileName() + ".", ".tmp", OwnerOnly.attributes(folder));
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      move(temp, absolute);
      moved = true;
      syncFolder(folder);
    } finally {
      if (!moved) {
        deleteQuietly(temp);
      }
    }
  }

  /**
   * Deletes the temporary files {@link #replace} left beside {@code target} when the process died
   * between creating and renaming one (a SIGKILL or a power cut mid-save): each holds a full copy of
   * the settings, password hashes included. Only files named as {@link #replace} names them and
   * last modified more than {@code olderThan} ago are deleted, so a save another Warden is making
   * right now (a few milliseconds) is left alone. Never throws: what cannot be deleted stays.
   *
   * @return how many files were deleted
   */
  static int sweepLeftovers(Path target, java.time.Duration olderThan) {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    String prefix = "." + absolute.getFileName() + ".";
    long cutoff = System.currentTimeMillis() - olderThan.toMillis();
    int deleted = 0;
    try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if (isTempName(name, prefix)
            && Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    .toMillis()
                < cutoff
            && Files.deleteIfExists(entry)) {
          deleted++;
        }
      }
    } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
      // No folder yet, or one Warden may not list: nothing of ours can be in it, or nothing can be
      // done.
    }
    return deleted;
  }

  /** {@code .settings.json.} + the digits {@link Files#createTempFile} adds + {@code .tmp}. */
  private static boolean isTempName(String name, String prefix) {
    if (!name.startsWith(prefix)
        || !name.endsWith(".tmp")
        || name.length() <= prefix.length() + 4) {
      return false;
    }
    String middle = name.substring(prefix.length(), name.length() - 4);
    return middle.chars().allMatch(Character::isDigit);
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      if (Files.isDirectory(target)) {
        throw new IOException(target + " is a folder, not a file", e);
      }
      throw e;
    }
  }

  /**
   * Makes the rename itself durable on Linux. Other platforms cannot open a folder as a channel;
   * there the rename is as durable as the file system makes it, which is the best on offer.
   */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The new content is already in place; only its durability across a power cut is weaker.
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // The write already failed and that failure is what the caller needs to hear about; a stray
      // hidden temp file is harmless and the next successful save does not depend on it.
    }
  }
}
