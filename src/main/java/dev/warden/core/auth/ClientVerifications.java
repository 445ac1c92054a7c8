package dev.warden.core.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many slow verifications each client address has waiting or running, bounded: one client
 * guessing with many parallel connections cannot fill the {@link VerificationPool} and make every
 * other client's first login wait behind its guesses. Beyond the bound the request is not queued:
 * it is answered at once with 503 and {@code Retry-After} (as when the pool itself is full), which a
 * real client sees only when it opens more than {@link #PER_CLIENT} connections that all log in with
 * new credentials at the same moment.
 *
 * <p>Thread-safe and non-blocking (one short map update per call), for network and verifier threads.
 * Memory is bounded by the verifications in flight: an address with none is forgotten. A request
 * without a known address is not bounded here (the pool's own bound still applies).
 */
final class ClientVerifications {

  /** Slow verifications one client address may have waiting or running at once. */
  static final int PER_CLIENT = 4;

  private final int limit;
  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

  ClientVerifications() {
    this(PER_CLIENT);
  }

  ClientVerifications(int limit) {
    this.limit = limit;
  }

  /** Takes one of the client's slots; false when all are taken (then nothing is taken). */
  boolean tryTake(String client) {
    if (client.isEmpty()) {
      return true;
    }
    boolean[] taken = {false};
    inFlight.compute(client, (address, count) -> {
      int now = count == null ? 0 : count;
      if (now >= limit) {
        return count;
      }
      taken[0] = true;
      return now + 1;
    });
    return taken[0];
  }

  /** Gives back a slot taken by {@link #tryTake}. */
  void giveBack(String client) {
    if (!client.isEmpty()) {
      inFlight.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
    }
  }

  /** Addresses with a verification in flight now: for tests of the bound on memory. */
  int addresses() {
    return inFlight.size();
  }
}
