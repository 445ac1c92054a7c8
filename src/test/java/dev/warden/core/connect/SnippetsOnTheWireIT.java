package dev.warden.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connect panel's snippets pasted into a real shell and run by the real tools against a real
 * Warden (Basic realm, and a Digest one) and a real origin: each ends 200 through Warden. The origin
 * listens on 127.0.0.2, which the snippets' NO_PROXY (loopback's usual names) does not cover; a
 * tool that is not installed skips its test with the reason.
 */
@Timeout(120)
class SnippetsOnTheWireIT {

  private static final String PASSWORD = "right pass'word";
  /** A name a shell would split and a quote would end: the snippets must quote it. */
  private static final String QUOTED_USER = "o'neil smith";

  private static final AtomicInteger PATHS = new AtomicInteger();
  private static RunningWarden warden;
  private static RunningWarden digestWarden;
  private static HttpServer origin;

  @BeforeAll
  static void start() throws Exception {
    CredentialMaterial material = new CredentialMaterial(new PasswordHasher(1_000));
    Realm lab = new Realm(
        "Lab",
        List.of(),
        List.of(
            material.user("alice", true, "Lab", PASSWORD.toCharArray()),
            material.user(QUOTED_USER, true, "Lab", PASSWORD.toCharArray())));
    warden = new RunningWarden(Settings.defaults().withRealms(List.of(lab)));
    Realm digest = new Realm(
        "Vault",
        List.of(),
        List.of(material.user("alice", true, "Vault", PASSWORD.toCharArray())),
        new RealmAuth(
            List.of("digest"), RealmAuth.COMPATIBLE_ALGORITHMS, Duration.ofMinutes(5), 403));
    digestWarden = new RunningWarden(Settings.defaults().withRealms(List.of(digest)));
    origin = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 16);
    origin.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = "through\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    origin.start();
  }

  @AfterAll
  static void stop() {
    if (origin != null) {
      origin.stop(0);
    }
    if (warden != null) {
      warden.close();
    }
    if (digestWarden != null) {
      digestWarden.close();
    }
  }

  private static String url() {
    return "http://127.0.0.2:" + origin.getAddress().getPort() + "/connect-"
        + PATHS.incrementAndGet();
  }

  private static ClientSetup setup(
      RunningWarden through, String user, String realm, String... schemes) {
    return ClientSetup.of(
            new ListenAddress("0.0.0.0", through.port()),
            Optional.of(new ProxyUser(user, realm, List.of(schemes))))
        .withSampleUrl(url());
  }

  private static Exchange answered(RunningWarden through, ClientSetup setup)
      throws InterruptedException {
    return through.awaitExchange(e -> e.url().equals(setup.sampleUrl()) && e.status() == 200);
  }

  @Test
  void curlPromptsForThePasswordAndIsAnswered200() throws Exception {
    assumeTrue(Shell.has("curl"), "curl is not installed");
    ClientSetup setup = setup(warden, "alice", "Lab", "basic");
    String snippet = new CurlSnippet().snippet(setup).text();

    Shell.Run run = Shell.run(
        snippet.strip() + " --silent --show-error --write-out '%{http_code}' --output /dev/null",
        Map.of(),
        PASSWORD + "\n");

    assertThat(run.output()).as(snippet).endsWith("200");
    assertThat(answered(warden, setup).user()).contains("alice");
  }

  @Test
  void curlAnswersDigestWithTheFlagTheRealmNeeds() throws Exception {
    assumeTrue(Shell.has("curl"), "curl is not installed");
    ClientSetup setup = setup(digestWarden, "alice", "Vault", "digest");
    String snippet = new CurlSnippet().snippet(setup).text();

    Shell.Run run = Shell.run(
        snippet.strip() + " --silent --show-error --write-out '%{http_code}' --output /dev/null",
        Map.of(),
        PASSWORD + "\n");

    assertThat(snippet).contains("--proxy-digest");
    assertThat(run.output()).as(snippet).endsWith("200");
    assertThat(answered(digestWarden, setup).user()).contains("alice");
  }

  @Test
  void environmentLinesCarryAQuotedUserThroughWarden() throws Exception {
    assumeTrue(Shell.has("curl"), "curl is not installed");
    ClientSetup setup = setup(warden, QUOTED_USER, "Lab", "basic");
    String snippet = new EnvironmentSnippet().snippet(setup).text();

    Shell.Run run = Shell.run(
        snippet + "curl --silent --show-error --write-out '%{http_code}' --output /dev/null " + "'"
            + setup.sampleUrl() + "'",
        Map.of(ClientSetup.PASSWORD_VARIABLE, percentEncoded(PASSWORD)),
        "");

    assertThat(run.output()).as(snippet).endsWith("200");
    assertThat(answered(warden, setup).user()).contains(QUOTED_USER);
  }

  @Test
  void environmentLinesLeaveLoopbackOutOfTheProxy() throws Exception {
    assumeTrue(Shell.has("curl"), "curl is not installed");
    try (TestOrigin local = new TestOrigin()) {
      String direct = local.url("/not-proxied-" + PATHS.incrementAndGet());
      ClientSetup setup = setup(warden, "alice", "Lab", "basic");
      long before = warden.warden().traffic().totalRecorded();

      Shell.Run run = Shell.run(
          new EnvironmentSnippet().snippet(setup).text()
              + "curl --silent --write-out '%{http_code}' --output /dev/null '" + direct + "'",
          Map.of(ClientSetup.PASSWORD_VARIABLE, "unused"),
          "");

      assertThat(run.output()).endsWith("200");
      assertThat(local.seen()).hasSize(1);
      assertThat(local.seen().get(0).hasHeader("Proxy-Authorization")).isFalse();
      assertThat(warden.warden().traffic().snapshot()).noneMatch(e -> e.url().equals(direct));
      assertThat(warden.warden().traffic().totalRecorded()).isEqualTo(before);
    }
  }

  @Test
  void wgetDownloadsThroughWarden() throws Exception {
    assumeTrue(Shell.has("wget"), "wget is not installed");
    ClientSetup setup = setup(warden, QUOTED_USER, "Lab", "basic");
    String snippet = new WgetSnippet().snippet(setup).text();

    Shell.Run run = Shell.run(
        snippet.strip() + " --quiet --output-document=- ",
        Map.of(ClientSetup.PASSWORD_VARIABLE, PASSWORD),
        "");

    assertThat(run.output()).as(snippet).isEqualTo("through\n");
    assertThat(answered(warden, setup).user()).contains(QUOTED_USER);
  }

  @Test
  void aChildJvmWithTheJavaFlagsIsAnswered200() throws Exception {
    ClientSetup setup = setup(warden, "alice", "Lab", "basic");

    assertThat(javaChild(setup)).contains("STATUS=200");
    assertThat(answered(warden, setup).user()).contains("alice");
  }

  @Test
  void aChildJvmAnswersDigestWithoutTheBasicFlags() throws Exception {
    ClientSetup setup = setup(digestWarden, "alice", "Vault", "digest");

    assertThat(new JavaSnippet().snippet(setup).text()).doesNotContain("disabledSchemes");
    assertThat(javaChild(setup)).contains("STATUS=200");
    assertThat(answered(digestWarden, setup).auth().toString()).contains("Digest");
  }

  /** Runs the snippet's java line with ProxiedFetch in place of the application; returns its output. */
  private static String javaChild(ClientSetup setup) throws Exception {
    String snippet = new JavaSnippet().snippet(setup).text();
    String javaLine =
        snippet.lines().filter(l -> l.startsWith("java ")).findFirst().orElseThrow();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the origin is on loopback, which the JDK proxies only with the flag the snippet names for it
    assertThat(snippet).contains("add " + JavaSnippet.LOOPBACK_TOO + " to proxy them too");
    Shell.Run run = Shell.run(
        "'" + java + "'"
            + javaLine
                .substring(4)
                .replace(
                    " -jar app.jar",
                    " " + JavaSnippet.LOOPBACK_TOO + " -cp '"
                        + System.getProperty("java.class.path") + "' "
                        + ProxiedFetch.class.getName() + " '" + setup.sampleUrl() + "' "
                        + setup.userName().orElseThrow()),
        Map.of(ClientSetup.PASSWORD_VARIABLE, PASSWORD),
        "");
    return run.output() + "\n" + snippet;
  }

  @Test
  void pythonUrllibAnswersBasic() throws Exception {
    assumeTrue(
        Shell.has("python3") || Shell.run("command -v python3", Map.of(), "").status() == 0,
        "python3 is not installed");
    ClientSetup setup = setup(warden, QUOTED_USER, "Lab", "basic");
    String script = new PythonUrllibSnippet().snippet(setup).text();

    Shell.Run run = Shell.run(
        "python3 -c " + dev.warden.core.replay.ShellQuote.quote(script),
        Map.of(ClientSetup.PASSWORD_VARIABLE, PASSWORD),
        "");

    assertThat(run.output()).as(script).isEqualTo("200\n");
    assertThat(answered(warden, setup).user()).contains(QUOTED_USER);
  }

  @Test
  void pythonUrllibAnswersDigest() throws Exception {
    assumeTrue(
        Shell.run("command -v python3", Map.of(), "").status() == 0, "python3 is not installed");
    ClientSetup setup = setup(digestWarden, "alice", "Vault", "digest");
    String script = new PythonUrllibSnippet().snippet(setup).text();

    Shell.Run run = Shell.run(
        "python3 -c " + dev.warden.core.replay.ShellQuote.quote(script),
        Map.of(ClientSetup.PASSWORD_VARIABLE, PASSWORD),
        "");

    assertThat(script).contains("ProxyDigestAuthHandler");
    assertThat(run.output()).as(script).isEqualTo("200\n");
    assertThat(answered(digestWarden, setup).user()).contains("alice");
  }

  @Test
  void pythonRequestsSendsTheUserFromTheProxyUrl() throws Exception {
    assumeTrue(
        Shell.run("python3 -c 'import requests'", Map.of(), "").status() == 0,
        "python3 with requests is not installed");
    ClientSetup setup = setup(warden, QUOTED_USER, "Lab", "basic");
    String script = new PythonRequestsSnippet().snippet(setup).text();

    Shell.Run run = Shell.run(
        "python3 -c " + dev.warden.core.replay.ShellQuote.quote(script),
        Map.of(ClientSetup.PASSWORD_VARIABLE, PASSWORD),
        "");

    assertThat(run.output()).as(script).isEqualTo("200\n");
    assertThat(answered(warden, setup).user()).contains(QUOTED_USER);
  }

  @Test
  void gitAsksForThePasswordAndSendsItToWarden(@org.junit.jupiter.api.io.TempDir Path home)
      throws Exception {
    assumeTrue(Shell.has("git"), "git is not installed");
    ClientSetup setup = setup(warden, QUOTED_USER, "Lab", "basic");
    String snippet = new GitSnippet().snippet(setup).text();
    Path askpass = home.resolve("askpass.sh");
    java.nio.file.Files.writeString(
        askpass,
        "#!/bin/sh\necho \"$1\" >> \"$HOME/asked\"\nprintf '%s\\n' \"$"
            + ClientSetup.PASSWORD_VARIABLE + "\"\n");
    assertThat(askpass.toFile().setExecutable(true)).isTrue();
    String repo = "http://127.0.0.2:" + origin.getAddress().getPort() + "/git-"
        + PATHS.incrementAndGet() + ".git";

    Shell.Run run = Shell.run(
        snippet + "git ls-remote '" + repo + "'",
        Map.of(
            "HOME",
            home.toString(),
            "GIT_CONFIG_NOSYSTEM",
            "1",
            "GIT_ASKPASS",
            askpass.toString(),
            "GIT_TERMINAL_PROMPT",
            "0",
            ClientSetup.PASSWORD_VARIABLE,
            PASSWORD),
        "");

    assertThat(java.nio.file.Files.readString(home.resolve("asked")))
        .as(run.output())
        .contains("Password for 'http://o%27neil%20smith@127.0.0.1:" + warden.port() + "'");
    Exchange refs =
        warden.awaitExchange(e -> e.url().startsWith(repo + "/info/refs") && e.status() == 200);
    assertThat(refs.user()).contains(QUOTED_USER);
  }

  @Test
  void npmReadsTheProxyFromTheNodeLines(@org.junit.jupiter.api.io.TempDir Path home)
      throws Exception {
    assumeTrue(Shell.has("npm"), "npm is not installed");
    ClientSetup setup = setup(warden, QUOTED_USER, "Lab", "basic");
    String snippet = new NodeSnippet().snippet(setup).text();
    String registry = "http://127.0.0.2:" + origin.getAddress().getPort() + "/npm-"
        + PATHS.incrementAndGet() + "/";

    Shell.Run run = Shell.run(
        snippet + "npm ping --registry '" + registry + "' --fetch-retries=0",
        Map.of(
            "HOME",
            home.toString(),
            "npm_config_cache",
            home.resolve("cache").toString(),
            ClientSetup.PASSWORD_VARIABLE,
            percentEncoded(PASSWORD)),
        "");

    Exchange ping = warden.awaitExchange(e -> e.url().startsWith(registry) && e.status() == 200);
    assertThat(ping.user()).as(run.output()).contains(QUOTED_USER);
  }

  private static String percentEncoded(String text) {
    return ClientSetup.percentEncode(text);
  }
}
