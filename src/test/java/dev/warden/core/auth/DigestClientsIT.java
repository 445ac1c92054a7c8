package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.TunnelPorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real clients (curl, python urllib, Java HttpURLConnection in this JVM and in a child JVM) complete
 * Digest proxy authentication through a real Warden to a real origin on loopback, for plain HTTP and
 * through CONNECT. What each client can do is in docs/digest-interop.md; where a client cannot, the
 * documented failure is asserted, so this class states what works and what does not.
 */
@Timeout(30)
class DigestClientsIT {

  private static final String REALM = "Warden";
  private static final String USER = "alice";
  private static final String PASSWORD = "s3cret-d1gest";
  private static final Path CURL = Path.of("/usr/bin/curl");
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Pattern STATUS = Pattern.compile("STATUS=(\\d+)");

  private static final List<String> DIGEST = List.of(RealmAuth.DIGEST);
  private static final List<String> DIGEST_BASIC = List.of(RealmAuth.DIGEST, RealmAuth.BASIC);

  @TempDir
  static Path tmp;

  private static TestOrigin origin;
  private static RunningWarden warden;
  private static TlsOrigin tlsOrigin;

  @BeforeAll
  static void start() throws Exception {
    User alice = new CredentialMaterial(new PasswordHasher(1_000))
        .user(USER, true, REALM, PASSWORD.toCharArray());
    origin = new TestOrigin();
    warden = new RunningWarden(TunnelPorts.allowing(
        Settings.defaults().withRealms(List.of(new Realm(REALM, List.of(), List.of(alice)))),
        origin.port()));
  }

  @AfterAll
  static void stop() {
    warden.close();
    origin.close();
    if (tlsOrigin != null) {
      tlsOrigin.close();
    }
  }

  // ---------------------------------------------------------------- curl

  @Test
  void curlProxyDigestTakesTheFirstChallengeSha256() throws Exception {
    offer(DIGEST, RealmAuth.DEFAULT_ALGORITHMS);
    Run run = curlThroughWarden(origin.url("/curl-sha256"), "--proxy-digest");
    // curl hashes the user name as the challenge allows, so Warden finds alice by her userhash
    assertThat(run.sentAuthorization())
        .contains("algorithm=SHA-256")
        .contains("uri=\"/curl-sha256\"")
        .contains("userhash=true")
        .doesNotContain(USER);
    run.assertDigest(forUrl(origin.url("/curl-sha256")), "SHA-256");
  }

  @Test
  void curlProxyDigestWithMd5Only() throws Exception {
    offer(DIGEST, List.of("MD5"));
    Run run = curlThroughWarden(origin.url("/curl-md5"), "--proxy-digest");
    assertThat(run.sentAuthorization()).contains("algorithm=MD5");
    run.assertDigest(forUrl(origin.url("/curl-md5")), "MD5");
  }

  @Test
  void curlTunnelsWithDigestOnConnect() throws Exception {
    offer(DIGEST, RealmAuth.DEFAULT_ALGORITHMS);
    String authority = "127.0.0.1:" + origin.port();
    Run run = curlThroughWarden(origin.url("/curl-tunnel"), "-p", "--proxy-digest");
    assertThat(run.sentAuthorization())
        .contains("algorithm=SHA-256")
        .contains("uri=\"" + authority + "\"");
    run.assertDigest(connectTo(authority), "SHA-256");
    assertThat(origin.seen()).anyMatch(s -> s.path().equals("/curl-tunnel"));
  }

  @Test
  void curlAnyauthPrefersDigestOverBasic() throws Exception {
    offer(DIGEST_BASIC, RealmAuth.DEFAULT_ALGORITHMS);
    Run run = curlThroughWarden(origin.url("/curl-anyauth"), "--proxy-anyauth");
    assertThat(run.sentAuthorization()).startsWith("Digest ");
    run.assertDigest(forUrl(origin.url("/curl-anyauth")), "SHA-256");
  }

  // ---------------------------------------------------------------- python urllib

  @Test
  void urllibAnswersMd5FirstWithDigest() throws Exception {
    offer(DIGEST_BASIC, RealmAuth.COMPATIBLE_ALGORITHMS);
    String url = origin.url("/urllib-md5-first");
    urllib(url).assertDigest(forUrl(url), "MD5");
  }

  @Test
  void urllibCannotAnswerSha256First() throws Exception {
    // documented: urllib 3.11 reads only the first Proxy-Authenticate field and knows no SHA-256
    offer(DIGEST, RealmAuth.DEFAULT_ALGORITHMS);
    String url = origin.url("/urllib-sha256-first");
    Run run = urllib(url);
    assumeThat(run.output()).as("python < 3.14").doesNotContain("PYTHON=3.14", "PYTHON=3.15");
    assertThat(run.output()).contains("ValueError").contains("SHA-256");
    run.assertOnlyChallenged(forUrl(url));
  }

