package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.TunnelPorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real NTLM clients complete the handshake with Warden: curl ({@code --proxy-ntlm}, plain HTTP and
 * tunnelled with {@code -p}) and Java's HttpURLConnection with an Authenticator (its pure-Java NTLMv2
 * client), in a child JVM so its process-wide authentication cache cannot leak into other tests.
 * Each run is checked on Warden's record: challenged, then the three legs, then authenticated.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NtlmClientsIT {

  private static final String REALM = "Corp";
  private static final String USER = "alice";
  private static final String PASSWORD = "s3cret-ntlm";
  private static final Path CURL = Path.of("/usr/bin/curl");

  private static TestOrigin origin;
  private static RunningWarden warden;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
    Realm corp = new Realm(
        REALM,
        List.of(),
        List.of(new CredentialMaterial(new PasswordHasher(1_000))
            .user(USER, true, REALM, PASSWORD.toCharArray())),
        RealmAuth.defaults().withSchemes(List.of(RealmAuth.NTLM)));
    warden = new RunningWarden(
        TunnelPorts.allowing(Settings.defaults().withRealms(List.of(corp)), origin.port()));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
  }

  @Test
  void curlCompletesNtlmForPlainHttp() throws Exception {
    String url = origin.url("/curl-ntlm");
    Run run = curl(url, PASSWORD);
    run.assertNtlmHandshake(e -> !e.isConnect() && e.url().equals(url));
  }

  @Test
  void curlCompletesNtlmOnAConnectTunnel() throws Exception {
    String authority = "127.0.0.1:" + origin.port();
    Run run = curl(origin.url("/curl-ntlm-tunnel"), PASSWORD, "-p");
    run.assertNtlmHandshake(e -> e.isConnect() && e.url().equals(authority));
    assertThat(origin.seen()).anyMatch(s -> s.path().equals("/curl-ntlm-tunnel"));
  }

  @Test
  void curlWithAWrongPasswordIsRefusedWithThatReason() throws Exception {
    String url = origin.url("/curl-ntlm-wrong");
    Run run = curl(url, "not-it");
    assertThat(run.status()).as(run.output()).isEqualTo(407);
    Exchange last = warden.awaitExchange(e -> e.id() > run.mark()
        && e.url().equals(url)
        && e.auth() instanceof AuthOutcome.Challenged c
        && c.reason() == ChallengeReason.WRONG_PASSWORD);
    assertThat(((AuthOutcome.Challenged) last.auth()).user()).isEqualTo(USER);
  }

  /**
   * A Type 2 without extended session security makes curl fall back to NTLMv1, which Warden refuses
   * with that reason (the scheme is registered by the test under a key of its own).
   */
  @Test
  void curlAnsweringWithNtlmV1IsRefusedWithThatReason() throws Exception {
    assumeThat(Files.isExecutable(CURL)).as("curl installed").isTrue();
    AuthState state = new AuthState();
    state.addScheme("ntlm-without-ess", s -> new NtlmScheme(s.clock(), false));
    Realm old = new Realm(
        REALM,
        List.of(),
        List.of(new CredentialMaterial(new PasswordHasher(1_000))
            .user(USER, true, REALM, PASSWORD.toCharArray())),
        RealmAuth.defaults().withSchemes(List.of("ntlm-without-ess")));
    try (RunningWarden legacy =
        new RunningWarden(Settings.defaults().withRealms(List.of(old)), state)) {
      String url = origin.url("/curl-ntlm-v1");
      long mark = legacy.warden().traffic().snapshot().size();
      Run run = run(List.of(
          CURL.toString(),
          "-q",
          "-sS",
          "-o",
          "/dev/null",
          "-w",
          "\\nSTATUS=%{http_code}\\n",
          "--max-time",
          "10",
          "-x",
          "http://127.0.0.1:" + legacy.port(),
          "--proxy-ntlm",
          "--proxy-user",
          USER + ":" + PASSWORD,
          url));
      assertThat(run.status()).as(run.output()).isEqualTo(407);
      Exchange refused = legacy.awaitExchange(e -> e.id() > mark
          && e.url().equals(url)
          && e.status() == 407
          && e.auth() instanceof AuthOutcome.Challenged c
          && c.reason() != ChallengeReason.HANDSHAKE_CONTINUES
          && c.reason() != ChallengeReason.MISSING);
      AuthOutcome.Challenged why = (AuthOutcome.Challenged) refused.auth();
      assertThat(why.reason()).isEqualTo(ChallengeReason.NTLM_VERSION_REFUSED);
      assertThat(why.describe()).contains("NTLMv1 (24-byte response)");
    }
  }

  /** The same curl NTLMv1 answer, verified from the NT hash once the realm's knob legacyNtlm is on. */
  @Test
  void curlAnsweringWithNtlmV1IsVerifiedWithTheLegacyKnobOn() throws Exception {
    assumeThat(Files.isExecutable(CURL)).as("curl installed").isTrue();
    AuthState state = new AuthState();
    state.addScheme("ntlm-without-ess", s -> new NtlmScheme(s.clock(), false));
    Realm old = new Realm(
            REALM,
            List.of(),
            List.of(new CredentialMaterial(new PasswordHasher(1_000))
                .user(USER, true, REALM, PASSWORD.toCharArray())),
            RealmAuth.defaults().withSchemes(List.of("ntlm-without-ess")))
        .withFaults(FaultKnob.parse(List.of("legacyNtlm=true")));
    try (RunningWarden legacy =
        new RunningWarden(Settings.defaults().withRealms(List.of(old)), state)) {
      String url = origin.url("/curl-ntlm-v1-allowed");
      long mark = legacy.warden().traffic().snapshot().size();
      Run run = run(List.of(
          CURL.toString(),
          "-q",
          "-sS",
          "-o",
          "/dev/null",
          "-w",
          "\\nSTATUS=%{http_code}\\n",
          "--max-time",
          "10",
          "-x",
          "http://127.0.0.1:" + legacy.port(),
          "--proxy-ntlm",
          "--proxy-user",
          USER + ":" + PASSWORD,
          url));
      assertThat(run.status()).as(run.output()).isEqualTo(200);
      Exchange accepted =
          legacy.awaitExchange(e -> e.id() > mark && e.url().equals(url) && e.status() == 200);
      assertThat(accepted.auth()).isEqualTo(new AuthOutcome.Authenticated("NTLM", USER, REALM));
      assertThat(((ReceivedCredentials.NtlmParams) accepted.received()).response())
          .isEqualTo(
              "NTLMv1: 24-byte response, LM 24 bytes; NTLMv1 verified (LM response not checked) under the"
                  + " fault knob legacyNtlm=true");
    }
  }

  /**
   * Java's own NTLM client speaks NTLMv1 when told to ({@code -Dntlm.version}, read by the JDK's
   * NTLMAuthentication): NTLMv1 alone, and NTLMv1 with client challenge (NTLM2 session response)
   * are verified with the knob on and refused with it off; LM alone stays refused either way.
   */
  @Test
  void javasNtlmV1ClientsAreVerifiedWithTheLegacyKnobAndRefusedWithout() throws Exception {
    Realm realm = new Realm(
        REALM,
        List.of(),
        List.of(new CredentialMaterial(new PasswordHasher(1_000))
            .user(USER, true, REALM, PASSWORD.toCharArray())),
        RealmAuth.defaults().withSchemes(List.of(RealmAuth.NTLM)));
    try (RunningWarden legacy = new RunningWarden(Settings.defaults().withRealms(List.of(realm)))) {
      List<String> table = new ArrayList<>();
      for (boolean knob : List.of(false, true)) {
        legacy.update(s -> s.withRealms(
            List.of(s.realms().get(0).withFaults(FaultKnob.parse(List.of("legacyNtlm=" + knob))))));
        for (String version : List.of("NTLM", "NTLM2", "LM", "LMv2/NTLMv2")) {
          String url = origin.url("/huc-" + version.replace('/', '-') + "-" + knob);
          Run run = huc(legacy.port(), url, null, "-Dntlm.version=" + version);
          Exchange last = legacy.awaitExchange(e -> e.url().equals(url)
              && (e.status() == 200
                  || e.auth() instanceof AuthOutcome.Challenged c
                      && c.reason() != ChallengeReason.MISSING
                      && c.reason() != ChallengeReason.HANDSHAKE_CONTINUES));
          String why =
              last.auth() instanceof AuthOutcome.Challenged c ? c.reason().label() : "";
          table.add("legacyNtlm=" + knob + " " + version + " -> " + run.status()
              + (why.isEmpty() ? "" : " " + why));
        }
      }
      assertThat(table)
          .containsExactly(
              "legacyNtlm=false NTLM -> 407 NTLMv1/LM refused",
              "legacyNtlm=false NTLM2 -> 407 NTLMv1/LM refused",
              "legacyNtlm=false LM -> 407 NTLMv1/LM refused",
              "legacyNtlm=false LMv2/NTLMv2 -> 200",
              "legacyNtlm=true NTLM -> 200",
              "legacyNtlm=true NTLM2 -> 200",
              "legacyNtlm=true LM -> 407 NTLMv1/LM refused",
              "legacyNtlm=true LMv2/NTLMv2 -> 200");
    }
  }

  @Test
  void httpUrlConnectionCompletesNtlmForPlainHttp() throws Exception {
    String url = origin.url("/huc-ntlm");
    Run run = huc(url, null);
    run.assertNtlmHandshake(e -> !e.isConnect() && e.url().equals(url));
  }

  @Test
  void httpUrlConnectionCompletesNtlmOnAConnectTunnel(@TempDir Path dir) throws Exception {
    try (DigestClientsIT.TlsOrigin tls = DigestClientsIT.TlsOrigin.start(dir)) {
      warden.update(s -> TunnelPorts.allowing(s, tls.server().getAddress().getPort()));
      Run run = huc(tls.url("/huc-ntlm-tunnel"), tls.keystore());
      run.assertNtlmHandshake(e -> e.isConnect() && e.url().equals(tls.authority()));
    }
  }

  // ---------------------------------------------------------------- clients and the record

  private static long lastId() {
    List<Exchange> all = warden.warden().traffic().snapshot();
    return all.isEmpty() ? -1 : all.get(all.size() - 1).id();
  }

  private static Run curl(String url, String password, String... extra) throws Exception {
    assumeThat(Files.isExecutable(CURL)).as("curl installed").isTrue();
    List<String> command = new ArrayList<>(List.of(
        CURL.toString(),
        "-q",
        "-sS",
        "-v",
        "-o",
        "/dev/null",
        "-w",
        "\\nSTATUS=%{http_code}\\n",
        "--max-time",
        "10",
        "-x",
        "http://127.0.0.1:" + warden.port(),
        "--proxy-ntlm",
        "--proxy-user",
        USER + ":" + password));
    command.addAll(List.of(extra));
    command.add(url);
    return run(command);
  }

  /**
   * HttpURLConnection in a child JVM. Nothing is re-enabled: NTLM is in neither
   * {@code jdk.http.auth.proxying.disabledSchemes} (empty by default) nor
   * {@code jdk.http.auth.tunneling.disabledSchemes} (Basic by default).
   */
  private static Run huc(String url, Path truststore) throws Exception {
    return huc(warden.port(), url, truststore, "-Dntlm.version=LMv2/NTLMv2");
  }

  private static Run huc(int port, String url, Path truststore, String version) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1",
        version,
        "-cp",
        System.getProperty("java.class.path"),
        HucNtlmClient.class.getName(),
        String.valueOf(port),
        url,
        USER,
        PASSWORD));
    if (truststore != null) {
      command.add(truststore.toString());
    }
    return run(command);
  }

  private static Run run(List<String> command) throws Exception {
    long mark = lastId();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    for (String variable : List.of(
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
        "no_proxy",
        "NO_PROXY",
        "CURL_HOME")) {
      builder.environment().remove(variable);
    }
    Process process = builder.start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = process.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(output unreadable: " + e + ")";
      }
    });
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command.get(0) + " did not finish in 30 s");
    }
    return new Run(mark, output.get(5, TimeUnit.SECONDS));
  }

  /** What one client run printed and what Warden recorded since it started. */
  private record Run(long mark, String output) {

    int status() {
      int status = -1;
      for (String line : output.split("\\R")) {
        if (line.startsWith("STATUS=")) {
          status = Integer.parseInt(line.substring("STATUS=".length()).strip());
        }
      }
      return status;
    }

    List<Exchange> recorded(Predicate<Exchange> which) {
      return warden.warden().traffic().snapshot().stream()
          .filter(e -> e.id() > mark)
          .filter(which)
          .toList();
    }

    String story(Predicate<Exchange> which) {
      return recorded(which).stream()
          .map(e -> e.connectionId() + ": " + e.method() + " " + e.url() + " -> " + e.status() + " "
              + e.auth().describe())
          .collect(Collectors.joining(
              "\n  ", "client printed:\n" + output + "\nWarden recorded:\n  ", ""));
    }

    /**
     * The client got 200; Warden recorded, on one connection, a 407 continuing the handshake (the
     * client's Type 1 answered with a Type 2) and then an NTLMv2 success for the user. Before it may
     * come a 407 without credentials (on that connection or another: HttpURLConnection opens a new
     * one for the handshake) unless the client sent its Type 1 at once (curl {@code --proxy-ntlm}).
     */
    void assertNtlmHandshake(Predicate<Exchange> which) throws InterruptedException {
      assertThat(status()).as(() -> story(which)).isEqualTo(200);
      Exchange accepted =
          warden.awaitExchange(e -> e.id() > mark && which.test(e) && e.status() == 200);
      assertThat(accepted.auth())
          .as(() -> story(which))
          .isEqualTo(new AuthOutcome.Authenticated("NTLM", USER, REALM));
      List<Exchange> legs = recorded(which);
      assertThat(legs.get(legs.size() - 1)).as(() -> story(which)).isEqualTo(accepted);
      Exchange type1 = legs.get(legs.size() - 2);
      assertThat(((AuthOutcome.Challenged) type1.auth()).reason())
          .as(() -> story(which))
          .isEqualTo(ChallengeReason.HANDSHAKE_CONTINUES);
      assertThat(type1.connectionId()).as(() -> story(which)).isEqualTo(accepted.connectionId());
      assertThat(legs.subList(0, legs.size() - 2))
          .as(() -> story(which))
          .allSatisfy(e -> assertThat(((AuthOutcome.Challenged) e.auth()).reason())
              .isEqualTo(ChallengeReason.MISSING));
      ReceivedCredentials.NtlmParams type3 = (ReceivedCredentials.NtlmParams) accepted.received();
      assertThat(type3.response())
          .as(() -> story(which))
          .startsWith("NTLMv2")
          .contains("LMv2 verified");
      assertThat(type3.user()).isEqualTo(USER);
    }
  }

  /** Java's HttpURLConnection through the proxy with an Authenticator; prints {@code STATUS=n}. */
  public static final class HucNtlmClient {

    public static void main(String[] args) throws Exception {
      Proxy proxy =
          new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(args[1]).toURL().openConnection(proxy);
      String user = args[2];
      char[] password = args[3].toCharArray();
      connection.setAuthenticator(new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return getRequestorType() == RequestorType.PROXY
              ? new PasswordAuthentication(user, password)
              : null;
        }
      });
      if (connection instanceof HttpsURLConnection https) {
        https.setSSLSocketFactory(
            DigestClientsIT.HucClient.sslContext(Path.of(args[4]), false).getSocketFactory());
      }
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(10_000);
      connection.setUseCaches(false);
      try {
        int status = connection.getResponseCode();
        InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        if (body != null) {
          try (body) {
            body.readAllBytes();
          }
        }
        System.out.println("STATUS=" + status);
      } catch (IOException e) {
        System.out.println("ERROR=" + e);
      } finally {
        connection.disconnect();
      }
    }
  }
}
