package dev.warden.ui.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.har.HarCapture;
import dev.warden.core.har.HarReader;
import dev.warden.ui.traffic.ExchangeFacts;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How a browser's capture reads in the window: its rows say Warden did not judge them. */
class ImportedRowsTest {

  private static HarCapture chrome() throws Exception {
    try (InputStream in = HarReader.class.getResourceAsStream("chrome.har")) {
      return HarReader.read(in);
    }
  }

  @Test
  void aBrowsersRowsAreNotJudgedRatherThanNotRequired() throws Exception {
    assertThat(chrome().exchanges())
        .extracting(ExchangeFacts::authText)
        .containsOnly("not judged (imported)");
  }

  @Test
  void theBannerSaysWhereTheCaptureComesFrom() throws Exception {
    assertThat(CaptureWindow.banner(Path.of("/tmp/site.har"), chrome()))
        .isEqualTo(
            "Read-only capture site.har: 3 exchanges from WebInspector 537.36; not judged by Warden, credentials masked");
  }
}
