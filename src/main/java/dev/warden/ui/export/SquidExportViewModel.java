package dev.warden.ui.export;

import dev.warden.core.export.SquidExport;
import dev.warden.core.export.SquidExportFolder;
import dev.warden.core.export.SquidExportOptions;
import dev.warden.core.export.SquidFiles;
import dev.warden.core.settings.Settings;
import dev.warden.ui.feedback.Notifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * "Export to Squid": writes the settings in force as a Squid configuration into a folder the user
 * chose, or into {@value #SUBFOLDER} inside it when the chosen folder already holds files (an export
 * never overwrites the user's files), and says what it wrote and which users need their password.
 *
 * <p>{@link #export} is called on the FX thread and returns at once: finding helpers, hashing and
 * writing run on {@code background}; the outcome comes back through {@code fx}.
 */
public final class SquidExportViewModel {

  static final String SUBFOLDER = "warden-squid-export";

  private final Supplier<Settings> settings;
  private final Executor background;
  private final Executor fx;
  private final Notifier notifier;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

  public SquidExportViewModel(
      Supplier<Settings> settings, Executor background, Executor fx, Notifier notifier) {
    this.settings = Objects.requireNonNull(settings);
    this.background = Objects.requireNonNull(background);
    this.fx = Objects.requireNonNull(fx);
    this.notifier = Objects.requireNonNull(notifier);
  }

  /** True from {@link #export} until its outcome is shown: a second export waits. FX thread. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Exports into {@code chosen} (or a new folder inside it). FX thread; does no I/O itself. */
  public void export(Path chosen) {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    Settings snapshot = settings.get();
    background.execute(() -> {
      String message;
      boolean ok;
      try {
        Path target = target(chosen.toAbsolutePath().normalize());
        SquidFiles files = SquidExport.files(snapshot, SquidExportOptions.forFolder(target));
        SquidExportFolder.write(target, files, false);
        message = "Squid configuration written to " + target
            + (files.needPassword().isEmpty()
                ? "."
                : "; left out until their password is given " + "(see README-export.txt): "
                    + String.join(", ", files.needPassword()) + ".");
        ok = true;
      } catch (IOException | RuntimeException e) {
        message = "Could not export to Squid: " + Notifier.describe(e);
        ok = false;
      }
      String shown = message;
      boolean succeeded = ok;
      fx.execute(() -> {
        busy.set(false);
        if (succeeded) {
          notifier.info(shown);
        } else {
          notifier.error(shown);
        }
      });
    });
  }

  /** The chosen folder when it is empty, else a subfolder that does not hold files yet. */
  private static Path target(Path chosen) throws IOException {
    if (!Files.exists(chosen) || isEmpty(chosen)) {
      return chosen;
    }
    Path inside = chosen.resolve(SUBFOLDER);
    if (!Files.exists(inside) || isEmpty(inside)) {
      return inside;
    }
    throw new IOException(chosen + " and " + inside + " both hold files; choose an empty folder");
  }

  private static boolean isEmpty(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }
}
