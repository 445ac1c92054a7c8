package dev.warden.cli;

import dev.warden.core.EngineStatus;
import dev.warden.core.Warden;
import dev.warden.core.har.HarOptions;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.OpenProxy;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.SettingsStore;
import dev.warden.core.settings.SettingsValidator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Warden without a window: loads the settings, applies the flags for this run only, starts the
 * proxy, prints the listening line and then the access log until it is stopped. With
 * {@code --export-squid} it writes the same settings as a Squid configuration instead and returns.
 *
 * <p>The running Warden is given an {@link InMemorySettingsStore}: nothing a headless run does can
 * rewrite the user's settings file. Threads: {@link #run} runs on the caller's (main) thread and
 * blocks; {@link #stop} may be called from any thread, typically the shutdown hook's.
 */
public final class HeadlessMode {

  /** Exit status when the proxy could not start, e.g. the port is in use. */
  public static final int START_FAILED = 1;

  /** Exchanges kept for the access-log writer: over 100 ms of traffic at 40,000 requests/s. */
  static final int LOG_CAPACITY = 4096;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(4);

  private final Terminal terminal;
  private final SettingsSnapshot settingsFile;
  private final Supplier<Path> defaultConfig;
  private final HeadlessOverrides overrides;
  private final Consumer<Runnable> onSignal;
  private final SettingsValidator validator = new SettingsValidator();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Runnable stopAction = () -> {};

  /**
   * @param terminal where the listening line, the access log and problems go
   * @param storeFor opens the settings file a run starts from (only a copy is read, never saved)
   * @param defaultConfig the settings file when {@code --config} is not given
   * @param overrides applies the flags
   * @param onSignal registers what to do when the process is told to stop (see {@link StopOnSignal})
   */
  public HeadlessMode(
      Terminal terminal,
      Function<Path, SettingsStore> storeFor,
      Supplier<Path> defaultConfig,
      HeadlessOverrides overrides,
      Consumer<Runnable> onSignal) {
    this.terminal = Objects.requireNonNull(terminal);
    this.settingsFile = new SettingsSnapshot(storeFor);
    this.defaultConfig = Objects.requireNonNull(defaultConfig);
    this.overrides = Objects.requireNonNull(overrides);
    this.onSignal = Objects.requireNonNull(onSignal);
  }

  /**
   * Runs until {@link #stop} (or a signal). Returns the exit status: 0 after a stop,
   * {@link Terminal#USAGE} for bad flags or invalid settings, {@link #START_FAILED} when the proxy
   * could not listen.
   */
  public int run(Arguments args) {
    Settings settings;
    try {
      // an export reads --user as the password of a stored user (see SquidExportCommand)
      Arguments applied = args.exportSquid().isPresent() ? args.withoutUsers() : args;
      settings = overrides.apply(baseSettings(args), applied, terminal::warning);
    } catch (UsageException e) {
      return terminal.usageError(e.getMessage());
    }
    if (args.exportSquid().isPresent()) {
      return new SquidExportCommand(terminal).run(settings, args);
    }
    settings = keepOnlyWhatTheLogNeeds(settings, args.har().isPresent());
    List<String> problems = Warden.problems(settings);
    if (!problems.isEmpty()) {
      return terminal.usageError(problems.stream().map(p -> "settings: " + p).toList());
    }

    // said before listening: the moment it listens, it can be used
    OpenProxy.warning(settings).ifPresent(terminal::warning);
    Warden warden = new Warden(new InMemorySettingsStore(settings), settings);
    HarRecording har = null;
    if (args.har().isPresent()) {
      try {
        // opened before listening: the first exchange already has somewhere to go
        har = HarRecording.start(
            warden.traffic(),
            args.har().get(),
            HarOptions.redacted(Version.of(HeadlessMode.class)));
      } catch (IOException | RuntimeException e) {
        closeWithin(warden, STOP_TIMEOUT);
        return terminal.usageError(
            "--har: cannot write '" + args.har().get() + "' (" + why(e) + ")");
      }
    }
    EngineStatus status = start(warden);
    if (!status.listening() || status.bound() == null) {
      terminal.error(status.message());
      closeWithin(warden, STOP_TIMEOUT);
      finish(har);
      return START_FAILED;
    }
    terminal.out().println(ListeningLine.of(status.bound(), settings));
    terminal.out().flush();
    validator.warnings(settings).forEach(terminal::warning);
    validator.digestGaps(settings).forEach(terminal::warning);

    // Own buffer, flushed per batch: System.out flushes on every newline, too slow under load.
    BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(terminal.out(), StandardCharsets.UTF_8), 1 << 16);
    AccessLog log = AccessLog.start(warden.traffic(), out, 0);
    // lockout news arrives on network or timer threads: written from a thread of its own
    java.util.concurrent.ExecutorService notices =
        java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "warden-lockout-notices");
          t.setDaemon(true);
          return t;
        });
    warden.onLockout(new dev.warden.core.auth.LockoutListener() {
      @Override
      public void started(dev.warden.core.auth.Lockout lockout) {
        notices.execute(
            () -> terminal.warning("lockout started: " + lockout.describe() + " in realm '"
                + lockout.realm() + "' after " + lockout.failures() + " failed logins"));
      }

      @Override
      public void ended(dev.warden.core.auth.Lockout lockout) {
        notices.execute(() -> terminal.warning(
            "lockout ended: " + lockout.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                + lockout.key() + " in realm '" + lockout.realm() + "'"));
      }
    });
    HarRecording recording = har;
    stopAction = () -> {
      closeWithin(warden, STOP_TIMEOUT);
      log.close(Duration.ofSeconds(1));
      finish(recording);
    };
    onSignal.accept(this::stop);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
    }
    return 0;
  }

  /**
   * Stops the proxy, writes the rest of the access log, and lets {@link #run} return 0. Blocks a few
   * seconds at most. Any thread; only the first call does anything.
   */
  public void stop() {
    if (stopped.getCount() == 0) {
      return;
    }
    synchronized (this) {
      if (stopped.getCount() == 0) {
        return;
      }
      try {
        stopAction.run();
      } finally {
        stopped.countDown();
      }
    }
  }

  /**
   * The window keeps bodies and thousands of exchanges to show them; the access log shows neither.
   * Every kept byte lives until the ring overwrites it, so under load it is copied by each young GC:
   * with the window's defaults, pauses reached 100 ms. Headless keeps no body bytes (sizes are still
   * counted) and a ring just deep enough to ride out a slow reader of stdout; with {@code --har} the
   * bodies' prefixes are kept, since the HAR is where they are asked for.
   */
  static Settings keepOnlyWhatTheLogNeeds(Settings settings, boolean har) {
    Settings ring = settings.withTrafficCapacity(LOG_CAPACITY);
    return har ? ring : ring.withBodyPrefixLimit(0);
  }

  private static String why(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "its folder does not exist";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "access denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Ends the HAR after the proxy stopped; says where it went, or why it could not be written. */
  private void finish(HarRecording har) {
    if (har == null) {
      return;
    }
    try {
      long written = har.close(STOP_TIMEOUT);
      terminal.note("wrote " + written + " exchanges to " + har.target());
    } catch (IOException e) {
      terminal.error("--har: could not write '" + har.target() + "': " + e.getMessage());
    }
  }

  private Settings baseSettings(Arguments args) throws UsageException {
    if (args.config().isPresent()) {
      Path file = args.config().get();
      if (!Files.exists(file)) {
        throw new UsageException("--config: '" + file + "' does not exist");
      }
      return settingsFile.load(file, "--config", terminal::warning);
    }
    Path file;
    try {
      file = defaultConfig.get();
    } catch (RuntimeException noConfigFolder) {
      terminal.warning(
          "no configuration folder (" + noConfigFolder.getMessage() + "); starting from defaults");
      return Settings.defaults();
    }
    return settingsFile.load(file, "", terminal::warning);
  }

  private static EngineStatus start(Warden warden) {
    try {
      return warden.start().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new EngineStatus(
          EngineStatus.State.FAILED,
          warden.settings().listen(),
          null,
          "could not start on " + warden.settings().listen() + ": " + cause.getMessage());
    }
  }

  /** Warden's close waits up to 15 s for the engine; a signalled stop must end sooner. */
  private static void closeWithin(Warden warden, Duration timeout) {
    Thread closer = new Thread(warden::close, "warden-close");
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
