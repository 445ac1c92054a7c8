package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.settings.ProxyProfiles;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmLockout;
import dev.warden.core.settings.Settings;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real clients with the right password against each profile: which get through and which fail. The
 * failures are the point: a client that fails here against "tinyproxy 1.11" fails against tinyproxy
 * in the field. The whole table is asserted at once, so any cell that changes shows. Against the
 * Windows profile, curl --proxy-anyauth picks Negotiate (the strongest offered) and, with no Kerberos
 * here, never gets through: as against a real Windows proxy from a machine outside the domain.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProfileClientsIT {

  private static final String REALM = "Lab";
  private static final List<String> PROFILES = List.of(
      "Strict RFC",
      "Squid 5.7 (Basic)",
      "Squid 5.7 (Digest)",
      "tinyproxy 1.11",
      "mitmproxy 8",
      "Windows proxy (Negotiate, NTLM, Basic)");
  private static TestOrigin origin;

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
  }

  @AfterAll
  static void stop() {
    origin.close();
  }

  /** Outcome per client: the final status, or what went wrong. */
  private static Map<String, String> clients(int proxyPort) throws Exception {
    Map<String, String> row = new LinkedHashMap<>();
    String url = origin.url("/clients");
    row.put("curl --proxy-user (Basic)", curl(proxyPort, url));
    row.put("curl --proxy-anyauth", curl(proxyPort, url, "--proxy-anyauth"));
    row.put("curl --proxy-digest", curl(proxyPort, url, "--proxy-digest"));
    row.put("curl --proxy-ntlm", curl(proxyPort, url, "--proxy-ntlm"));
    row.put("Java HttpClient", httpClient(proxyPort, url));
    row.put("JDK HttpURLConnection", huc(proxyPort, url, "secret"));
    // a wrong password: what the client is left with (tinyproxy's 401 reads as the origin's
    // refusal)
    row.put(
        "curl --proxy-anyauth, wrong password",
        curl(proxyPort, url, "--proxy-anyauth", "--proxy-user", "alice:wrong"));
    row.put("JDK HttpURLConnection, wrong password", huc(proxyPort, url, "wrong"));
    return row;
  }

  @Test
  void realClientsSucceedOrFailAgainstEachProfileAsRecorded() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    Map<String, Map<String, String>> table = new LinkedHashMap<>();
    for (String name : PROFILES) {
      CredentialMaterial material = new CredentialMaterial();
      Realm realm = ProxyProfiles.named(name)
          .orElseThrow()
          .applyTo(new Realm(
              REALM,
              List.of(),
              List.of(material.user("alice", true, REALM, "secret".toCharArray()))));
      // clients retry a wrong password on their own: no delays from the guessing defence here
      realm = realm.withAuth(realm
          .auth()
          .withLockout(new RealmLockout(
              RealmLockout.MAX_THRESHOLD, RealmLockout.MAX_THRESHOLD, Duration.ofMinutes(1), 407)));
      try (RunningWarden warden =
          new RunningWarden(Settings.defaults().withRealms(List.of(realm)))) {
        table.put(name, clients(warden.port()));
      }
    }
    StringBuilder shown = new StringBuilder();
    table.forEach((profile, row) -> row.forEach((client, outcome) -> shown
        .append(profile)
        .append(" | ")
        .append(client)
        .append(" | ")
        .append(outcome)
        .append('\n')));
    assertThat(shown.toString()).isEqualTo("""
        Strict RFC | curl --proxy-user (Basic) | 200
        Strict RFC | curl --proxy-anyauth | 200
        Strict RFC | curl --proxy-digest | 407
        Strict RFC | curl --proxy-ntlm | 407
        Strict RFC | Java HttpClient | 200
        Strict RFC | JDK HttpURLConnection | 200
        Strict RFC | curl --proxy-anyauth, wrong password | 407
        Strict RFC | JDK HttpURLConnection, wrong password | 407
        Squid 5.7 (Basic) | curl --proxy-user (Basic) | 200
        Squid 5.7 (Basic) | curl --proxy-anyauth | 200
        Squid 5.7 (Basic) | curl --proxy-digest | 407
        Squid 5.7 (Basic) | curl --proxy-ntlm | 407
        Squid 5.7 (Basic) | Java HttpClient | 200
        Squid 5.7 (Basic) | JDK HttpURLConnection | 200
        Squid 5.7 (Basic) | curl --proxy-anyauth, wrong password | 407
        Squid 5.7 (Basic) | JDK HttpURLConnection, wrong password | 407
        Squid 5.7 (Digest) | curl --proxy-user (Basic) | 407
        Squid 5.7 (Digest) | curl --proxy-anyauth | 200
        Squid 5.7 (Digest) | curl --proxy-digest | 200
        Squid 5.7 (Digest) | curl --proxy-ntlm | 407
        Squid 5.7 (Digest) | Java HttpClient | 407
        Squid 5.7 (Digest) | JDK HttpURLConnection | 200
        Squid 5.7 (Digest) | curl --proxy-anyauth, wrong password | 407
        Squid 5.7 (Digest) | JDK HttpURLConnection, wrong password | 407
        tinyproxy 1.11 | curl --proxy-user (Basic) | 200
        tinyproxy 1.11 | curl --proxy-anyauth | 200
        tinyproxy 1.11 | curl --proxy-digest | 407
        tinyproxy 1.11 | curl --proxy-ntlm | 401
        tinyproxy 1.11 | Java HttpClient | 200
        tinyproxy 1.11 | JDK HttpURLConnection | 200
        tinyproxy 1.11 | curl --proxy-anyauth, wrong password | 401
        tinyproxy 1.11 | JDK HttpURLConnection, wrong password | 401
        mitmproxy 8 | curl --proxy-user (Basic) | 200
        mitmproxy 8 | curl --proxy-anyauth | 200
        mitmproxy 8 | curl --proxy-digest | 407
        mitmproxy 8 | curl --proxy-ntlm | 407
        mitmproxy 8 | Java HttpClient | 200
        mitmproxy 8 | JDK HttpURLConnection | 200
        mitmproxy 8 | curl --proxy-anyauth, wrong password | 407
        mitmproxy 8 | JDK HttpURLConnection, wrong password | 407
        Windows proxy (Negotiate, NTLM, Basic) | curl --proxy-user (Basic) | 200
        Windows proxy (Negotiate, NTLM, Basic) | curl --proxy-anyauth | 407
        Windows proxy (Negotiate, NTLM, Basic) | curl --proxy-digest | 407
        Windows proxy (Negotiate, NTLM, Basic) | curl --proxy-ntlm | 200
        Windows proxy (Negotiate, NTLM, Basic) | Java HttpClient | 200
        Windows proxy (Negotiate, NTLM, Basic) | JDK HttpURLConnection | 200
        Windows proxy (Negotiate, NTLM, Basic) | curl --proxy-anyauth, wrong password | 407
        Windows proxy (Negotiate, NTLM, Basic) | JDK HttpURLConnection, wrong password | 407
        """);
  }

  private static String curl(int proxyPort, String url, String... extra) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        "curl",
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "--max-time",
        "10",
        "--proxy",
        "http://127.0.0.1:" + proxyPort,
        "--proxy-user",
        "alice:secret"));
    command.addAll(List.of(extra));
    command.add(url);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    for (String variable : List.of(
        "http_proxy",
        "HTTP_PROXY",
        "all_proxy",
        "ALL_PROXY",
        "no_proxy",
        "NO_PROXY",
        "CURL_HOME")) {
      builder.environment().remove(variable);
    }
    Process process = builder.start();
    String out;
    try (InputStream in = process.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return "hangs";
    }
    int exit = process.exitValue();
    return exit == 0 ? out : "fails (curl exit " + exit + ", " + out + ")";
  }

  private static String httpClient(int proxyPort, String url) {
    HttpClient client = HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxyPort)))
        .authenticator(authenticator("secret"))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    try {
      return String.valueOf(client
          .send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode());
    } catch (IOException | InterruptedException e) {
      return "fails (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static String huc(int proxyPort, String url, String password) {
    try {
      Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxyPort));
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(url).toURL().openConnection(proxy);
      connection.setAuthenticator(authenticator(password));
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(10_000);
      connection.setUseCaches(false);
      int status = connection.getResponseCode();
      InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
      if (body != null) {
        try (body) {
          body.readAllBytes();
        }
      }
      return String.valueOf(status);
    } catch (IOException e) {
      return "fails (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static Authenticator authenticator(String password) {
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return getRequestorType() == RequestorType.PROXY
            ? new PasswordAuthentication("alice", password.toCharArray())
            : null;
      }
    };
  }
}
