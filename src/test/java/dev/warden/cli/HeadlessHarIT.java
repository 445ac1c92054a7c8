package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.har.HarCapture;
import dev.warden.core.har.HarReader;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.TestOrigin;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless {@code --har FILE} in a separate JVM stopped by SIGTERM, as a CI job stops it. */
class HeadlessHarIT {

  private static final String PASSWORD = "s3cret-har";

  @TempDir
  Path folder;

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
  void writesEveryExchangeOfTheRunWhenStoppedBySigterm() throws Exception {
    Path har = folder.resolve("run.har");
    warden = WardenProcess.start(
        "--headless",
        "--listen",
        "127.0.0.1:0",
        "--user",
        "alice:" + PASSWORD,
        "--har",
        har.toString());
    int port = warden.awaitPort();
    HttpClient client = HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", port)))
        .build();

    assertThat(client
            .send(
                HttpRequest.newBuilder(URI.create(origin.url("/challenged"))).build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode())
        .isEqualTo(407);
    assertThat(client
            .send(
                HttpRequest.newBuilder(URI.create(origin.url("/posted")))
                    .header(
                        "Proxy-Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    ("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode())
        .isEqualTo(200);
    warden.awaitOut(l -> l.contains(origin.url("/posted")));
    assertThat(har).doesNotExist();

    assertThat(warden.terminate()).isZero();

    HarCapture capture;
    try (InputStream in = Files.newInputStream(har)) {
      capture = HarReader.read(in);
    }
    assertThat(capture.fromWarden()).isTrue();
    assertThat(capture.exchanges())
        .extracting(Exchange::path)
        .containsExactly("/challenged", "/posted");
    assertThat(capture.exchanges().get(0).auth()).isInstanceOf(AuthOutcome.Challenged.class);
    assertThat(capture.exchanges().get(1).auth())
        .isEqualTo(new AuthOutcome.Authenticated("Basic", "alice", "Warden"));
    assertThat(new String(capture.exchanges().get(1).requestBody().bytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":1}");
    assertThat(capture.exchanges().get(1).requestHeader("Proxy-Authorization"))
        .contains("Basic [redacted]");
    assertThat(Files.readString(har)).doesNotContain(PASSWORD, "alice:***");
    assertThat(folder.resolve("run.har.partial")).doesNotExist();
    // what the run says on stderr after SIGTERM is not seen here: Process.destroy() closes the
    // pipes
  }

  @Test
  void refusesAHarFileWhoseFolderDoesNotExistBeforeListening() throws Exception {
    warden = WardenProcess.start(
        "--headless",
        "--listen",
        "127.0.0.1:0",
        "--har",
        folder.resolve("missing/run.har").toString());

    assertThat(warden.awaitExit()).isEqualTo(Terminal.USAGE);
    assertThat(warden.err())
        .anyMatch(
            l -> l.contains("--har: cannot write") && l.contains("its folder does not exist"));
    assertThat(warden.out()).isEmpty();
  }

  @Test
  void harIsOnlyForHeadlessRuns() {
    assertThatThrownBy(() -> Arguments.parse("--har", "x.har"))
        .hasMessage("--har: only with --headless (the window has its own settings)");
  }
}
