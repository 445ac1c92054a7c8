package dev.warden.core.settings;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Keeps settings in one JSON file (format: {@link SettingsJson}), usually
 * {@link ConfigDirectory#settingsFile()}.
 *
 * <p>Loading first deletes what a save cut short left beside the file: temporary copies of the
 * settings (password hashes included) older than a minute ({@link AtomicFile#sweepLeftovers}).
 *
 * <p>Loading never fails and never loses a file: one that cannot be read, parsed or validated is
 * renamed to {@code settings.json.corrupt-yyyyMMdd-HHmmss} beside it (with {@code -2}, {@code -3}...
 * rather than overwrite an earlier one), and the defaults are returned with a notice. Saving
 * validates first and replaces the file atomically ({@link AtomicFile}), so a failed save leaves the
 * previous file exactly as it was.
 *
 * <p>Formats: a file of an older format ({@link SettingsJson}) is read and said to be migrated; the
 * first save over it first copies its exact bytes to {@code settings.json.v1} beside it (only if that
 * name is free: an existing copy is never overwritten), so the user can go back to an older Warden.
 * A file of a newer format is left where it is, byte for byte, and refused: the defaults are
 * returned with a notice, and saves are refused while it is there, since this version would drop
 * what it does not know.
 *
 * <p>Permissions: the file holds password hashes and H(A1) values, so on POSIX file systems it and
 * the {@code .v1} copy are written owner-only (0600); a loaded file that group or others can read
 * gives a warning, and the next save writes it owner-only.
 *
 * <p>Thread-safe: loads and saves are serialized. Both do blocking file I/O; call them off network
 * threads and off the JavaFX thread.
 */
public final class JsonSettingsStore implements SettingsStore {

  private static final DateTimeFormatter KEPT_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** Enough for a file broken every second for a quarter of an hour; beyond that, stop trying. */
  private static final int MAX_KEPT_SUFFIX = 1000;

  /**
   * How old a temporary file of a save must be before a load deletes it as a leftover: a save takes
   * milliseconds, so older ones belong to a Warden that died mid-save.
   */
  private static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofMinutes(1);

  private final Path file;
  private final Clock clock;
  private final SettingsValidator validator = new SettingsValidator();
  private final Object lock = new Object();

  /** A store over {@code file}; nothing is read or created until {@link #load} or {@link #save}. */
  public JsonSettingsStore(Path file) {
    this(file, Clock.systemDefaultZone());
  }

  /** @param clock stamps the names of kept corrupt files, in its time zone */
  JsonSettingsStore(Path file, Clock clock) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public LoadedSettings load() {
    synchronized (lock) {
      AtomicFile.sweepLeftovers(file, LEFTOVER_AGE);
      byte[] json;
      try {
        json = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        return LoadedSettings.clean(Settings.defaults());
      } catch (IOException e) {
        return setAside("it could not be read: " + PlainIoMessage.of(e));
      }
      SettingsJson.Contents contents;
      try {
        contents = SettingsJson.read(json);
      } catch (SettingsJson.NewerFormatException e) {
        return leaveInPlace(e.getMessage());
      } catch (SettingsJson.UnreadableException e) {
        return setAside(e.getMessage());
      }
      Settings settings = contents.settings();
      List<String> problems = validator.problems(settings);
      if (!problems.isEmpty()) {
        return setAside("it holds settings Warden refuses: " + String.join("; ", problems));
      }
      Optional<String> migration = contents.format() == SettingsJson.FORMAT
          ? Optional.empty()
          : Optional.of("Settings were migrated from format " + contents.format() + " to format "
              + SettingsJson.FORMAT + "; the first save keeps the old file as "
              + keptOldName(contents.format()));
      List<String> warnings = OwnerOnly.othersCanRead(file)
          ? List.of(
              file.getFileName() + " is readable by other users; Warden will write it owner-only "
                  + "on the next save")
          : List.of();
      return new LoadedSettings(settings, Optional.empty(), migration, warnings);
    }
  }

  /** The name the bytes of a file of an older {@code format} are kept under: settings.json.v1. */
  private String keptOldName(int format) {
    return file.getFileName() + ".v" + format;
  }

  /**
   * A newer Warden's file must stay exactly where that Warden looks for it; {@link #save} refuses to
   * replace it.
   */
  private LoadedSettings leaveInPlace(String reason) {
    String notice = "Warden could not use the settings file " + file + " because " + reason
        + ". The file was kept as it is, Warden started from the default settings, and changes "
        + "cannot be saved until the file is moved away or a newer Warden is used.";
    return new LoadedSettings(Settings.defaults(), Optional.of(notice));
  }

  /** Moves the unusable file out of the way so the next save cannot destroy what the user had. */
  private LoadedSettings setAside(String reason) {
    String base = file.getFileName() + ".corrupt-" + LocalDateTime.now(clock).format(KEPT_STAMP);
    String notice;
    try {
      Path kept = moveToFreeName(base);
      notice = "Warden could not use the settings file " + file + " because " + reason
          + ". The file was kept as " + kept + ", and Warden started from the default settings.";
    } catch (IOException e) {
      notice = "Warden could not use the settings file " + file + " because " + reason
          + ". It could not be kept under another name either (" + PlainIoMessage.of(e)
          + "), so saving settings will replace it. Warden started from the default settings.";
    }
    return new LoadedSettings(Settings.defaults(), Optional.of(notice));
  }

  private Path moveToFreeName(String base) throws IOException {
    for (int n = 1; n <= MAX_KEPT_SUFFIX; n++) {
      Path kept = file.resolveSibling(n == 1 ? base : base + "-" + n);
      try {
        // Without REPLACE_EXISTING the move refuses to overwrite an earlier kept file.
        Files.move(file, kept);
        return kept;
      } catch (FileAlreadyExistsException e) {
        // taken by an earlier failure in the same second: try the next suffix
      }
    }
    throw new IOException("every name up to " + base + "-" + MAX_KEPT_SUFFIX + " is taken");
  }

  /**
   * Validates, then replaces the file atomically, creating its folder if needed.
   *
   * @throws SettingsException listing the problems when the settings are invalid, or with a message
   *     naming the file and the reason when it could not be written; either way the file on disk is
   *     unchanged
   */
  @Override
  public void save(Settings settings) throws SettingsException {
    Objects.requireNonNull(settings, "settings");
    List<String> problems = validator.problems(settings);
    if (!problems.isEmpty()) {
      throw new SettingsException(
          "The settings were not saved: " + String.join("; ", problems), problems, null);
    }
    byte[] json = SettingsJson.write(settings);
    synchronized (lock) {
      try {
        keepOlderFormat();
        AtomicFile.replace(file, json);
      } catch (IOException | SecurityException | UnsupportedOperationException e) {
        String reason = e instanceof IOException io ? PlainIoMessage.of(io) : e.getMessage();
        String message = "Could not save settings to " + file + ": " + reason;
        throw new SettingsException(message, List.of(message), e);
      }
    }
  }

  /**
   * Looks at the file about to be replaced: a newer format is refused, an older one is first copied
   * to its {@code .vN} name unless that name is taken. Reading the file again here rather than
   * remembering the load also covers a file another Warden wrote since.
   *
   * @throws SettingsException when the file is of a newer format
   * @throws IOException when the old file could not be kept: then it is not replaced either
   */
  private void keepOlderFormat() throws IOException, SettingsException {
    byte[] current;
    try {
      current = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      // Unreadable now: nothing can be kept, and replacing it is what the save is for.
      return;
    }
    OptionalInt format = SettingsJson.formatOf(current);
    if (format.isEmpty() || format.getAsInt() == SettingsJson.FORMAT) {
      return;
    }
    if (format.getAsInt() > SettingsJson.FORMAT) {
      String message =
          "Could not save settings to " + file + ": it is in format " + format.getAsInt()
              + ", written by a newer version of Warden, and this version leaves it untouched";
      throw new SettingsException(message);
    }
    if (format.getAsInt() < SettingsJson.OLDEST_FORMAT) {
      return;
    }
    try {
      OwnerOnly.createNew(file.resolveSibling(keptOldName(format.getAsInt())), current);
    } catch (FileAlreadyExistsException e) {
      // Kept by an earlier save (or by the user): that copy is the one to keep.
    }
  }

  /** The absolute path of the settings file. */
  @Override
  public String location() {
    return file.toString();
  }

  /** The settings file, for callers that show or open it. */
  public Path file() {
    return file;
  }
}
