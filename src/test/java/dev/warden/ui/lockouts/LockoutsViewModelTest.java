package dev.warden.ui.lockouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.Lockout;
import dev.warden.core.auth.LockoutKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockoutsViewModelTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
  private final List<LockoutKey> released = new ArrayList<>();

  private static Lockout client(String address, int secondsLeft) {
    return new Lockout(LockoutKey.client("Lab", address), T.plusSeconds(secondsLeft), 50);
  }

  @Test
  void listsTheSoonestToEndFirst() {
    LockoutsViewModel model =
        new LockoutsViewModel(List.of(client("10.0.0.1", 300)), released::add);
    model.started(client("10.0.0.2", 100));
    model.started(client("10.0.0.3", 200));
    assertThat(model.lockouts())
        .extracting(Lockout::key)
        .containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.1");
    assertThat(model.countProperty().get()).isEqualTo(3);
    assertThat(model.startedProperty().get()).isEqualTo(2);
  }

  @Test
  void aLockoutStartedAgainReplacesItsRow() {
    LockoutsViewModel model =
        new LockoutsViewModel(List.of(client("10.0.0.1", 100)), released::add);
    model.started(client("10.0.0.1", 300));
    assertThat(model.lockouts()).containsExactly(client("10.0.0.1", 300));
  }

  @Test
  void dropsARowWhenTheCoreReportsItsEnd() {
    LockoutsViewModel model = new LockoutsViewModel(
        List.of(client("10.0.0.1", 100), client("10.0.0.2", 200)), released::add);
    model.ended(client("10.0.0.1", 100));
    assertThat(model.lockouts()).extracting(Lockout::key).containsExactly("10.0.0.2");
    assertThat(model.countProperty().get()).isEqualTo(1);
  }

  @Test
  void releaseAllAsksTheCoreToEndEveryListedLockout() {
    LockoutsViewModel model = new LockoutsViewModel(
        List.of(client("10.0.0.1", 100), client("10.0.0.2", 200)), released::add);
    model.releaseAll();
    assertThat(released)
        .containsExactly(
            LockoutKey.client("Lab", "10.0.0.1"), LockoutKey.client("Lab", "10.0.0.2"));
  }
}
