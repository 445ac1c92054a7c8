package dev.warden.core.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.traffic.Exchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** HAR files in the shapes Chrome and Firefox write (hand-made samples, see the resources' README). */
class BrowserHarTest {

  private static HarCapture read(String name) throws Exception {
    try (InputStream in = BrowserHarTest.class.getResourceAsStream(name)) {
      return HarReader.read(in);
    }
  }

  private static HarCapture roundTrip(HarCapture capture) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HarWriter.write(
        capture.exchanges(), out, HarOptions.redacted("test").withKeptCredentials(true));
    return HarReader.read(new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void readsChromesEntriesWithTheirTimingsAndBodies() throws Exception {
    HarCapture chrome = read("chrome.har");

    assertThat(chrome.source()).isEqualTo("WebInspector 537.36");
    assertThat(chrome.fromWarden()).isFalse();
    assertThat(chrome.exchanges())
        .extracting(Exchange::method, Exchange::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", 200),
            org.assertj.core.groups.Tuple.tuple("POST", 201),
            org.assertj.core.groups.Tuple.tuple("GET", 407));
    Exchange page = chrome.exchanges().get(0);
    assertThat(page.id()).isEqualTo(1);
    assertThat(page.connectionId()).isEqualTo(112233);
    assertThat(page.started()).isEqualTo(Instant.parse("2026-11-30T09:12:01.503Z"));
    assertThat(page.duration()).isEqualTo(Duration.ofNanos(145_200_000));
    assertThat(page.timeToFirstByte()).isEqualTo(Duration.ofNanos(122_800_000));
    assertThat(page.auth()).isEqualTo(new AuthOutcome.NotJudged("WebInspector 537.36"));
    Exchange post = chrome.exchanges().get(1);
    assertThat(new String(post.requestBody().bytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"name\":\"widget\",\"qty\":3}\n");
    assertThat(post.requestHeader(":authority")).contains("api.example.test");
    assertThat(chrome.exchanges().get(2).challenges())
        .extracting(c -> c.scheme())
        .containsExactly("Digest", "Basic");
  }

  @Test
  void masksTheCredentialsABrowserSaved() throws Exception {
    HarCapture chrome = read("chrome.har");
    HarCapture firefox = read("firefox.har");

    assertThat(chrome.exchanges().get(0).requestHeader("Proxy-Authorization"))
        .contains("Basic ***");
    assertThat(chrome.exchanges().get(1).requestHeader("authorization")).contains("Bearer ***");
    assertThat(firefox.exchanges().get(0).requestHeader("Proxy-Authorization"))
        .contains("Digest ***");
    assertThat(chrome.exchanges().toString() + firefox.exchanges())
        .doesNotContain("YWxpY2U6czNjcmV0LXBhc3M", "eyJhbGci", "5d41402abc4b2a76b9719d911017c592");
  }

  @Test
  void readsFirefoxsLocalTimesAndBase64Content() throws Exception {
    HarCapture firefox = read("firefox.har");

    assertThat(firefox.source()).isEqualTo("Firefox 133.0");
    assertThat(firefox.exchanges().get(0).started())
        .isEqualTo(Instant.parse("2026-11-30T09:20:05.118Z"));
    Exchange logo = firefox.exchanges().get(1);
    assertThat(logo.responseBody().totalSize()).isEqualTo(16);
    assertThat(logo.responseBody().bytes())
        .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    assertThat(logo.auth().describe())
        .isEqualTo("Not judged by Warden: imported from Firefox 133.0");
  }

  @Test
  void chromesCaptureRoundTripsThroughWardensWriter() throws Exception {
    HarCapture chrome = read("chrome.har");

    assertThat(roundTrip(chrome).exchanges()).containsExactlyElementsOf(chrome.exchanges());
  }

  @Test
  void firefoxsCaptureRoundTripsThroughWardensWriter() throws Exception {
    HarCapture firefox = read("firefox.har");

    assertThat(roundTrip(firefox).exchanges()).containsExactlyElementsOf(firefox.exchanges());
  }

  @Test
  void refusesAFileThatIsNotAHarInOneSentence() {
    assertThatThrownBy(() -> HarReader.read(
            new ByteArrayInputStream("{\"log\": {\"version\": \"1.2\"}}".getBytes())))
        .isInstanceOf(HarFormatException.class)
        .hasMessage("not a HAR file: its \"log\" has no \"entries\"");
    assertThatThrownBy(
            () -> HarReader.read(new ByteArrayInputStream("{\"log\": {\"entries\": [".getBytes())))
        .isInstanceOf(java.io.IOException.class);
    assertThatThrownBy(() -> HarReader.read(new ByteArrayInputStream("[1]".getBytes())))
        .isInstanceOf(HarFormatException.class)
        .hasMessageContaining("does not start with a JSON object");
  }

  @Test
  void skipsAnEntryWithoutARequestUrl() throws Exception {
    String har = "{\"log\":{\"creator\":{\"name\":\"x\",\"version\":\"1\"},\"entries\":["
        + "{\"request\":{\"method\":\"GET\"}},"
        + "{\"request\":{\"method\":\"GET\",\"url\":\"http://a.test/\"},\"response\":{\"status\":204}}]}}";

    HarCapture capture =
        HarReader.read(new ByteArrayInputStream(har.getBytes(StandardCharsets.UTF_8)));

    assertThat(capture.skipped()).isEqualTo(1);
    assertThat(capture.exchanges()).singleElement().extracting(Exchange::status).isEqualTo(204);
  }
}
