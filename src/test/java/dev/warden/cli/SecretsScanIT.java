package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.replay.CurlCommand;
import dev.warden.core.settings.JsonSettingsStore;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import dev.warden.ui.state.UiState;
import dev.warden.ui.state.UiStateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything Warden writes during realistic flows holds none of the passwords and tokens those
 * flows used: a settings save of two users' passwords (as the window does it), then a real headless
 * process (its access log on stdout, warnings on stderr, its warden.log) serving right and wrong
 * passwords, an unknown user, a bearer token, a malformed field carrying a secret, a secret query
 * parameter and a password in the URL's userinfo. Scanned: stdout, stderr and every file in the
 * config folder, for each secret as typed and inside base64 {@code user:password}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SecretsScanIT {

  private static final String ALICE_PASSWORD = "Corr3ct-Horse-Battery";
  private static final String BOB_PASSWORD = "Saved-Bob-Pass-42";
  private static final String GUESS = "Wr0ng-Guess-Value";
  private static final String TOKEN = "Bearer-Token-Value-777";
  private static final String MALFORMED_SECRET = "Malformed-Secret-555";
  private static final String QUERY_SECRET = "Query-Secret-888";
  private static final String URL_PASSWORD = "Userinfo-Pass-999";

  @TempDir
  Path dir;

  @Test
  void leavesNoPasswordOrTokenInAnythingWardenWrote() throws Exception {
    Path config = dir.resolve("settings.json");
    CredentialMaterial material = new CredentialMaterial(new PasswordHasher(10_000));
    new JsonSettingsStore(config)
        .save(Users.realmWith(
            "Warden",
            material.user("alice", true, "Warden", ALICE_PASSWORD.toCharArray()),
            material.user("bob", true, "Warden", BOB_PASSWORD.toCharArray())));
    List<String> out;
    List<String> err;
    try (TestOrigin origin = new TestOrigin();
        WardenProcess warden = WardenProcess.start(
            "--headless", "--config", config.toString(), "--listen", "127.0.0.1:0")) {
      int port = warden.awaitPort();
      try (RawHttpConnection client = new RawHttpConnection(port)) {
        assertThat(status(client, origin.url("/alice"), Users.basic("alice", ALICE_PASSWORD)))
            .isEqualTo(200);
        assertThat(status(client, origin.url("/bob"), Users.basic("bob", BOB_PASSWORD)))
            .isEqualTo(200);
        assertThat(status(client, origin.url("/guess"), Users.basic("alice", GUESS)))
            .isEqualTo(407);
        assertThat(status(client, origin.url("/unknown"), Users.basic("mallory", ALICE_PASSWORD)))
            .isEqualTo(407);
        assertThat(status(client, origin.url("/token"), "Bearer " + TOKEN)).isEqualTo(407);
        assertThat(
                status(client, origin.url("/malformed"), "Basic " + base64(MALFORMED_SECRET) + "!"))
            .isEqualTo(407);
        assertThat(status(
                client,
                origin.url("/query?token=" + QUERY_SECRET + "&password=" + GUESS),
                Users.basic("alice", ALICE_PASSWORD)))
            .isEqualTo(200);
        String userinfo =
            "http://carol:" + URL_PASSWORD + "@127.0.0.1:" + origin.port() + "/userinfo";
        client.exchange("GET " + userinfo + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port()
            + "\r\nProxy-Authorization: " + Users.basic("alice", ALICE_PASSWORD) + "\r\n\r\n");
      }
      warden.awaitOut(line -> line.contains("/userinfo"));
      assertThat(warden.terminate()).isZero();
      out = warden.out();
      err = warden.err();
    }

    List<String> written = new ArrayList<>();
    written.add(String.join("\n", out));
    written.add(String.join("\n", err));
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        written.add(
            file.getFileName() + ":\n" + Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(dir.resolve("warden.log")).exists();
    assertThat(out).anyMatch(line -> line.contains("/guess") && line.contains(" 407 "));
    String everything = String.join("\n", written);
    for (String secret : List.of(
        ALICE_PASSWORD, BOB_PASSWORD, GUESS, TOKEN, MALFORMED_SECRET, QUERY_SECRET, URL_PASSWORD)) {
      assertThat(everything)
          .as("what Warden wrote, searched for %s", secret)
          .doesNotContain(secret)
          .doesNotContain(base64(secret))
          .doesNotContain(base64("alice:" + secret))
          .doesNotContain(base64("bob:" + secret))
          .doesNotContain(base64("mallory:" + secret));
    }
  }

  @Test
  void leavesNoPasswordInTheCopiedCurlCommandOrTheWindowState() throws Exception {
    Path uiState = dir.resolve("ui-state.json");
    UiStateStore.at(uiState).save(UiState.DEFAULT);
    String curl;
    try (TestOrigin origin = new TestOrigin();
        RunningWarden warden =
            new RunningWarden(Users.realmWith("Warden", Users.user("alice", ALICE_PASSWORD)));
        RawHttpConnection client = new RawHttpConnection(warden.port())) {
      String url = origin.url("/export?password=" + QUERY_SECRET);
      assertThat(status(client, url, Users.basic("alice", ALICE_PASSWORD))).isEqualTo(200);
      Exchange exchange = warden.awaitExchange(e -> e.url().contains("/export"));
      curl = CurlCommand.of(exchange, "127.0.0.1:" + warden.port());
    }

    String everything = curl + "\n" + Files.readString(uiState);
    assertThat(curl).contains("--proxy-user 'alice' --proxy-basic");
    for (String secret : List.of(ALICE_PASSWORD, QUERY_SECRET)) {
      assertThat(everything).doesNotContain(secret).doesNotContain(base64("alice:" + secret));
    }
  }

  private static int status(RawHttpConnection client, String url, String authorization)
      throws Exception {
    return client
        .exchange("GET " + url + " HTTP/1.1\r\nHost: " + url.substring(7, url.indexOf('/', 7))
            + "\r\nProxy-Authorization: " + authorization + "\r\n\r\n")
        .status();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
