package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.warden.testing.TestOrigin;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless Warden as a user runs it: a separate JVM, real sockets, its real stdout and stderr. */
class HeadlessProcessIT {

  private static final String PASSWORD = "s3cret:with:colons";

  private TestOrigin origin;
  private WardenProcess warden;

  @BeforeEach
  void startOrigin() throws Exception {
    origin = new TestOrigin();
  }

  @AfterEach
  void stopAll() {
    if (warden != null) {
      warden.close();
    }
    origin.close();
  }

  @Test
  void printsOneAccessLogLinePerExchange() throws Exception {
    warden = WardenProcess.start(
        "--headless", "--listen", "127.0.0.1:0", "--user", "alice:" + PASSWORD, "--user", "bob:x");
    int port = warden.awaitPort();

    HttpResponse<String> challenged =
        client(port).send(get(origin.url("/x")), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> allowed = getWithCredentials(port, origin.url("/y"), "alice", PASSWORD);

    assertThat(challenged.statusCode()).isEqualTo(407);
    assertThat(allowed.statusCode()).isEqualTo(200);
    String first = warden.awaitOut(l -> l.contains(origin.url("/x") + " "));
    String second = warden.awaitOut(l -> l.contains(origin.url("/y") + " "));
    assertThat(first.split(" "))
        .satisfies(
            f -> assertThat(f[0]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"))
        .satisfies(f -> assertThat(f[1]).startsWith("127.0.0.1:"))
        .satisfies(f -> assertThat(f[2]).isEqualTo("-"))
        .satisfies(f -> assertThat(f[3]).isEqualTo("GET"))
        .satisfies(f -> assertThat(f[4]).isEqualTo(origin.url("/x")))
        .satisfies(f -> assertThat(f[5]).isEqualTo("407"))
        .satisfies(f -> assertThat(f[6]).isEqualTo("challenged:missing"))
        .satisfies(f -> assertThat(f[8]).matches("\\d+"));
    assertThat(second.split(" "))
        .satisfies(f -> assertThat(f[2]).isEqualTo("alice"))
        .satisfies(f -> assertThat(f[4]).isEqualTo(origin.url("/y")))
        .satisfies(f -> assertThat(f[5]).isEqualTo("200"))
        .satisfies(f -> assertThat(f[6]).isEqualTo("authenticated"))
        .satisfies(f -> assertThat(f[7]).isEqualTo(Integer.toString(TestOrigin.BODY.length())));
    assertThat(warden.terminate()).isZero();
    assertThat(warden.out()).hasSize(3);
    assertThat(warden.out().get(0)).endsWith("(407 enforcement on, realm \"Warden\", 2 users)");
    assertThat(String.join("\n", warden.out()) + String.join("\n", warden.err()))
        .doesNotContain("s3cret")
        .doesNotContain(basic("alice", PASSWORD).substring("Basic ".length()));
  }

  @Test
  void acceptsUsersOfAnHtpasswdFile(@TempDir Path dir) throws Exception {
    Path htpasswd = dir.resolve("users.htpasswd");
    String bcrypt = BCrypt.withDefaults().hashToString(4, "bcrypt-pw".toCharArray());
    String sha = "{SHA}"
        + Base64.getEncoder()
            .encodeToString(MessageDigest.getInstance("SHA-1")
                .digest("sha-pw".getBytes(StandardCharsets.UTF_8)));
    Files.writeString(htpasswd, "# test users\ncarol:" + bcrypt + "\ndave:" + sha + "\n");
    warden = WardenProcess.start(
        "--headless",
        "--listen",
        "127.0.0.1:0",
        "--realm",
        "Lab",
        "--users-file",
        htpasswd.toString());
    int port = warden.awaitPort();

    assertThat(getWithCredentials(port, origin.url("/c"), "carol", "bcrypt-pw").statusCode())
        .isEqualTo(200);
    assertThat(getWithCredentials(port, origin.url("/d"), "dave", "sha-pw").statusCode())
        .isEqualTo(200);
    HttpResponse<String> wrong = getWithCredentials(port, origin.url("/w"), "carol", "nope");

    assertThat(wrong.statusCode()).isEqualTo(407);
    assertThat(wrong.headers().firstValue("Proxy-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).contains("realm=\"Lab\""));
    assertThat(warden.awaitOut(l -> l.contains(origin.url("/w") + " ")))
        .contains(" carol GET ")
        .contains(" 407 challenged:wrong-password ");
    assertThat(warden.out().get(0)).endsWith("(407 enforcement on, realm \"Lab\", 2 users)");
    assertThat(warden.terminate()).isZero();
  }

  @Test
  void logsWhenAGuessingClientIsLockedOut() throws Exception {
    // a lockout after 5 failures: each wrong password costs a real PBKDF2 check at 600,000
    // iterations, which fifty on a loaded 2-core machine would take longer than a socket waits
    warden = WardenProcess.start(
        "--headless",
        "--listen",
        "127.0.0.1:0",
        "--user",
        "alice:" + PASSWORD,
        "--lockout",
        "3,5,5m");
    int port = warden.awaitPort();
    // seven wrong passwords at once for one user: each answer past the third is delayed, but they
    // run in parallel
    java.util.concurrent.ExecutorService clients =
        java.util.concurrent.Executors.newFixedThreadPool(7);
    java.util.List<java.util.concurrent.Future<Integer>> guesses = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String authorization = "Proxy-Authorization: Basic "
          + Base64.getEncoder()
              .encodeToString(("alice:guess-" + i).getBytes(StandardCharsets.UTF_8))
          + "\r\n";
      // one address each: one address may have only four verifications in flight at once
      java.net.InetAddress from = java.net.InetAddress.getByName("127.0.2." + (i + 1));
      guesses.add(clients.submit(() -> {
        try (dev.warden.testing.RawHttpConnection c =
            new dev.warden.testing.RawHttpConnection(port, from)) {
          return c.exchange("GET " + origin.url("/guess") + " HTTP/1.1\r\nHost: x\r\n"
                  + authorization + "\r\n")
              .status();
        }
      }));
    }
    for (var guess : guesses) {
      assertThat(guess.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(407);
    }
    clients.shutdown();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (warden.err().stream().noneMatch(l -> l.contains("lockout started"))
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(warden.err())
        .anyMatch(l -> l.contains("lockout started") && l.contains("realm 'Warden'"));
    assertThat(warden.err()).noneMatch(l -> l.contains("guess-"));
    // a locked user is refused even with the right password
    assertThat(getWithCredentials(port, origin.url("/right"), "alice", PASSWORD).statusCode())
        .isEqualTo(407);
  }

  @Test
  void forwardsWithoutCredentialsWhenAuthIsOff() throws Exception {
    warden = WardenProcess.start("--headless", "--listen", "127.0.0.1:0", "--no-auth");
    int port = warden.awaitPort();

    HttpResponse<String> response =
        client(port).send(get(origin.url("/open")), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(TestOrigin.BODY);
    assertThat(warden.awaitOut(l -> l.contains(origin.url("/open") + " ")))
        .contains(" - GET ")
        .contains(" 200 not-required ");
    assertThat(warden.out().get(0)).endsWith("(407 enforcement off)");
    assertThat(warden.terminate()).isZero();
  }

  @Test
  void exitsWithStatus2AndOneLineForABadFlag() throws Exception {
    warden = WardenProcess.start("--headless", "--listen", "127.0.0.1:x");

    assertThat(warden.awaitExit()).isEqualTo(2);
    assertThat(warden.err())
        .containsExactly(
            "warden: --listen: '127.0.0.1:x': 'x' is not a port number (0-65535)",
            "Try 'warden --help'");
    assertThat(warden.out()).isEmpty();
  }

  @Test
  void exitsWithStatus2AndOneLineWithoutTheTokenForATokenNoClientCouldSend() throws Exception {
    warden = WardenProcess.start(
        "--headless", "--listen", "127.0.0.1:0", "--token", "ci-bot:s3cret token");

    assertThat(warden.awaitExit()).isEqualTo(2);
    assertThat(warden.err())
        .containsExactly(
            "warden: --token: character 7 of the token of 'ci-bot' is a space: a Bearer token"
                + " holds only letters, digits and - . _ ~ + /, then = at the end (RFC 6750"
                + " b64token)",
            "Try 'warden --help'");
    assertThat(warden.out()).isEmpty();
  }

  @Test
  void closesAnIdleConnectionAfterTheIdleTimeoutGivenOnTheCommandLine() throws Exception {
    warden = WardenProcess.start(
        "--headless", "--listen", "127.0.0.1:0", "--no-auth", "--idle-timeout", "300ms");
    int port = warden.awaitPort();
    try (dev.warden.testing.RawHttpConnection idle =
        new dev.warden.testing.RawHttpConnection(port)) {
      long start = System.nanoTime();
      assertThat(idle.isClosedByPeer(5_000)).isTrue();
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
          .isBetween(java.time.Duration.ofMillis(250), java.time.Duration.ofSeconds(5));
    }
    assertThat(warden.terminate()).isZero();
  }

  @Test
  void exitsWithStatus2AndOneLineForABadLimit() throws Exception {
    warden =
        WardenProcess.start("--headless", "--listen", "127.0.0.1:0", "--idle-timeout", "forever");

    assertThat(warden.awaitExit()).isEqualTo(2);
    assertThat(warden.err())
        .first()
        .asString()
        .isEqualTo("warden: --idle-timeout: 'forever' is not a duration; "
            + "use milliseconds (500ms), seconds (30, 30s), minutes (5m) or hours (1h)");
    assertThat(warden.out()).isEmpty();
  }

  @Test
  void printsHelpAndVersionOnStandardOutput() throws Exception {
    try (WardenProcess help = WardenProcess.start("--help")) {
      assertThat(help.awaitExit()).isZero();
      assertThat(help.out()).first().asString().startsWith("Usage: warden");
      assertThat(help.err()).isEmpty();
    }
    try (WardenProcess version = WardenProcess.start("--version")) {
      assertThat(version.awaitExit()).isZero();
      assertThat(version.out()).containsExactly("warden dev");
    }
  }

  @Test
  void aboutNamesTheLicencesAndTheSettingsFileInUse() throws Exception {
    Path settings = Files.createTempDirectory("warden-about").resolve("settings.json");
    try (WardenProcess about = WardenProcess.start("--about", "--config", settings.toString())) {
      assertThat(about.awaitExit()).isZero();
      assertThat(about.out()).first().asString().startsWith("Warden dev: ");
      assertThat(about.out())
          .anyMatch(l -> l.contains("Apache License 2.0"))
          .anyMatch(l -> l.contains("Classpath Exception"))
          .contains(
              "Settings: " + settings.toAbsolutePath() + " (owner-only; holds password hashes)")
          .contains("Log:      " + settings.toAbsolutePath().getParent().resolve("warden.log"));
      assertThat(about.err()).isEmpty();
    }
  }

  @Test
  void exitsWithStatus1WhenThePortIsInUse() throws Exception {
    warden =
        WardenProcess.start("--headless", "--listen", "127.0.0.1:" + origin.port(), "--no-auth");

    assertThat(warden.awaitExit()).isEqualTo(1);
    assertThat(warden.err()).anyMatch(l -> l.startsWith("warden: ") && l.contains("in use"));
    assertThat(warden.out()).isEmpty();
  }

  @Test
  void loadsNoJavaFxClassInHeadlessMode() throws Exception {
    warden = WardenProcess.start(
        List.of("-verbose:class"), "--headless", "--listen", "127.0.0.1:0", "--no-auth");
    int port = warden.awaitPort();
    client(port).send(get(origin.url("/fx")), HttpResponse.BodyHandlers.discarding());
    warden.awaitOut(l -> l.contains(origin.url("/fx") + " "));

    assertThat(warden.terminate()).isZero();
    assertThat(warden.out()).anyMatch(l -> l.contains("dev.warden.app.Main"));
    assertThat(warden.out()).noneMatch(l -> l.contains("javafx.") || l.contains("dev.warden.ui."));
  }

  private static HttpClient client(int proxyPort) {
    return HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxyPort)))
        .connectTimeout(Duration.ofSeconds(3))
        .build();
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(3))
        .build();
  }

  /**
   * A pre-emptive Basic request: the header is set by hand, as a CI client would, rather than through
   * an Authenticator, which would wait for the 407 first.
   */
  private static HttpResponse<String> getWithCredentials(
      int port, String url, String user, String password) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(3))
        .header("Proxy-Authorization", basic(user, password))
        .build();
    return client(port).send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
