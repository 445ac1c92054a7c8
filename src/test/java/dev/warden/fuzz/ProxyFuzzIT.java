package dev.warden.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutated requests against a real Warden guarding three origins in three realms (see
 * {@link FuzzBed}, {@link CaseGenerator}): one fixed seed and one random seed per run, both printed.
 * Replay one with {@code -Dwarden.fuzz.seed=N} (and {@code -Dwarden.fuzz.cases=N}, default 5,000
 * per seed, 10,000 a run); {@code scripts/fuzz.sh} runs a million outside the suite.
 */
class ProxyFuzzIT {

  static final long FIXED_SEED = 20_261_201L;
  private static final int CASES_PER_SEED = Integer.getInteger("warden.fuzz.cases", 5_000);

  private static FuzzBed bed;

  @BeforeAll
  static void start() throws Exception {
    bed = new FuzzBed();
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
  }

  // 10,000 cases took 55 s on 2 loaded cores, close to the suite's 60 s default (each case has its
  // own 15 s)
  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void mutatedRequestsNeverReachAnOriginWithoutItsRealmsCredentialsNorHang() throws Exception {
    List<Long> seeds = new ArrayList<>();
    Long replay = Long.getLong("warden.fuzz.seed");
    if (replay != null) {
      seeds.add(replay);
    } else {
      seeds.add(FIXED_SEED);
      seeds.add(new SecureRandom().nextLong());
    }
    int cases = 0;
    for (long seed : seeds) {
      FuzzRun.Result result = new FuzzRun(bed, seed, CASES_PER_SEED, 8, FuzzRun.BOUND).run();
      System.out.println(result.summary() + " (replay: -Dwarden.fuzz.seed=" + seed + ")");
      assertThat(result.tunnelDamage())
          .as("damaged tunnel streams with seed %d: %s", seed, result.tunnelDamageSamples())
          .isZero();
      assertThat(result.wrongAccepts())
          .as("wrong accepts with seed %d: %s", seed, result.wrongAcceptSamples())
          .isZero();
      assertThat(result.hangs())
          .as("hangs with seed %d: %s", seed, result.hangSamples())
          .isZero();
      // the run did reach the origins, with valid credentials, through all three realms
      assertThat(result.arrivals())
          .as("requests that reached an origin")
          .isGreaterThan(CASES_PER_SEED / 20);
      cases += result.cases();
    }
    assertThat(cases).isEqualTo(seeds.size() * CASES_PER_SEED);
    assertThat(bed.authState().internalErrorCount())
        .as("internal errors while judging")
        .isZero();
    assertStillServes();
  }

  @Test
  void resolvesNamesThroughTheTestHostsFileOnly() throws Exception {
    assertThat(System.getProperty("jdk.net.hosts.file")).endsWith("fuzz-hosts");
    assertThat(InetAddress.getByName("b.fuzz.test").getHostAddress())
        .isEqualTo(FuzzBed.BETA.address());
    assertThatThrownBy(() -> InetAddress.getByName("junk-name.example"))
        .isInstanceOf(UnknownHostException.class);
    int port = bed.originPort();
    // LittleProxy connects by its own resolver: it reaches Beta's origin by the hosts file's
    // name...
    try (RawHttpConnection c = new RawHttpConnection(bed.proxyPort())) {
      long before = bed.arrivals();
      RawResponse reached = c.exchange("GET http://b.fuzz.test:" + port
          + "/by-name HTTP/1.1\r\nHost: b.fuzz.test\r\n" + "Proxy-Authorization: "
          + FuzzBed.BETA.basic() + "\r\n" + FuzzOrigin.TAG + ": named Beta\r\n\r\n");
      assertThat(reached.status()).isEqualTo(200);
      assertThat(bed.arrivals()).isEqualTo(before + 1);
    }
    // ...and a name the file does not know fails as a DNS failure, not through the system resolver
    try (RawHttpConnection c = new RawHttpConnection(bed.proxyPort())) {
      RawResponse failed = c.exchange(
          "GET http://junk-name.example:" + port + "/ HTTP/1.1\r\nHost: junk-name.example\r\n"
              + "Proxy-Authorization: " + FuzzBed.DEFAULT.basic() + "\r\n\r\n");
      assertThat(failed.status()).isEqualTo(502);
    }
    Exchange recorded = awaitExchange("http://junk-name.example:" + port + "/");
    assertThat(recorded.error()).isNotNull();
  }

  private static Exchange awaitExchange(String url) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      List<Exchange> all = bed.warden().traffic().snapshot();
      for (int j = all.size() - 1; j >= 0; j--) {
        if (all.get(j).url().equals(url)) {
          return all.get(j);
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no exchange recorded for " + url);
  }

  private static void assertStillServes() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(bed.proxyPort())) {
      RawResponse ok = c.exchange("GET http://127.0.0.2:" + bed.originPort()
          + "/after HTTP/1.1\r\nHost: x\r\n" + "Proxy-Authorization: " + FuzzBed.ALPHA.basic()
          + "\r\n" + FuzzOrigin.TAG + ": after Alpha\r\n\r\n");
      assertThat(ok.status()).isEqualTo(200);
    }
  }
}