  @Test
  void urllibAnswersBasicWhenBasicComesFirst() throws Exception {
    // documented: urllib 3.11 reads only the first Proxy-Authenticate field; Basic first means
    // Basic
    offer(List.of(RealmAuth.BASIC, RealmAuth.DIGEST), RealmAuth.COMPATIBLE_ALGORITHMS);
    String url = origin.url("/urllib-basic-first");
    urllib(url).assertAuthenticated(forUrl(url), "Basic");
  }

  // ---------------------------------------------------------------- Java HttpURLConnection

  @Test
  void httpUrlConnectionAnswersTheLastChallenge() throws Exception {
    // JDK 17 keeps the last Digest challenge (a HashMap keyed by scheme)
    for (List<String> order :
        List.of(RealmAuth.DEFAULT_ALGORITHMS, RealmAuth.COMPATIBLE_ALGORITHMS, List.of("MD5"))) {
      offer(DIGEST, order);
      String url = origin.url("/huc-" + String.join("-", order));
      huc(url).assertDigest(forUrl(url), order.get(order.size() - 1));
    }
  }

  @Test
  void httpUrlConnectionTunnelsHttpsWithDigest() throws Exception {
    offer(DIGEST, RealmAuth.DEFAULT_ALGORITHMS);
    TlsOrigin tls = tlsOrigin();
    huc(tls.url("/huc-https")).assertDigest(connectTo(tls.authority()), "MD5");
  }

  // ---------------------------------------------------------------- the table

  /** Every client this class knows, each in the way it completes Digest. */
  enum Client {
    CURL_DIGEST,
    CURL_ANYAUTH,
    CURL_TUNNEL_DIGEST,
    CURL_TUNNEL_ANYAUTH,
    URLLIB,
    HUC_HTTP,
    HUC_HTTPS,
    HUC_HTTPS_CHILD_JVM_BASIC_TUNNELLING_ALLOWED
  }

  @ParameterizedTest
  @EnumSource(Client.class)
  @Timeout(30)
  void everyClientCompletesWithDigestAndBasicOffered(Client client) throws Exception {
    offer(DIGEST_BASIC, RealmAuth.COMPATIBLE_ALGORITHMS);
    String path = "/table-" + client.name().toLowerCase();
    String tunnel = "127.0.0.1:" + origin.port();
    switch (client) {
      case CURL_DIGEST ->
        curlThroughWarden(origin.url(path), "--proxy-digest")
            .assertDigest(forUrl(origin.url(path)), "MD5");
      case CURL_ANYAUTH ->
        curlThroughWarden(origin.url(path), "--proxy-anyauth")
            .assertDigest(forUrl(origin.url(path)), "MD5");
      case CURL_TUNNEL_DIGEST ->
        curlThroughWarden(origin.url(path), "-p", "--proxy-digest")
            .assertDigest(connectTo(tunnel), "MD5");
      case CURL_TUNNEL_ANYAUTH ->
        curlThroughWarden(origin.url(path), "-p", "--proxy-anyauth")
            .assertDigest(connectTo(tunnel), "MD5");
      case URLLIB -> urllib(origin.url(path)).assertDigest(forUrl(origin.url(path)), "MD5");
      case HUC_HTTP -> huc(origin.url(path)).assertDigest(forUrl(origin.url(path)), "SHA-256");
      case HUC_HTTPS -> {
        TlsOrigin tls = tlsOrigin();
        huc(tls.url(path)).assertDigest(connectTo(tls.authority()), "SHA-256");
      }
      case HUC_HTTPS_CHILD_JVM_BASIC_TUNNELLING_ALLOWED -> {
        TlsOrigin tls = tlsOrigin();
        hucInChildJvm(tls.url(path), "-Djdk.http.auth.tunneling.disabledSchemes=")
            .assertDigest(connectTo(tls.authority()), "SHA-256");
      }
    }
  }

  // ---------------------------------------------------------------- realm settings and the record

  private static void offer(List<String> schemes, List<String> algorithms) throws Exception {
    warden.update(s -> s.withRealms(List.of(s.realms()
        .get(0)
        .withAuth(RealmAuth.defaults().withSchemes(schemes).withDigestAlgorithms(algorithms)))));
  }

  private static Predicate<Exchange> forUrl(String url) {
    return e -> !e.isConnect() && e.url().equals(url);
  }

  private static Predicate<Exchange> connectTo(String authority) {
    return e -> e.isConnect() && e.url().equals(authority);
  }

  private static long lastId() {
    List<Exchange> all = warden.warden().traffic().snapshot();
    return all.isEmpty() ? -1 : all.get(all.size() - 1).id();
  }

  /** What one client run printed and what Warden recorded since it started. */
  private record Run(long mark, String output) {

