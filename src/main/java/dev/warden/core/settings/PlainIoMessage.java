package dev.warden.core.settings;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns an I/O failure into words for the user: the NIO exceptions carry the file in their message
 * but not what went wrong ({@code NoSuchFileException: /x/y}). Stateless; any thread.
 */
final class PlainIoMessage {

  private PlainIoMessage() {}

  static String of(IOException e) {
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      String file = fs.getFile();
      if (e instanceof NoSuchFileException) {
        return file + " does not exist";
      }
      if (e instanceof AccessDeniedException) {
        return "access to " + file + " was denied";
      }
      if (e instanceof NotDirectoryException) {
        return file + " is a file, not a folder";
      }
      if (e instanceof DirectoryNotEmptyException) {
        return file + " is a folder that is not empty";
      }
      if (e instanceof FileAlreadyExistsException) {
        return file + " already exists";
      }
      String other = fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile();
      return file + other + ": "
          + (fs.getReason() == null ? e.getClass().getSimpleName() : fs.getReason());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
