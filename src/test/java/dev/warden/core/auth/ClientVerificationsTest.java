package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-address bound on slow verifications in flight, and the memory it keeps. */
class ClientVerificationsTest {

  private final ClientVerifications slots = new ClientVerifications();

  @Test
  void refusesAnAddressItsFifthSlotUntilOneIsGivenBack() {
    for (int i = 0; i < ClientVerifications.PER_CLIENT; i++) {
      assertThat(slots.tryTake("10.0.0.7")).isTrue();
    }
    assertThat(slots.tryTake("10.0.0.7")).isFalse();
    assertThat(slots.tryTake("10.0.0.8")).isTrue();

    slots.giveBack("10.0.0.7");

    assertThat(slots.tryTake("10.0.0.7")).isTrue();
  }

  @Test
  void forgetsAnAddressOnceItHasNothingInFlight() {
    slots.tryTake("10.0.0.7");
    slots.tryTake("10.0.0.7");
    slots.tryTake("10.0.0.9");

    slots.giveBack("10.0.0.7");
    slots.giveBack("10.0.0.9");
    assertThat(slots.addresses()).isEqualTo(1);
    slots.giveBack("10.0.0.7");

    assertThat(slots.addresses()).isZero();
  }

  @Test
  void leavesRequestsWithoutAnAddressUnbounded() {
    for (int i = 0; i < 100; i++) {
      assertThat(slots.tryTake("")).isTrue();
    }
    assertThat(slots.addresses()).isZero();
  }
}
