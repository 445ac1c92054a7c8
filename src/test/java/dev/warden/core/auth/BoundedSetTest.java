package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedSetTest {

  @Test
  void neverHoldsMoreThanItsCapacity() {
    BoundedSet<Integer> set = new BoundedSet<>(100);

    for (int i = 0; i < 1_000; i++) {
      set.add(i);
      assertThat(set.size()).isLessThanOrEqualTo(100);
    }
    assertThat(set.contains(999)).isTrue();
  }
}