    int status() {
      Matcher m = STATUS.matcher(output);
      int status = -1;
      while (m.find()) {
        status = Integer.parseInt(m.group(1));
      }
      return status;
    }

    /** The last Proxy-Authorization curl sent ({@code -v} prints it). */
    String sentAuthorization() {
      String found = "";
      for (String line : output.split("\\R")) {
        if (line.regionMatches(true, 0, "> Proxy-Authorization: ", 0, 23)) {
          found = line.substring(23);
        }
      }
      return found;
    }

    /**
     * In the order the client sent them: a record is numbered when its exchange ends, and a 407 on a
     * connection that closes can end after the retry that followed it on another connection.
     */
    List<Exchange> recorded(Predicate<Exchange> which) {
      return warden.warden().traffic().snapshot().stream()
          .filter(e -> e.id() > mark)
          .filter(which)
          .sorted(Comparator.comparing(Exchange::started))
          .toList();
    }

    String story(Predicate<Exchange> which) {
      return recorded(which).stream()
          .map(e ->
              e.method() + " " + e.url() + " -> " + e.status() + " " + e.auth().describe())
          .collect(Collectors.joining(
              "\n  ", "client printed:\n" + output + "\nWarden recorded:\n  ", ""));
    }

    /**
     * The client got 200 from the origin, was challenged first, and its last exchange was accepted
     * with Digest computed with {@code algorithm} (told by the length of Warden's rspauth).
     */
    void assertDigest(Predicate<Exchange> which, String algorithm) throws InterruptedException {
      Exchange accepted = assertAuthenticated(which, "Digest");
      String info = accepted.responseHeaders().stream()
          .filter(h -> h.name().equalsIgnoreCase("Proxy-Authentication-Info"))
          .map(h -> h.value())
          .findFirst()
          .orElse("");
      Matcher rspauth = Pattern.compile("rspauth=\"([0-9a-f]+)\"").matcher(info);
      assertThat(rspauth.find()).as(() -> story(which)).isTrue();
      assertThat(rspauth.group(1).length() == 32 ? "MD5" : "SHA-256")
          .as(() -> story(which))
          .isEqualTo(algorithm);
    }

    /** The client got 200 from the origin, was challenged first, and its last exchange was accepted. */
    Exchange assertAuthenticated(Predicate<Exchange> which, String scheme)
        throws InterruptedException {
      assertThat(status()).as(() -> story(which)).isEqualTo(200);
      Exchange accepted =
          warden.awaitExchange(e -> e.id() > mark && which.test(e) && e.status() == 200);
      List<Exchange> all = recorded(which);
      assertThat(all.get(all.size() - 1)).as(() -> story(which)).isEqualTo(accepted);
      assertThat(accepted.auth())
          .as(() -> story(which))
          .isEqualTo(new AuthOutcome.Authenticated(scheme, USER, REALM));
      assertThat(all.get(0).auth())
          .as(() -> story(which))
          .isInstanceOf(AuthOutcome.Challenged.class);
      return accepted;
    }

    /** The client never got through: everything recorded for it was a 407. */
    void assertOnlyChallenged(Predicate<Exchange> which) throws InterruptedException {
      warden.awaitExchange(e -> e.id() > mark && which.test(e));
      assertThat(recorded(which)).as(() -> story(which)).allSatisfy(e -> {
        assertThat(e.status()).isEqualTo(407);
        assertThat(e.auth()).isInstanceOf(AuthOutcome.Challenged.class);
      });
    }
  }

  // ---------------------------------------------------------------- clients

