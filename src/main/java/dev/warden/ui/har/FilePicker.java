package dev.warden.ui.har;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a file. FX thread. Tests give one that answers without a native dialog. */
public interface FilePicker {

  /** A file to write, or empty when the user cancelled. */
  Optional<Path> save(String title, String suggestedName);

  /** A file to read, or empty when the user cancelled. */
  Optional<Path> open(String title);
}
