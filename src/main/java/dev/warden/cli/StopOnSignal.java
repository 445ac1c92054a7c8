package dev.warden.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Ends a headless run cleanly on SIGINT or SIGTERM: Warden is stopped, the access log flushed, and
 * the process exits with status 0, so Ctrl-C, {@code kill} or a CI runner's teardown can be told
 * apart from a failure.
 *
 * <p>Why a signal handler as well as a shutdown hook: on a signal the JVM itself would run the hooks
 * and exit with 128 + the signal number (130, 143), and a hook cannot change that except by halting,
 * which would cut short every other hook (a JFR recording's dump, for one). LittleProxy also closes
 * its servers from a hook of its own, racing Warden's close. So the handler stops Warden first, while
 * the JVM is not yet shutting down, then calls {@code System.exit(0)}; the shutdown hook remains for
 * every other way the JVM can end. Where signals cannot be handled ({@code -Xrs}, a runtime image
 * without {@code jdk.unsupported}), the hook alone still stops Warden.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}, the only way a Java program handles a
 * signal) is reached by reflection: it is the build's one use of an internal API, and compiler
 * warnings fail the build.
 */
public final class StopOnSignal {

  private StopOnSignal() {}

  /**
   * Registers {@code stop} for SIGINT, SIGTERM and JVM shutdown. {@code stop} runs on a signal or
   * shutdown thread, must be idempotent and should return within a few seconds.
   */
  public static void install(Runnable stop) {
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "warden-shutdown"));
    for (String name : List.of("INT", "TERM")) {
      try {
        handle(name, () -> {
          stop.run();
          System.exit(0);
        });
      } catch (ReflectiveOperationException
          | IllegalArgumentException
          | LinkageError cannotHandle) {
        // the shutdown hook above still stops Warden; the exit status is then the JVM's 128 +
        // signal
      }
    }
  }

  /** {@code sun.misc.Signal.handle(new Signal(name), signal -> action.run())}, by reflection. */
  private static void handle(String name, Runnable action) throws ReflectiveOperationException {
    Class<?> signalType = Class.forName("sun.misc.Signal");
    Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
    Object handler = Proxy.newProxyInstance(
        StopOnSignal.class.getClassLoader(),
        new Class<?>[] {handlerType},
        (proxy, method, args) -> switch (method.getName()) {
          case "handle" -> {
            action.run();
            yield null;
          }
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> "warden signal handler";
        });
    Object signal = signalType.getConstructor(String.class).newInstance(name);
    try {
      signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
    } catch (InvocationTargetException e) {
      // Signal.handle refuses a signal the JVM keeps for itself (-Xrs) with
      // IllegalArgumentException
      if (e.getCause() instanceof IllegalArgumentException refused) {
        throw refused;
      }
      throw e;
    }
  }
}
