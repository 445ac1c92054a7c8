package dev.warden.core;

import dev.warden.core.settings.ListenAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The proxy's listening state, as one immutable value.
 *
 * @param state what the engine is doing
 * @param requested the address it was asked to listen on
 * @param bound the address it really listens on (the real port when 0 was asked), or null
 * @param message for people: "Listening on 127.0.0.1:3128", "127.0.0.1:3128 is already in use"
 */
public record EngineStatus(
    State state, ListenAddress requested, ListenAddress bound, String message) {

  public EngineStatus {
    Objects.requireNonNull(state);
    Objects.requireNonNull(requested);
    Objects.requireNonNull(message);
  }

  /** The engine's states. */
  public enum State {
    STOPPED,
    STARTING,
    LISTENING,
    FAILED
  }

  public boolean listening() {
    return state == State.LISTENING;
  }

  public Optional<ListenAddress> boundAddress() {
    return Optional.ofNullable(bound);
  }

  public static EngineStatus stopped(ListenAddress requested) {
    return new EngineStatus(State.STOPPED, requested, null, "Stopped");
  }
}
