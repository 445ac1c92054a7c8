package dev.warden.core.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Owner-only permissions (0600, {@code rw-------}) for the files that hold password hashes and
 * H(A1) values: an H(A1) is as good as the password for Digest, so nobody but the owner may read
 * them. On file systems without POSIX permissions (Windows) everything here does nothing: there the
 * user's profile folder is already private. Stateless; any thread; blocking file I/O.
 */
final class OwnerOnly {

  private static final Set<PosixFilePermission> OWNER_READ_WRITE =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private static final Set<PosixFilePermission> OTHERS_READ =
      EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

  private OwnerOnly() {}

  /**
   * The attributes that create a file as 0600 in {@code folder}: none where the file system has no
   * POSIX permissions. Set at creation, so there is no moment where the file is readable by others.
   */
  static FileAttribute<?>[] attributes(Path folder) {
    return isPosix(folder)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
        : new FileAttribute<?>[0];
  }

  /**
   * Whether group or others may read {@code file}; false where the file system has no POSIX
   * permissions or they cannot be read.
   */
  static boolean othersCanRead(Path file) {
    if (!isPosix(file)) {
      return false;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.stream().anyMatch(OTHERS_READ::contains);
    } catch (IOException | UnsupportedOperationException e) {
      // Unknown permissions are not evidence of a problem; the next save writes 0600 anyway.
      return false;
    }
  }

  /**
   * Creates {@code file} owner-only with {@code content}, forced to disk.
   *
   * @throws java.nio.file.FileAlreadyExistsException when it exists: it is never overwritten
   */
  static void createNew(Path file, byte[] content) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    try (SeekableByteChannel channel = Files.newByteChannel(
        file,
        EnumSet.of(
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC),
        attributes(folder))) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
