package dev.warden.core;

import dev.warden.core.auth.AuthPolicy;
import dev.warden.core.auth.AuthState;
import dev.warden.core.auth.InForce;
import dev.warden.core.conversation.ConversationLog;
import dev.warden.core.engine.ProxyEngine;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.SettingsException;
import dev.warden.core.settings.SettingsStore;
import dev.warden.core.settings.SettingsValidator;
import dev.warden.core.stats.AuthStats;
import dev.warden.core.traffic.TrafficLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The one door to Warden's core, shared by the window and headless mode.
 *
 * <p>Threads: every method returns at once. Blocking work (starting and stopping the proxy, saving
 * settings, hashing passwords inside an update) runs on Warden's own worker thread, one task at a
 * time, so changes apply in the order they were asked for. Listeners are called on that worker
 * thread and must hand anything slow (or any UI work) to their own thread. Network threads only
 * read the settings in force, once per request.
 */
public final class Warden implements AutoCloseable {

  private final SettingsStore store;
  private static final SettingsValidator VALIDATOR = new SettingsValidator();
  private final TrafficLog traffic;
  private final ConversationLog conversations;
  private final AuthStats stats = new AuthStats();
  private final ProxyEngine engine;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "warden-worker");
    t.setDaemon(true);
    return t;
  });
  private final List<Consumer<EngineStatus>> statusListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Settings>> settingsListeners = new CopyOnWriteArrayList<>();

  private final AuthState authState;
  private volatile InForce inForce;
  private volatile EngineStatus status;

  /**
   * Wires the core. Does no I/O; the proxy starts with {@link #start()}.
   *
   * @param store where updates are saved
   * @param initial the settings to begin with (usually {@code store.load().settings()})
   */
  public Warden(SettingsStore store, Settings initial) {
    this(store, initial, new AuthState());
  }

  /**
   * Wires the core around an authentication state of the caller's (a lockout policy of its own, a
   * clock); Warden owns it from now on and closes it in {@link #close()}.
   */
  public Warden(SettingsStore store, Settings initial, AuthState authState) {
    this.authState = Objects.requireNonNull(authState);
    this.store = Objects.requireNonNull(store);
    Objects.requireNonNull(initial);
    this.inForce = new InForce(initial, AuthPolicy.of(initial, authState));
    this.traffic = new TrafficLog(initial.trafficCapacity());
    this.conversations = new ConversationLog(traffic);
    traffic.onEachRecorded(stats::record);
    this.engine = new ProxyEngine(() -> inForce, traffic);
    this.status = EngineStatus.stopped(initial.listen());
  }

  /** The settings in force now. Any thread. */
  public Settings settings() {
    return inForce.settings();
  }

  /** The settings and the policy compiled from them, as one value. Any thread. */
  public InForce inForce() {
    return inForce;
  }

  /** The listening state now. Any thread. */
  public EngineStatus status() {
    return status;
  }

  /** The traffic log every exchange is recorded in. Its capacity is fixed when Warden is made. */
  public TrafficLog traffic() {
    return traffic;
  }

  /** Each 407 linked to the client's retries and their result, kept up to date with the traffic log. */
  public ConversationLog conversations() {
    return conversations;
  }

  /** Authentication over time (per second, reasons, users, clients), for the dashboard. Any thread. */
  public AuthStats stats() {
    return stats;
  }

  /** Where settings are saved, for messages. */
  public String settingsLocation() {
    return store.location();
  }

  /** Starts listening on the settings' address. Completes with the new status, never exceptionally. */
  public CompletableFuture<EngineStatus> start() {
    return CompletableFuture.supplyAsync(() -> publish(engine.start(settings().listen())), worker);
  }

  /** The address really bound now (the real port when 0 was asked), or empty when not listening. */
  public java.util.Optional<ListenAddress> boundAddress() {
    return status.boundAddress();
  }

  /** Stops listening and closes every open connection. Completes with the new status. */
  public CompletableFuture<EngineStatus> stop() {
    return CompletableFuture.supplyAsync(
        () -> {
          engine.stop();
          return publish(EngineStatus.stopped(settings().listen()));
        },
        worker);
  }

  /**
   * Moves the proxy to a new address. On success the address is saved in the settings; on failure
   * (address in use, not local, not resolvable) the previous listener keeps running and the returned
   * status says why. Never completes exceptionally.
   */
  public CompletableFuture<EngineStatus> listenOn(ListenAddress address) {
    Objects.requireNonNull(address);
    return CompletableFuture.supplyAsync(
        () -> {
          EngineStatus next = engine.move(address);
          if (engine.isListeningOn(address)) {
            InForce before = inForce;
            Settings moved = before.settings().withListen(address);
            try {
              store.save(moved);
            } catch (SettingsException e) {
              next = new EngineStatus(
                  next.state(),
                  next.requested(),
                  next.bound(),
                  next.message() + " (not saved: " + e.getMessage() + ")");
            }
            apply(moved, before.policy()); // only the address changed: the policy stays
          }
          return publish(next);
        },
        worker);
  }

  /**
   * Changes the settings: the change is computed on the worker thread (so it may hash passwords),
   * validated, saved, and only then put in force for the next request. If it is invalid or cannot be
   * saved, the returned future fails with a {@link SettingsException} and nothing changed. A change of
   * listen address here also moves the proxy.
   */
  public CompletableFuture<Settings> update(UnaryOperator<Settings> change) {
    Objects.requireNonNull(change);
    return CompletableFuture.supplyAsync(
            () -> {
              Settings current = settings();
              Settings next = Objects.requireNonNull(change.apply(current), "change returned null");
              // The policy is compiled once here: it both vets what the validator cannot see (a
              // stored
              // hash in a format Warden cannot verify) and is the policy put in force below.
              AuthPolicy candidate = AuthPolicy.of(next, authState);
              List<String> problems = problems(next, candidate);
              if (!problems.isEmpty()) {
                throw new SettingsFailure(
                    new SettingsException(String.join("; ", problems), problems, null));
              }
              // Saved first, then the listener moves: a failed save leaves everything as it was,
              // and a
              // failed move puts the saved file back, so what is saved, in force and reported
              // agree.
              try {
                store.save(next);
              } catch (SettingsException e) {
                throw new SettingsFailure(e);
              }
              boolean moves = !next.listen().equals(current.listen()) && status.listening();
              if (moves) {
                EngineStatus moved = engine.move(next.listen());
                if (!moved.listening() || !engine.isListeningOn(next.listen())) {
                  restore(current);
                  publish(moved);
                  throw new SettingsFailure(new SettingsException(moved.message()));
                }
                publish(moved);
              }
              apply(next, candidate);
              return next;
            },
            worker)
        .handle((value, error) -> {
          if (error == null) {
            return CompletableFuture.completedFuture(value);
          }
          Throwable cause =
              error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
          if (cause instanceof SettingsFailure failure) {
            return CompletableFuture.<Settings>failedFuture(failure.getCause());
          }
          return CompletableFuture.<Settings>failedFuture(cause);
        })
        .thenCompose(f -> f);
  }

  /**
   * Every reason these settings cannot be put in force, one sentence each; empty when they can. The
   * validator's checks plus what only the auth policy can tell (a stored hash in a format Warden
   * cannot verify). Cheap: no hashing. Any thread.
   */
  public static List<String> problems(Settings settings) {
    return problems(settings, AuthPolicy.of(settings));
  }

  private static List<String> problems(Settings settings, AuthPolicy compiled) {
    List<String> problems = new ArrayList<>(VALIDATOR.problems(settings));
    problems.addAll(compiled.problems());
    return problems;
  }

  /** Turns 407 enforcement on or off for the next request (saved like any change). */
  public CompletableFuture<Settings> setEnforcement(boolean on) {
    return update(s -> s.withEnforcement(on));
  }

  /**
   * Called when a client address or a user name is locked out after too many failed logins, and
   * when that ends, on whatever thread noticed it (a network thread or the auth timer): hand the
   * work to a thread of your own. See {@link AuthState#onLockout}.
   */
  public void onLockout(dev.warden.core.auth.LockoutListener listener) {
    authState.onLockout(Objects.requireNonNull(listener));
  }

  /** The lockouts in force now. Any thread. */
  public List<dev.warden.core.auth.Lockout> lockouts() {
    return authState.lockouts();
  }

  /** Ends one lockout now. Any thread. */
  public void release(dev.warden.core.auth.LockoutKey key) {
    authState.release(key);
  }

  /** Called with every new status, on Warden's worker thread. */
  public void onStatus(Consumer<EngineStatus> listener) {
    statusListeners.add(Objects.requireNonNull(listener));
  }

  /** Called with the settings put in force, on Warden's worker thread. */
  public void onSettings(Consumer<Settings> listener) {
    settingsListeners.add(Objects.requireNonNull(listener));
  }

  /**
   * Stops the proxy and releases its threads. Blocks up to a few seconds; not on the FX thread.
   * Calling it again does nothing.
   */
  @Override
  public void close() {
    if (worker.isShutdown()) {
      return;
    }
    CompletableFuture<Void> done = CompletableFuture.runAsync(
        () -> {
          engine.close();
          authState.close();
          conversations.close();
        },
        worker);
    worker.shutdown();
    try {
      done.get(15, TimeUnit.SECONDS);
    } catch (Exception notClosedInTime) {
      worker.shutdownNow();
    }
  }

  /** Puts the previous settings back on disk after a move that failed; best effort, said if not. */
  private void restore(Settings previous) {
    try {
      store.save(previous);
    } catch (SettingsException e) {
      throw new SettingsFailure(new SettingsException(
          "the proxy could not move and the previous settings could not be saved back: "
              + e.getMessage()));
    }
  }

  private void apply(Settings next, AuthPolicy compiled) {
    inForce = new InForce(next, compiled);
    for (Consumer<Settings> listener : settingsListeners) {
      listener.accept(next);
    }
  }

  private EngineStatus publish(EngineStatus next) {
    status = next;
    for (Consumer<EngineStatus> listener : statusListeners) {
      listener.accept(next);
    }
    return next;
  }

  /** Carries a SettingsException through the executor without wrapping it twice. */
  private static final class SettingsFailure extends RuntimeException {
    SettingsFailure(SettingsException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
