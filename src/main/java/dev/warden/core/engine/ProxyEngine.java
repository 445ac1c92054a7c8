package dev.warden.core.engine;

import dev.warden.core.EngineStatus;
import dev.warden.core.auth.AuthPolicy;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.TrafficLog;
import java.util.function.Supplier;

/**
 * The embedded LittleProxy server. Blocking: call only from Warden's worker thread.
 */
public final class ProxyEngine implements AutoCloseable {

  private final Supplier<AuthPolicy> policy;
  private final Supplier<Settings> settings;
  private final TrafficLog traffic;

  public ProxyEngine(Supplier<AuthPolicy> policy, Supplier<Settings> settings, TrafficLog traffic) {
    this.policy = policy;
    this.settings = settings;
    this.traffic = traffic;
  }

  /** Starts listening (stopping a previous listener first). */
  public EngineStatus start(ListenAddress address) {
    throw new IllegalStateException("engine under construction");
  }

  /** Moves to a new address, keeping the old listener when the new one fails. */
  public EngineStatus move(ListenAddress address) {
    throw new IllegalStateException("engine under construction");
  }

  public boolean isListeningOn(ListenAddress address) {
    return false;
  }

  public void stop() {}

  @Override
  public void close() {}
}
