package dev.warden.cli;

import dev.warden.core.settings.LoadedSettings;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the settings a headless run starts from, without touching the file.
 *
 * <p>A settings store that finds a broken file sets it aside under a new name and starts from the
 * defaults: right for the window, where the user sees a notice, wrong for a headless run, which must
 * neither change the user's files nor quietly run with settings other than the ones it was given. So
 * the store reads a throwaway copy, and a broken file is a usage error naming the reason. The copy
 * is deleted at once; copies left by runs killed meanwhile are deleted by the next run. Call on one
 * thread; does blocking file I/O.
 */
public final class SettingsSnapshot {

  private static final String COPY_PREFIX = "warden-settings-";
  private static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofMinutes(1);

  private final Function<Path, SettingsStore> storeFor;

  /** @param storeFor opens a store over a settings file (only {@code load} is called) */
  public SettingsSnapshot(Function<Path, SettingsStore> storeFor) {
    this.storeFor = Objects.requireNonNull(storeFor);
  }

  /**
   * The settings in {@code file}, or the defaults when it does not exist.
   *
   * @param flag the flag that named the file, for messages ("--config"), or empty for the default
   * @throws UsageException when the file cannot be read or holds settings Warden refuses
   */
  public Settings load(Path file, String flag) throws UsageException {
    return load(file, flag, warning -> {});
  }

  /**
   * As {@link #load(Path, String)}, telling {@code warnings} what the store warns about the file (e.g.
   * that other users can read it). That the file is of an older format is not told: a headless run
   * reads it as it is and never rewrites it.
   */
  public Settings load(Path file, String flag, Consumer<String> warnings) throws UsageException {
    String prefix = flag.isEmpty() ? "" : flag + ": ";
    Path copyDir;
    try {
      copyDir = Files.createTempDirectory(COPY_PREFIX);
      sweepLeftovers(copyDir);
    } catch (IOException e) {
      throw new UsageException(
          prefix + "no temporary folder to read '" + file + "' safely: " + e.getMessage());
    }
    try {
      Path copy = copyDir.resolve(file.getFileName().toString());
      try {
        // COPY_ATTRIBUTES: the store judges the copy's permissions as the file's own.
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
      } catch (NoSuchFileException e) {
        return Settings.defaults();
      } catch (IOException e) {
        throw new UsageException(prefix + "'" + file + "' cannot be read: " + e.getMessage());
      }
      LoadedSettings loaded = storeFor.apply(copy).load();
      if (loaded.notice().isPresent()) {
        throw new UsageException(prefix + "'" + file + "' cannot be used (it was left unchanged): "
            + reason(loaded.notice().get(), copy, file));
      }
      loaded
          .warnings()
          .forEach(w -> warnings.accept(
              prefix + w.replace(copy.toAbsolutePath().toString(), file.toString())));
      return loaded.settings();
    } finally {
      deleteQuietly(copyDir);
    }
  }

  /**
   * The store's notice speaks of the copy and of keeping it aside; the user needs the reason, about
   * their own file.
   */
  private static String reason(String notice, Path copy, Path file) {
    String text = notice.replace(copy.toAbsolutePath().toString(), file.toString());
    int because = text.indexOf(" because ");
    int kept = text.indexOf(". The file was kept");
    if (kept < 0) {
      kept = text.indexOf(". It could not be kept");
    }
    return because >= 0 && kept > because
        ? text.substring(because + " because ".length(), kept)
        : text;
  }

  /**
   * Deletes the copies earlier runs left when they were killed between copying and deleting (they
   * hold password hashes): folders named like {@code fresh}, beside it, of the same owner, older
   * than a minute (a run reads its copy within milliseconds, so a concurrent run's is left alone).
   */
  static void sweepLeftovers(Path fresh) {
    Path temp = fresh.getParent();
    long cutoff = System.currentTimeMillis() - LEFTOVER_AGE.toMillis();
    try (java.nio.file.DirectoryStream<Path> copies =
        Files.newDirectoryStream(temp, COPY_PREFIX + "*")) {
      java.nio.file.attribute.UserPrincipal me = Files.getOwner(fresh);
      for (Path copy : copies) {
        if (!copy.equals(fresh)
            && Files.isDirectory(copy, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            && me.equals(Files.getOwner(copy, java.nio.file.LinkOption.NOFOLLOW_LINKS))
            && Files.getLastModifiedTime(copy, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    .toMillis()
                < cutoff) {
          deleteQuietly(copy);
        }
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // a temp folder that cannot be listed or has no owners: nothing more can be done here
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover file in the temp folder is harmless
    }
  }
}
