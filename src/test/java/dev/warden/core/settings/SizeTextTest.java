package dev.warden.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizes and durations as people type them in the limits dialog, and how the dialog writes them back. */
class SizeTextTest {

  @ParameterizedTest
  @CsvSource({
    "65536, 65536",
    "64 KiB, 65536",
    "64k, 65536",
    "64KB, 65536",
    "16 MiB, 16777216",
    "1m, 1048576",
    "1000 bytes, 1000",
    "' 7 ', 7"
  })
  void readsBytesKibAndMib(String text, int bytes) {
    assertThat(SizeText.parse(text)).contains(bytes);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "lots", "KiB", "-5", "1.5 KiB", "64 GiB", "9999999999", "999999999 MiB"})
  void refusesWhatIsNotASize(String text) {
    assertThat(SizeText.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 1000, 1024, 65536, 16 * 1024 * 1024, 1536})
  void writesTheShortestExactFormThatReadsBack(int bytes) {
    assertThat(SizeText.parse(SizeText.format(bytes))).contains(bytes);
  }

  @ParameterizedTest
  @CsvSource({"500ms, 500", "1500ms, 1500", "30s, 30000", "30, 30000", "5m, 300000", "1h, 3600000"})
  void readsDeadlinesInMillisecondsToo(String text, long millis) {
    assertThat(LifetimeText.parse(text)).contains(Duration.ofMillis(millis));
    assertThat(LifetimeText.parse(LifetimeText.format(Duration.ofMillis(millis))))
        .contains(Duration.ofMillis(millis));
  }
}
