package dev.warden.testing;

import dev.warden.core.EngineStatus;
import dev.warden.core.Warden;
import dev.warden.core.auth.AuthState;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A real Warden (real LittleProxy) listening on 127.0.0.1 on a free port, for tests. */
public final class RunningWarden implements AutoCloseable {

  private final Warden warden;
  private final EngineStatus status;

  public RunningWarden(Settings settings) throws Exception {
    this(settings, new AuthState());
  }

  /** A Warden judging with {@code authState} (which it closes). */
  public RunningWarden(Settings settings, AuthState authState) throws Exception {
    Settings onFreePort = settings.withListen(new ListenAddress("127.0.0.1", 0));
    warden = new Warden(new InMemorySettingsStore(onFreePort), onFreePort, authState);
    status = warden.start().get(20, TimeUnit.SECONDS);
    if (!status.listening()) {
      throw new IllegalStateException(status.message());
    }
  }

  public Warden warden() {
    return warden;
  }

  public int port() {
    return warden.status().bound().port();
  }

  /** Applies a settings change and waits until it is in force. */
  public Settings update(UnaryOperator<Settings> change) throws Exception {
    return warden.update(change).get(20, TimeUnit.SECONDS);
  }

  /** Waits until the traffic log holds an exchange matching {@code wanted}, and returns it. */
  public Exchange awaitExchange(Predicate<Exchange> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<Exchange> all = warden.traffic().snapshot();
      for (int i = all.size() - 1; i >= 0; i--) {
        if (wanted.test(all.get(i))) {
          return all.get(i);
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError(
        "no matching exchange recorded; log holds " + warden.traffic().snapshot());
  }

  /** The latest exchange recorded for {@code url} (exact match). */
  public Exchange awaitExchangeFor(String url) throws InterruptedException {
    return awaitExchange(e -> e.url().equals(url));
  }

  @Override
  public void close() {
    warden.close();
  }
}
