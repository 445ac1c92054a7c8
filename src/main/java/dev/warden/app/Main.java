package dev.warden.app;

import dev.warden.cli.About;
import dev.warden.cli.Arguments;
import dev.warden.cli.HeadlessMode;
import dev.warden.cli.HeadlessOverrides;
import dev.warden.cli.ProfileList;
import dev.warden.cli.StopOnSignal;
import dev.warden.cli.Terminal;
import dev.warden.cli.UsageException;
import dev.warden.cli.UsersFile;
import dev.warden.cli.Version;
import dev.warden.core.Warden;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.settings.ConfigDirectory;
import dev.warden.core.settings.JsonSettingsStore;
import dev.warden.core.settings.LoadedSettings;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.SettingsStore;
import dev.warden.log.WardenLog;
import dev.warden.ui.GuiLauncher;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Warden's entry point: parses the command line once and hands over to the window or to headless
 * mode. Wiring only.
 *
 * <p>Headless mode must not load a single JavaFX class. The window is reached only through
 * {@link #window}, whose call to {@link GuiLauncher} HotSpot resolves lazily, on first execution; a
 * test runs headless mode with {@code -verbose:class} to prove no {@code javafx.} class is loaded.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Terminal terminal = Terminal.system();
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (UsageException e) {
      System.exit(terminal.usageError(e.getMessage()));
      return;
    }
    if (arguments.help()) {
      terminal.printHelp();
    } else if (arguments.version()) {
      terminal.printVersion(Version.of(Main.class));
    } else if (arguments.about()) {
      terminal.print(About.text(
          Version.of(Main.class), arguments.config().orElseGet(Main::defaultSettingsFile)));
    } else if (arguments.listProfiles()) {
      terminal.print(ProfileList.text());
    } else if (arguments.headless() || arguments.exportSquid().isPresent()) {
      writeLogBeside(arguments.config().orElseGet(Main::defaultSettingsFile));
      System.exit(headless(terminal).run(arguments));
    } else {
      writeLogBeside(arguments.config().orElseGet(Main::defaultSettingsFile));
      window(arguments);
      System.exit(0);
    }
  }

  /**
   * Warden's own log, {@code warden.log} in the settings file's folder: warnings, errors with their
   * stack traces, lockouts. Warden runs on without it (logging to stderr only) when it cannot be
   * opened.
   */
  private static void writeLogBeside(Path settingsFile) {
    Path folder = settingsFile.toAbsolutePath().getParent();
    try {
      WardenLog.writeTo(folder);
    } catch (IOException | RuntimeException e) {
      System.err.println("Warden cannot write its log file in " + folder + ": " + e.getMessage());
    }
  }

  private static HeadlessMode headless(Terminal terminal) {
    return new HeadlessMode(
        terminal,
        Main::settingsStore,
        Main::defaultSettingsFile,
        new HeadlessOverrides(hasher()::hash, UsersFile::read),
        StopOnSignal::install);
  }

  /**
   * The hasher of {@code --user} passwords: {@value #COMMAND_LINE_ITERATIONS} PBKDF2 iteration,
   * salted, checked in constant time like every hash.
   *
   * <p>Why not Warden's storage cost ({@link PasswordHasher#ITERATIONS}): a {@code --user} password
   * is in the process's command line, which {@code ps} and {@code /proc/PID/cmdline} show to every
   * local user while Warden runs (and a heap dump holds it too, as {@code sun.java.command}), and
   * headless Warden never saves it. A slow hash guards a stored hash whose password is not known;
   * here it would guard nothing and cost every start 600,000 iterations (0.45 s, half of headless
   * start-up). Misses stay padded to the realm's slowest hash ({@code CredentialVerifier}), so a
   * cheap hash shows no one which user names exist. Passwords the window saves keep the storage cost.
   */
  private static PasswordHasher hasher() {
    return new PasswordHasher(COMMAND_LINE_ITERATIONS);
  }

  static final int COMMAND_LINE_ITERATIONS = 1;

  private static void window(Arguments arguments) {
    SettingsStore store = settingsStore(arguments.config().orElseGet(Main::defaultSettingsFile));
    LoadedSettings loaded = store.load();
    Settings settings = loaded.settings();
    if (arguments.listen().isPresent()) {
      settings = settings.withListen(arguments.listen().get());
    }
    // The launcher closes the core once the window has closed; Warden.close() must run only once.
    GuiLauncher.launch(new Warden(store, settings), loaded.message());
  }

  private static SettingsStore settingsStore(Path file) {
    return new JsonSettingsStore(file);
  }

  private static Path defaultSettingsFile() {
    return ConfigDirectory.ofThisMachine().settingsFile();
  }
}