  private static Run curlThroughWarden(String url, String... auth) throws Exception {
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
        "--proxy-user",
        USER + ":" + PASSWORD));
    command.addAll(List.of(auth));
    command.add(url);
    return runProcess(command);
  }

  private static final String URLLIB_SCRIPT = """
      import sys, urllib.request, urllib.error
      proxy, url, user, password = sys.argv[1:5]
      print('PYTHON=%d.%d' % sys.version_info[:2])
      passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
      # 3.11: the Digest handler asks find_user_password(realm, req.full_url), the target URL;
      # the Basic handler asks it for the proxy's host:port
      passwords.add_password(None, url, user, password)
      passwords.add_password(None, proxy, user, password)
      opener = urllib.request.build_opener(
          urllib.request.ProxyHandler({'http': proxy}),
          urllib.request.ProxyDigestAuthHandler(passwords),
          urllib.request.ProxyBasicAuthHandler(passwords))
      try:
          with opener.open(url, timeout=10) as response:
              response.read()
              print('STATUS=%d' % response.status)
      except urllib.error.HTTPError as e:
          print('STATUS=%d' % e.code)
      except Exception as e:
          print('ERROR=%s: %s' % (type(e).__name__, e))
      """;

  private static Run urllib(String url) throws Exception {
    assumeThat(Files.isExecutable(PYTHON)).as("python3 installed").isTrue();
    Path script = tmp.resolve("urllib_digest.py");
    if (!Files.exists(script)) {
      Files.writeString(script, URLLIB_SCRIPT);
    }
    return runProcess(List.of(
        PYTHON.toString(),
        "-I",
        script.toString(),
        "http://127.0.0.1:" + warden.port(),
        url,
        USER,
        PASSWORD));
  }

  private static Run huc(String url) throws Exception {
    long mark = lastId();
    String truststore = url.startsWith("https:") ? tlsOrigin().keystore().toString() : null;
    String output = HucClient.fetch(warden.port(), url, USER, PASSWORD, truststore);
    return new Run(mark, output);
  }

  private static Run hucInChildJvm(String url, String... jvmOptions) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of(
        "-cp",
        System.getProperty("java.class.path"),
        HucClient.class.getName(),
        String.valueOf(warden.port()),
        url,
        USER,
        PASSWORD));
    if (url.startsWith("https:")) {
      command.add(tlsOrigin().keystore().toString());
    }
    return runProcess(command);
  }

  private static Run runProcess(List<String> command) throws Exception {
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
        "CURL_HOME",
        "PYTHONPATH")) {
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
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command.get(0) + " did not finish in 20 s");
    }
    return new Run(mark, output.get(5, TimeUnit.SECONDS));
  }

  /**
   * Java's HttpURLConnection through Warden with a per-connection Authenticator (no global state),
   * in this JVM or as {@code main} of a child JVM. Prints {@code STATUS=n}.
   */
  public static final class HucClient {

    public static void main(String[] args) throws Exception {
      System.out.println(fetch(
          Integer.parseInt(args[0]), args[1], args[2], args[3], args.length > 4 ? args[4] : null));
    }

    static String fetch(int proxyPort, String url, String user, String password, String truststore)
        throws Exception {
      Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxyPort));
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(url).toURL().openConnection(proxy);
      connection.setAuthenticator(new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return getRequestorType() == RequestorType.PROXY
              ? new PasswordAuthentication(user, password.toCharArray())
              : null;
        }
      });
      if (connection instanceof HttpsURLConnection https) {
        https.setSSLSocketFactory(sslContext(Path.of(truststore), false).getSocketFactory());
      }
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(10_000);
      connection.setUseCaches(false);
      // no keep-alive: the tunnel closes when the answer is read, so Warden records the CONNECT now
      connection.setRequestProperty("Connection", "close");
      try {
        int status = connection.getResponseCode();
        InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        if (body != null) {
          try (body) {
            body.readAllBytes();
          }
        }
        return "STATUS=" + status;
      } catch (IOException e) {
        return "ERROR=" + e;
      } finally {
        connection.disconnect();
      }
    }

    static SSLContext sslContext(Path keystore, boolean withKey) throws Exception {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        store.load(in, "changeit".toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      if (withKey) {
        KeyManagerFactory keys =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        context.init(keys.getKeyManagers(), null, null);
      } else {
        TrustManagerFactory trust =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        context.init(null, trust.getTrustManagers(), null);
      }
      return context;
    }
  }

  // ---------------------------------------------------------------- TLS origin

  private static synchronized TlsOrigin tlsOrigin() throws Exception {
    if (tlsOrigin == null) {
      tlsOrigin = TlsOrigin.start(tmp);
      int port = tlsOrigin.server().getAddress().getPort();
      warden.update(s -> TunnelPorts.allowing(s, port));
    }
    return tlsOrigin;
  }

  /** An HTTPS origin on 127.0.0.1 with a self-signed EC certificate for IP 127.0.0.1, made now. */
  record TlsOrigin(HttpsServer server, Path keystore) implements AutoCloseable {

    static TlsOrigin start(Path dir) throws Exception {
      Path keystore = dir.resolve("origin.p12");
      Process keytool = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
              "-genkeypair",
              "-keyalg",
              "EC",
              "-alias",
              "origin",
              "-dname",
              "CN=127.0.0.1",
              "-ext",
              "SAN=ip:127.0.0.1",
              "-keystore",
              keystore.toString(),
              "-storetype",
              "PKCS12",
              "-storepass",
              "changeit",
              "-validity",
              "2")
          .redirectErrorStream(true)
          .start();
      String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(keytool.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(keytool.exitValue()).as(said).isZero();
      HttpsServer server =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      server.setHttpsConfigurator(new HttpsConfigurator(HucClient.sslContext(keystore, true)));
      server.createContext("/", exchange -> {
        try (InputStream in = exchange.getRequestBody()) {
          in.readAllBytes();
        }
        byte[] body = TestOrigin.BODY.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      return new TlsOrigin(server, keystore);
    }

    String authority() {
      return "127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String path) {
      return "https://" + authority() + path;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
