package dev.warden.core.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one client connection remembers between its requests for schemes bound to a connection
 * (NTLM's handshake: its second message answers a challenge sent on the same connection). The
 * stage makes one per client connection, passes it in every {@link AuthRequest} of that
 * connection and closes it when the connection closes, so nothing of it outlives the connection.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} entries, one per key (a scheme uses its name, say), each
 * a small immutable value of the scheme that put it; a new key past that drops the oldest. A closed
 * one keeps nothing.
 *
 * <p>Thread-safe: the connection's requests are judged one at a time, but a judgement may complete
 * on the verification pool, so every method synchronizes on this object (never contended).
 */
public final class ConnectionAuth {

  /** Entries one connection may hold at once. */
  public static final int MAX_ENTRIES = 4;

  private final Map<String, Object> entries = new LinkedHashMap<>();
  private boolean closed;

  /** The value under {@code key} if it is a {@code type}; it stays. */
  synchronized <T> Optional<T> get(String key, Class<T> type) {
    Object value = entries.get(key);
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  /** Removes and returns the value under {@code key} if it is a {@code type} (a handshake step is used once). */
  synchronized <T> Optional<T> take(String key, Class<T> type) {
    Object value = entries.remove(key);
    return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
  }

  /** Keeps {@code value} under {@code key}, dropping the oldest entry when full; nothing once closed. */
  synchronized void put(String key, Object value) {
    if (closed) {
      return;
    }
    entries.remove(key);
    if (entries.size() >= MAX_ENTRIES) {
      Iterator<String> oldest = entries.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    entries.put(key, value);
  }

  /** How many entries it holds now. */
  public synchronized int size() {
    return entries.size();
  }

  /** Whether the connection closed. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** The connection closed: forgets everything, and keeps nothing put later. Network thread. */
  public synchronized void close() {
    closed = true;
    entries.clear();
  }
}
