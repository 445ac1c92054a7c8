package dev.warden.core.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A large HAR cannot make the reader hold more than its bounds. */
class HarReaderBoundsTest {

  private static final String ENTRY =
      "{\"request\":{\"method\":\"GET\",\"url\":\"http://a.test/\"},\"response\":{\"status\":200}}";

  @Test
  void keepsAtMostTheBodyBytesItPromisesAndTheWholeSize() throws Exception {
    String big = "x".repeat(HarReader.MAX_BODY_BYTES + 1000);
    String har =
        "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"http://a.test/\"},"
            + "\"response\":{\"status\":200,\"content\":{\"size\":" + big.length() + ",\"text\":\""
            + big + "\"}}}]}}";

    HarCapture capture =
        HarReader.read(new ByteArrayInputStream(har.getBytes(StandardCharsets.UTF_8)));

    assertThat(capture.exchanges().get(0).responseBody().keptSize())
        .isEqualTo(HarReader.MAX_BODY_BYTES);
    assertThat(capture.exchanges().get(0).responseBody().totalSize()).isEqualTo(big.length());
  }

  @Test
  void keepsAtMostItsEntryLimitAndCountsTheRest() throws Exception {
    StringBuilder har = new StringBuilder("{\"log\":{\"entries\":[");
    for (int i = 0; i < 103; i++) {
      har.append(i == 0 ? "" : ",").append(ENTRY);
    }
    har.append("]}}");

    HarCapture capture = HarReader.read(
        new ByteArrayInputStream(har.toString().getBytes(StandardCharsets.UTF_8)), 100);

    assertThat(capture.exchanges()).hasSize(100);
    assertThat(capture.skipped()).isEqualTo(3);
  }
}
