package dev.warden.core.engine;

import dev.warden.core.auth.InForce;
import dev.warden.core.traffic.TrafficLog;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What every {@link WardenStage} of one engine shares: the settings and policy in force, the traffic
 * log, connection numbering and the count of open client connections. Thread-safe.
 */
final class StageContext {

  /** Unauthenticated request body bytes read and discarded after a refusal before closing. */
  static final int REFUSED_BODY_DRAIN = 64 * 1024;
  /** Seconds a refused request's body may take to arrive before the connection is closed. */
  static final int REFUSED_BODY_SECONDS = 10;
  /** Open client connections beyond which new ones get 503 and are closed. */
  static final int MAX_CONNECTIONS = 20_000;

  final Supplier<InForce> inForce;
  final TrafficLog traffic;
  final AtomicLong connectionIds = new AtomicLong();
  final AtomicInteger open = new AtomicInteger();

  StageContext(Supplier<InForce> inForce, TrafficLog traffic) {
    this.inForce = inForce;
    this.traffic = traffic;
  }
}
