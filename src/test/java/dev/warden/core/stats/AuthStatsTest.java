package dev.warden.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The counting itself, with time passed as a parameter (no sleeps); the end-to-end test uses a real Warden. */
class AuthStatsTest {

  private static final long T0 = 1_800_000_000_000L; // an epoch millisecond on a second boundary
  private static final Clock FIXED = Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC);

  private static Exchange with(AuthOutcome auth, String client) {
    return new Exchange(
        1,
        1,
        client,
        Instant.ofEpochMilli(T0),
        null,
        Duration.ZERO,
        "GET",
        "http://origin.test/",
        "HTTP/1.1",
        List.of(),
        List.of(),
        BodyPreview.EMPTY,
        BodyPreview.EMPTY,
        auth instanceof AuthOutcome.Challenged ? 407 : 200,
        auth,
        null);
  }

  private static Exchange missing() {
    return with(
        new AuthOutcome.Challenged(ChallengeReason.MISSING, "", "Corp", "", ""), "127.0.0.1:5000");
  }

  private static Exchange wrong(String user) {
    return with(
        new AuthOutcome.Challenged(ChallengeReason.WRONG_PASSWORD, "", "Corp", "Basic", user),
        "127.0.0.1:5001");
  }

  private static Exchange accepted(String user, String client) {
    return with(new AuthOutcome.Authenticated("Basic", user, "Corp"), client);
  }

  @Test
  void reusesASlotForANewSecondWithoutKeepingTheOldCounts() {
    AuthStats stats = new AuthStats(FIXED, 5, 10);
    stats.record(missing(), T0);
    stats.record(missing(), T0 + 999);
    stats.record(accepted("alice", "127.0.0.1:1"), T0 + 4_000);
    stats.record(wrong("alice"), T0 + 5_000); // second 5 uses second 0's slot

    List<StatsSnapshot.Second> last = stats.snapshot(T0 + 5_500, 60).seconds();

    assertThat(last).hasSize(5); // capped at the ring
    assertThat(last)
        .extracting(StatsSnapshot.Second::epochSecond)
        .containsExactly(T0 / 1000 + 1, T0 / 1000 + 2, T0 / 1000 + 3, T0 / 1000 + 4, T0 / 1000 + 5);
    assertThat(last.get(3)).isEqualTo(new StatsSnapshot.Second(T0 / 1000 + 4, 0, 1, 0, 0));
    assertThat(last.get(4)).isEqualTo(new StatsSnapshot.Second(T0 / 1000 + 5, 0, 0, 1, 0));
    assertThat(stats.snapshot(T0 + 5_500, 60).totals())
        .isEqualTo(new StatsSnapshot.Second(0, 2, 1, 1, 0));
  }

  @Test
  void readsASecondWhoseSlotWasReusedAsZero() {
    AuthStats stats = new AuthStats(FIXED, 5, 10);
    stats.record(missing(), T0);
    stats.record(missing(), T0 + 5_000);

    List<StatsSnapshot.Second> earlier = stats.snapshot(T0 + 2_000, 3).seconds();

    assertThat(earlier.get(0)).isEqualTo(new StatsSnapshot.Second(T0 / 1000, 0, 0, 0, 0));
  }

  @Test
  void countsARecordForAnAlreadyForgottenSecondInTheTotalsOnly() {
    AuthStats stats = new AuthStats(FIXED, 5, 10);
    stats.record(missing(), T0 + 10_000);
    stats.record(missing(), T0 + 5_000); // same slot, older second: too late

    StatsSnapshot now = stats.snapshot(T0 + 10_000, 5);

    assertThat(now.seconds())
        .extracting(StatsSnapshot.Second::challenged)
        .containsExactly(0L, 0L, 0L, 0L, 1L);
    assertThat(now.totals().challenged()).isEqualTo(2);
  }

  @Test
  void sortsOutcomesIntoChallengedAuthenticatedRefusedAndNotJudged() {
    assertThat(AuthCategory.of(missing().auth())).isEqualTo(AuthCategory.CHALLENGED);
    assertThat(AuthCategory.of(
            new AuthOutcome.Challenged(ChallengeReason.STALE_NONCE, "", "C", "Digest", "a")))
        .isEqualTo(AuthCategory.CHALLENGED);
    assertThat(AuthCategory.of(wrong("bob").auth())).isEqualTo(AuthCategory.REFUSED);
    assertThat(AuthCategory.of(
            new AuthOutcome.Challenged(ChallengeReason.LOCKED_OUT, "", "C", "", "")))
        .isEqualTo(AuthCategory.REFUSED);
    assertThat(AuthCategory.of(new AuthOutcome.PortRefused("C", 25, List.of(443), "alice")))
        .isEqualTo(AuthCategory.REFUSED);
    assertThat(AuthCategory.of(new AuthOutcome.Unjudged("invalid chunk size")))
        .isEqualTo(AuthCategory.REFUSED);
    assertThat(AuthCategory.of(accepted("a", "c:1").auth())).isEqualTo(AuthCategory.AUTHENTICATED);
    assertThat(AuthCategory.of(new AuthOutcome.NotRequired())).isEqualTo(AuthCategory.NOT_JUDGED);
  }

  @Test
  void listsRefusalReasonsInPlainWordsMostFrequentFirst() {
    AuthStats stats = new AuthStats(FIXED, 60, 10);
    stats.record(wrong("alice"), T0);
    stats.record(wrong("alice"), T0);
    stats.record(
        with(
            new AuthOutcome.Challenged(ChallengeReason.UNKNOWN_USER, "", "Corp", "Basic", "eve"),
            "127.0.0.1:2"),
        T0);
    stats.record(
        with(new AuthOutcome.PortRefused("Corp", 25, List.of(443), ""), "127.0.0.1:2"), T0);
    stats.record(
        with(new AuthOutcome.PortRefused("Corp", 25, List.of(443), ""), "127.0.0.1:2"), T0);
    stats.record(
        with(new AuthOutcome.PortRefused("Corp", 25, List.of(443), ""), "127.0.0.1:2"), T0);
    stats.record(missing(), T0); // a challenge is not a refusal

    assertThat(stats.snapshot(T0, 1).reasons())
        .containsExactly(
            new StatsSnapshot.ReasonCount("CONNECT port not allowed", 3),
            new StatsSnapshot.ReasonCount("wrong password", 2),
            new StatsSnapshot.ReasonCount("unknown user", 1));
  }

  @Test
  void keepsPerUserAndPerClientRequestsFailuresAndLastSeen() {
    AuthStats stats = new AuthStats(FIXED, 60, 10);
    stats.record(accepted("alice", "10.0.0.5:4000"), T0);
    stats.record(wrong("alice"), T0 + 2_000);
    stats.record(accepted("bob", "[::1]:4001"), T0 + 1_000);
    stats.record(missing(), T0 + 3_000); // no user named: the client only

    StatsSnapshot now = stats.snapshot(T0 + 3_000, 1);

    assertThat(now.users().rows())
        .containsExactly(
            new StatsSnapshot.PartyRow("alice", 2, 1, T0 + 2_000),
            new StatsSnapshot.PartyRow("bob", 1, 0, T0 + 1_000));
    assertThat(now.clients().rows())
        .containsExactly(
            new StatsSnapshot.PartyRow("127.0.0.1", 2, 1, T0 + 3_000),
            new StatsSnapshot.PartyRow("::1", 1, 0, T0 + 1_000),
            new StatsSnapshot.PartyRow("10.0.0.5", 1, 0, T0));
    assertThat(now.users().capped()).isFalse();
  }

  @Test
  void keepsAtMostItsCapacityOfUsersEvictingTheLeastRecentlySeen() {
    AuthStats stats = new AuthStats(FIXED, 60, 1_000);
    for (int i = 0; i < 100_000; i++) {
      stats.record(wrong("user" + i), T0 + i);
      if (i % 997 == 0) {
        assertThat(stats.userRowsHeld()).isLessThanOrEqualTo(1_000);
      }
    }

    StatsSnapshot.Table users = stats.snapshot(T0 + 100_000, 1).users();

    assertThat(users.rows().size()).isBetween(1, 1_000);
    assertThat(users.evicted() + users.rows().size()).isEqualTo(100_000);
    assertThat(users.untabled()).isZero();
    assertThat(users.capped()).isTrue();
    // the kept rows are the most recently seen ones, newest first
    List<String> expected = new ArrayList<>();
    for (int i = 99_999; i >= 100_000 - users.rows().size(); i--) {
      expected.add("user" + i);
    }
    assertThat(users.rows())
        .extracting(StatsSnapshot.PartyRow::name)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void keepsAtMostItsCapacityWhileSeveralThreadsAddDistinctUsers() throws Exception {
    AuthStats stats = new AuthStats(FIXED, 60, 1_000);
    int threads = 4;
    int each = 25_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        writers.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < each; i++) {
            stats.record(wrong("t" + thread + "-" + i), T0 + i);
          }
          return null;
        }));
      }
      Future<Integer> largest = pool.submit(() -> {
        go.await();
        int seen = 0;
        while (writing.get()) {
          seen = Math.max(seen, stats.snapshot(T0, 1).users().rows().size());
        }
        return seen;
      });
      go.countDown();
      for (Future<?> w : writers) {
        w.get(60, TimeUnit.SECONDS);
      }
      writing.set(false);

      StatsSnapshot.Table users = stats.snapshot(T0, 1).users();
      assertThat(largest.get(60, TimeUnit.SECONDS)).isLessThanOrEqualTo(1_000);
      assertThat(stats.userRowsHeld())
          .isLessThanOrEqualTo(1_000)
          .isEqualTo(users.rows().size());
      assertThat(users.evicted() + users.untabled() + users.rows().size())
          .isEqualTo((long) threads * each);
      assertThat(stats.snapshot(T0, 1).totals().refused()).isEqualTo((long) threads * each);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void countsEveryRecordOfConcurrentWritersExactlyWhileAReaderSnapshots() throws Exception {
    AuthStats stats = new AuthStats(FIXED, 300, 100);
    int threads = 4;
    int each = 60_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    Exchange[] kinds = {missing(), accepted("alice", "10.0.0.9:9"), wrong("bob")};
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        writers.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < each; i++) {
            // three kinds spread over ten seconds, the later ones taking fresh slots while others
            // write
            stats.record(kinds[i % 3], T0 + (i % 10) * 1_000L + (i * 7L) % 1_000);
          }
          return null;
        }));
      }
      Future<Boolean> monotonic = pool.submit(() -> {
        go.await();
        long previous = 0;
        boolean ok = true;
        while (writing.get()) {
          long all = stats.snapshot(T0 + 9_000, 10).totals().all();
          ok &= all >= previous;
          previous = all;
        }
        return ok;
      });
      go.countDown();
      for (Future<?> w : writers) {
        w.get(60, TimeUnit.SECONDS);
      }
      writing.set(false);

      StatsSnapshot end = stats.snapshot(T0 + 9_000, 10);
      long total = (long) threads * each;
      assertThat(monotonic.get(60, TimeUnit.SECONDS)).isTrue();
      assertThat(end.totals())
          .isEqualTo(new StatsSnapshot.Second(0, total / 3, total / 3, total / 3, 0));
      assertThat(end.seconds().stream().mapToLong(StatsSnapshot.Second::all).sum())
          .isEqualTo(total);
      assertThat(end.seconds()).allSatisfy(s -> assertThat(s.all()).isEqualTo(total / 10));
      assertThat(end.users().rows())
          .extracting(StatsSnapshot.PartyRow::requests)
          .containsExactlyInAnyOrder(total / 3, total / 3);
      assertThat(end.clients().rows())
          .extracting(StatsSnapshot.PartyRow::requests)
          .containsExactlyInAnyOrder(2 * total / 3, total / 3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void countsEveryExchangeOfTheTrafficLogEvenThoseItOverwrites() {
    dev.warden.core.traffic.TrafficLog log = new dev.warden.core.traffic.TrafficLog(10);
    AuthStats stats = new AuthStats(FIXED, 60, 10);
    log.onEachRecorded(stats::record);

    for (int i = 0; i < 100; i++) {
      Exchange e = i % 2 == 0 ? missing() : accepted("alice", "127.0.0.1:1");
      log.record(id -> new Exchange(
          id,
          e.connectionId(),
          e.client(),
          e.started(),
          null,
          e.duration(),
          e.method(),
          e.url(),
          e.protocol(),
          List.of(),
          List.of(),
          BodyPreview.EMPTY,
          BodyPreview.EMPTY,
          e.status(),
          e.auth(),
          null));
    }

    assertThat(log.snapshot()).hasSize(10);
    assertThat(stats.snapshot(T0, 1).totals()).isEqualTo(new StatsSnapshot.Second(0, 50, 50, 0, 0));
  }

  @Test
  void tellsTheClientsAddressWithoutItsPort() {
    assertThat(AuthStats.hostOf("10.0.0.5:51234")).isEqualTo("10.0.0.5");
    assertThat(AuthStats.hostOf("[::1]:51234")).isEqualTo("::1");
    assertThat(AuthStats.hostOf("local")).isEqualTo("local");
  }
}
