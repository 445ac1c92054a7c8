package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.settings.ProxyProfile;
import dev.warden.core.settings.ProxyProfiles;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.testing.Capture;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each profile against the captures of the proxy it reproduces (src/test/resources/dev/warden/captures,
 * copied from docs/proxy-captures): the capture's requests are sent byte for byte to Warden running
 * the profile, and its refusals must match the captured ones in status line, field names and their
 * order, the values that matter (the challenge with its nonce left aside, Connection, Content-Type,
 * the proxy's own fields), framing, and what happens to the connection after each response.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProfileCapturesIT {

  /** Fields whose values must be the captured ones; the rest (Date, lengths, cache host names) by name. */
  private static final Set<String> VALUES_THAT_MATTER = Set.of(
      "proxy-authenticate",
      "www-authenticate",
      "connection",
      "content-type",
      "server",
      "mime-version",
      "x-squid-error",
      "vary",
      "content-language");

  private static final List<String> CASES = List.of(
      "a-noauth",
      "b-wrong-password",
      "b-unknown-user",
      "c1-not-base64",
      "e-connect-noauth",
      "e-connect-wrong",
      "g-keepalive-407-then-valid",
      "h-http10-noauth");

  /** profile, capture folder, the realm name the captured proxy challenged with. */
  private static final List<String[]> PROFILES = List.of(
      new String[] {"Squid 5.7 (Basic)", "squid", "Test Realm"},
      new String[] {"Squid 5.7 (Digest)", "squid-digest", "Test Realm"},
      new String[] {"tinyproxy 1.11", "tinyproxy", "Tinyproxy"},
      new String[] {"mitmproxy 8", "mitmproxy", "mitmproxy"});

  private static TestOrigin origin;
  private static final Map<String, RunningWarden> WARDENS = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    origin = new TestOrigin();
  }

  @AfterAll
  static void stop() {
    WARDENS.values().forEach(RunningWarden::close);
    origin.close();
  }

  static Stream<Arguments> profilesAndCases() {
    List<Arguments> out = new ArrayList<>();
    for (String[] profile : PROFILES) {
      for (String name : CASES) {
        out.add(Arguments.of(profile[0], profile[1], profile[2], name));
      }
    }
    return out.stream();
  }

  private static RunningWarden wardenFor(String profileName, String realmName) throws Exception {
    RunningWarden running = WARDENS.get(profileName);
    if (running == null) {
      ProxyProfile profile = ProxyProfiles.named(profileName).orElseThrow();
      CredentialMaterial material = new CredentialMaterial();
      Realm realm = profile.applyTo(new Realm(
              realmName,
              List.of(),
              List.of(
                  material.user("alice", true, realmName, "secret".toCharArray()),
                  material.user("bob", true, realmName, "hunter2".toCharArray())))
          .withConnectPorts(List.of(443, origin.port())));
      running = new RunningWarden(Settings.defaults().withRealms(List.of(realm)));
      WARDENS.put(profileName, running);
    }
    return running;
  }

  @ParameterizedTest(name = "{0} answers {3} as {1} did")
  @MethodSource("profilesAndCases")
  void answersLikeTheCapturedProxy(String profile, String folder, String realm, String name)
      throws Exception {
    Capture capture = Capture.read(folder, name);
    RunningWarden warden = wardenFor(profile, realm);
    String here = "127.0.0.1:" + origin.port();
    try (RawHttpConnection connection = new RawHttpConnection(warden.port())) {
      for (Capture.Step step : capture.steps()) {
        if (!step.sent()) {
          // the captured proxy had closed the connection: so must Warden have
          assertThat(connection.isClosedByPeer(2000))
              .as("closed before the next request")
              .isTrue();
          continue;
        }
        String request =
            step.request().replace("127.0.0.1:18080", here).replace("127.0.0.1:18443", here);
        RawResponse response = connection.exchange(request);
        int status = Integer.parseInt(step.statusLine().split(" ")[1]);
        if (status == 407 || status == 401) {
          assertThat(response.statusLine()).isEqualTo(step.statusLine());
          assertThat(names(response.headers())).containsExactlyElementsOf(names(step.headers()));
          assertThat(mattering(response.headers()))
              .containsExactlyElementsOf(mattering(step.headers()));
          assertThat(response.header("Content-Length") == null)
              .as("close-delimited")
              .isEqualTo(step.closeDelimited());
        } else {
          assertThat(response.status()).isEqualTo(status);
        }
        if (step.closedAfter()) {
          assertThat(connection.isClosedByPeer(2000))
              .as("closed after the response")
              .isTrue();
        } else if (!step.after().isEmpty()
            && step == capture.steps().get(capture.steps().size() - 1)) {
          assertThat(connection.isClosedByPeer(500))
              .as("still open after the response")
              .isFalse();
        }
      }
    }
  }

  private static List<String> names(List<String[]> headers) {
    return headers.stream().map(h -> h[0]).toList();
  }

  /** name: value of the fields whose values matter; a Digest nonce is left aside (it is random). */
  private static List<String> mattering(List<String[]> headers) {
    return headers.stream()
        .filter(h -> VALUES_THAT_MATTER.contains(h[0].toLowerCase(Locale.ROOT)))
        .map(h -> h[0] + ": " + h[1].replaceAll("nonce=\"[^\"]*\"", "nonce=\"*\""))
        .toList();
  }
}
