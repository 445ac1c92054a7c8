package dev.warden.core.connect;

/** A kind of client that can be pointed at Warden. Implementations are pure; any thread. */
public interface ClientFamily {

  /** The family's name in the panel's list ("curl", "Java"). */
  String title();

  /** The set-up text for {@code setup}. */
  ClientSnippet snippet(ClientSetup setup);
}
