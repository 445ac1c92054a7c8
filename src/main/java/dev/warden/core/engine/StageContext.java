package dev.warden.core.engine;

import dev.warden.core.auth.InForce;
import dev.warden.core.settings.Limits;
import dev.warden.core.traffic.TrafficLog;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What every {@link WardenStage} of one engine shares: the settings and policy in force, the traffic
 * log, connection numbering and the count of open client connections. Thread-safe.
 */
final class StageContext {

  final Supplier<InForce> inForce;
  final TrafficLog traffic;
  final AtomicLong connectionIds = new AtomicLong();
  final AtomicInteger open = new AtomicInteger();

  StageContext(Supplier<InForce> inForce, TrafficLog traffic) {
    this.inForce = inForce;
    this.traffic = traffic;
  }

  /** The limits in force now; a connection reads them once, when it is accepted. */
  Limits limits() {
    return inForce.get().settings().limits();
  }
}
