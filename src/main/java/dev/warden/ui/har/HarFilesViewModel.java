package dev.warden.ui.har;

import dev.warden.core.har.HarCapture;
import dev.warden.core.har.HarOptions;
import dev.warden.core.har.HarReader;
import dev.warden.core.har.HarWriter;
import dev.warden.core.traffic.Exchange;
import dev.warden.ui.feedback.Notifier;
import dev.warden.ui.traffic.TrafficViewModel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Export to HAR, open a HAR read-only, save and open a session (a HAR of every row). The rows are
 * copied on the FX thread; files are written and read on {@code background}; results come back on
 * {@code fx}. No nodes.
 */
public final class HarFilesViewModel {

  private final TrafficViewModel traffic;
  private final String version;
  private final Executor background;
  private final Executor fx;
  private final Notifier notifier;
  private final BiConsumer<Path, HarCapture> show;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final java.util.function.Function<Exchange, java.util.Optional<String>> conversationOf;

  /**
   * @param conversationOf the conversation an exchange belongs to, written as {@code _warden.conversation}
   * @param show opens a read-only window over a capture read from a file, on the FX thread
   */
  public HarFilesViewModel(
      TrafficViewModel traffic,
      String version,
      java.util.function.Function<Exchange, java.util.Optional<String>> conversationOf,
      Executor background,
      Executor fx,
      Notifier notifier,
      BiConsumer<Path, HarCapture> show) {
    this.conversationOf = Objects.requireNonNull(conversationOf);
    this.traffic = Objects.requireNonNull(traffic);
    this.version = Objects.requireNonNull(version);
    this.background = Objects.requireNonNull(background);
    this.fx = Objects.requireNonNull(fx);
    this.notifier = Objects.requireNonNull(notifier);
    this.show = Objects.requireNonNull(show);
  }

  // Commands

  /** The exchanges {@code scope} takes now, oldest first. FX thread. */
  public List<Exchange> exchanges(HarScope scope) {
    return switch (scope) {
      case ALL -> List.copyOf(traffic.rows());
      case FILTERED -> traffic.filteredRows();
      case SELECTED ->
        traffic.selectedProperty().get() == null
            ? List.of()
            : List.of(traffic.selectedProperty().get());
    };
  }

  /**
   * Writes {@code scope}'s exchanges to {@code file} (through a temporary file beside it, so a failed
   * write leaves no half file). FX thread; the writing runs in the background.
   *
   * @param keepCredentials write Authorization and Proxy-Authorization as recorded (user names, never
   *     a password) instead of their scheme only
   */
  public void export(HarScope scope, boolean keepCredentials, Path file) {
    List<Exchange> chosen = exchanges(scope);
    if (chosen.isEmpty()) {
      notifier.error(
          scope == HarScope.SELECTED
              ? "Select an exchange to export it"
              : "No exchanges to export");
      return;
    }
    HarOptions options = HarOptions.redacted(version)
        .withKeptCredentials(keepCredentials)
        .withConversations(conversationOf);
    run(() -> {
      write(chosen, options, file);
      return "Exported " + chosen.size() + (chosen.size() == 1 ? " exchange" : " exchanges")
          + " to " + file + (keepCredentials ? "" : " (credentials redacted)");
    });
  }

  /** Saves every row as a session: a HAR with the credential fields as recorded (never a secret). */
  public void saveSession(Path file) {
    List<Exchange> all = exchanges(HarScope.ALL);
    HarOptions options =
        HarOptions.redacted(version).withKeptCredentials(true).withConversations(conversationOf);
    run(() -> {
      write(all, options, file);
      return "Session saved: " + all.size() + " exchanges in " + file;
    });
  }

  /** Reads a HAR (Warden's, a browser's, a saved session) and shows it read-only. FX thread. */
  public void open(Path file) {
    busy.set(true);
    background.execute(() -> {
      try (InputStream in = Files.newInputStream(file)) {
        HarCapture capture = HarReader.read(in);
        fx.execute(() -> {
          busy.set(false);
          show.accept(file, capture);
        });
      } catch (IOException | RuntimeException e) {
        fx.execute(() -> {
          busy.set(false);
          notifier.error("Cannot open " + file.getFileName() + ": " + message(e));
        });
      }
    });
  }

  private interface Work {
    String run() throws IOException;
  }

  private void run(Work work) {
    busy.set(true);
    background.execute(() -> {
      String done;
      try {
        done = work.run();
      } catch (IOException | RuntimeException e) {
        fx.execute(() -> {
          busy.set(false);
          notifier.error("Export failed: " + message(e));
        });
        return;
      }
      fx.execute(() -> {
        busy.set(false);
        notifier.info(done);
      });
    });
  }

  private static void write(List<Exchange> exchanges, HarOptions options, Path file)
      throws IOException {
    Path target = file.toAbsolutePath();
    Path temp = target.resolveSibling(target.getFileName() + ".partial");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
      HarWriter.write(exchanges, out, options);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String message(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException n) {
      return n.getFile() + " does not exist";
    }
    if (e instanceof java.nio.file.AccessDeniedException a) {
      return "access to " + a.getFile() + " was denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  // Accessors

  /** True while a file is being written or read. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
