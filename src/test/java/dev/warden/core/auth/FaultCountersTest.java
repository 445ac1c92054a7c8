package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultCountersTest {

  @Test
  void holdsNoMoreThanItsBoundPerMap() {
    FaultCounters counters = new FaultCounters();
    for (int i = 0; i < FaultCounters.MAX_KEYS * 3; i++) {
      counters.request("client-" + i);
      counters.nonceUse("nonce-" + i);
    }
    assertThat(counters.size()).isLessThanOrEqualTo(2 * FaultCounters.MAX_KEYS);
  }

  @Test
  void countsRequestsPerKey() {
    FaultCounters counters = new FaultCounters();
    counters.request("a");
    counters.request("b");
    assertThat(counters.request("a")).isEqualTo(2);
  }
}
