package dev.warden.ui.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.TrafficLog;
import dev.warden.ui.Exchanges;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficViewModelTest {

  private final TrafficViewModel model = new TrafficViewModel(5);

  private void feed(Exchange... exchanges) {
    model.append(new TrafficLog.Batch(List.of(exchanges), 0, 0));
  }

  private void sample() {
    feed(
        Exchanges.ok(1, "http://api.example.com/a", "alice"),
        Exchanges.challenged(
            2, "http://api.example.com/b", ChallengeReason.UNKNOWN_USER, "bob", "Corp"),
        Exchanges.challenged(3, "http://other.example/c", ChallengeReason.MISSING, "", "Warden"),
        Exchanges.failed(4, "http://down.example/"));
  }

  @Test
  void countsChallengesAuthenticationsAndErrors() {
    sample();
    assertThat(model.totalProperty().get()).isEqualTo(4);
    assertThat(model.challengedProperty().get()).isEqualTo(2);
    assertThat(model.authenticatedProperty().get()).isEqualTo(1);
    assertThat(model.errorsProperty().get()).isEqualTo(1);
  }

  @Test
  void keepsNoMoreRowsThanTheLogCapacity() {
    for (int i = 1; i <= 12; i++) {
      feed(Exchanges.open(i, "http://a.example/" + i));
    }
    assertThat(model.rows()).hasSize(5);
    assertThat(model.rows().get(0).id()).isEqualTo(8);
    assertThat(model.totalProperty().get()).isEqualTo(12);
  }

  @Test
  void challengedQuickFilterShowsOnly407s() {
    sample();
    model.quickFilterProperty().set(QuickFilter.CHALLENGED);
    assertThat(model.visibleRows()).extracting(Exchange::id).containsExactly(2L, 3L);
  }

  @Test
  void errorsQuickFilterShowsOnlyFailures() {
    sample();
    model.quickFilterProperty().set(QuickFilter.ERRORS);
    assertThat(model.visibleRows()).extracting(Exchange::id).containsExactly(4L);
  }

  @Test
  void searchMatchesHostUrlAndUser() {
    sample();
    model.searchProperty().set("API.EXAMPLE");
    assertThat(model.visibleRows()).extracting(Exchange::id).containsExactly(1L, 2L);
    model.searchProperty().set("bob");
    assertThat(model.visibleRows()).extracting(Exchange::id).containsExactly(2L);
  }

  @Test
  void userAndRealmFiltersNarrowTheRows() {
    sample();
    model.realmFilterProperty().set("Corp");
    assertThat(model.visibleRows()).extracting(Exchange::id).containsExactly(2L);
    model.realmFilterProperty().set(null);
    model.userFilterProperty().set("alice");
    assertThat(model.visibleRows()).extracting(Exchange::id).containsExactly(1L);
    assertThat(model.knownUsers()).contains("alice", "bob");
    assertThat(model.knownRealms()).contains("Corp", "Warden");
  }

  @Test
  void keepsTheSelectedRowThrough20000NewerExchanges() {
    feed(Exchanges.ok(1, "http://a/looked-at", "alice"));
    model.selectedProperty().set(model.rows().get(0));
    long id = 2;
    for (int batch = 0; batch < 2_000; batch++) {
      Exchange[] ten = new Exchange[10];
      for (int i = 0; i < 10; i++) {
        ten[i] = Exchanges.ok(id++, "http://a/newer", "bob");
      }
      feed(ten);
      assertThat(model.rows()).hasSize(5);
    }
    assertThat(model.selectedProperty().get().id()).isEqualTo(1L);
    assertThat(model.rows())
        .extracting(Exchange::id)
        .containsExactly(1L, 19_998L, 19_999L, 20_000L, 20_001L);
    assertThat(model.knownUsers()).contains("alice");
  }

  @Test
  void letsTheOldestGoOnceNothingIsSelected() {
    feed(Exchanges.ok(1, "http://a/1", "alice"));
    model.selectedProperty().set(model.rows().get(0));
    feed(
        Exchanges.ok(2, "http://a/2", "a"),
        Exchanges.ok(3, "http://a/3", "a"),
        Exchanges.ok(4, "http://a/4", "a"),
        Exchanges.ok(5, "http://a/5", "a"),
        Exchanges.ok(6, "http://a/6", "a"));
    assertThat(model.rows()).extracting(Exchange::id).containsExactly(1L, 3L, 4L, 5L, 6L);
    model.selectedProperty().set(null);
    feed(Exchanges.ok(7, "http://a/7", "a"));
    assertThat(model.rows()).extracting(Exchange::id).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(model.knownUsers()).doesNotContain("alice");
  }

  @Test
  void clearForgetsRowsCountsAndSelection() {
    sample();
    model.selectedProperty().set(model.rows().get(0));
    model.clear();
    assertThat(model.rows()).isEmpty();
    assertThat(model.totalProperty().get()).isZero();
    assertThat(model.selectedProperty().get()).isNull();
  }

  @Test
  void rateFollowsTheRecordedCounter() {
    model.sampleRate(0, 0);
    model.sampleRate(1_000_000_000L, 2_000);
    assertThat(model.rateProperty().get()).isEqualTo(2_000.0);
    model.sampleRate(2_000_000_000L, 2_000);
    assertThat(model.rateProperty().get()).isZero();
  }

  @Test
  void forgetsClaimedUserNamesOnceTheirRowsAreTrimmed() {
    model.offerNames(List.of("alice"), List.of("Warden"));
    for (int i = 1; i <= 10_000; i++) {
      feed(Exchanges.challenged(
          i, "http://a.example/", ChallengeReason.UNKNOWN_USER, "guess" + i, "Warden"));
    }
    assertThat(model.knownUsers())
        .containsExactly("alice", "guess10000", "guess9996", "guess9997", "guess9998", "guess9999");
  }

  @Test
  void keepsAUserOfferedWhileAnyRowOfItsRunIsHeld() {
    // capacity 5: three of alice's rows then two of bob's; trimming two of alice's keeps her
    feed(
        Exchanges.ok(1, "http://a.example/", "alice"),
        Exchanges.ok(2, "http://a.example/", "alice"),
        Exchanges.ok(3, "http://a.example/", "alice"),
        Exchanges.ok(4, "http://a.example/", "bob"),
        Exchanges.ok(5, "http://a.example/", "bob"));
    feed(Exchanges.open(6, "http://a.example/"), Exchanges.open(7, "http://a.example/"));
    assertThat(model.knownUsers()).containsExactly("alice", "bob");
    feed(Exchanges.open(8, "http://a.example/"));
    assertThat(model.knownUsers()).containsExactly("bob");
  }

  @Test
  void keepsTheChosenUserAfterItsLastRowIsTrimmed() {
    feed(Exchanges.challenged(
        1, "http://a.example/", ChallengeReason.UNKNOWN_USER, "mallory", "Warden"));
    model.userFilterProperty().set("mallory");
    for (int i = 2; i <= 10; i++) {
      feed(Exchanges.open(i, "http://a.example/" + i));
    }
    assertThat(model.knownUsers()).containsExactly("mallory");
    model.userFilterProperty().set(null);
    assertThat(model.knownUsers()).isEmpty();
  }

  @Test
  void dropsASettingsUserWhenTheSettingsNoLongerNameIt() {
    model.offerNames(List.of("alice", "bob"), List.of("Corp", "Warden"));
    model.offerNames(List.of("alice"), List.of("Warden"));
    assertThat(model.knownUsers()).containsExactly("alice");
    assertThat(model.knownRealms()).containsExactly("Warden");
  }

  @Test
  void clearForgetsTheNamesOfTheRows() {
    model.offerNames(List.of("alice"), List.of());
    sample();
    model.clear();
    assertThat(model.knownUsers()).containsExactly("alice");
    assertThat(model.knownRealms()).isEmpty();
  }
}
