package dev.warden.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits as settings: defaults, validation, and the settings file. */
class LimitsSettingsTest {

  private static final Limits CHANGED = new Limits(
      Duration.ofMillis(250),
      Duration.ofSeconds(90),
      Duration.ofSeconds(5),
      1024,
      4096,
      16 * 1024,
      50,
      Duration.ofMillis(1500),
      Duration.ofMinutes(2));

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("settings.json");
  }

  @Test
  void defaultsAreTheDocumentedValues() {
    Limits d = Settings.defaults().limits();

    assertThat(d).isEqualTo(Limits.DEFAULTS);
    assertThat(d.requestHead()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.idle()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.refusedBody()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.refusedBodyDrain()).isEqualTo(64 * 1024);
    assertThat(d.requestLine()).isEqualTo(8 * 1024);
    assertThat(d.headerBlock()).isEqualTo(64 * 1024);
    assertThat(d.connect()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.firstByte()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.problems()).isEmpty();
  }

  @Test
  void roundTripsChangedLimitsThroughTheFile() throws Exception {
    Settings settings = Settings.defaults().withLimits(CHANGED);
    new JsonSettingsStore(file()).save(settings);

    LoadedSettings loaded = new JsonSettingsStore(file()).load();

    assertThat(loaded.notice()).isEmpty();
    assertThat(loaded.settings().limits()).isEqualTo(CHANGED);
    assertThat(loaded.settings()).isEqualTo(settings);
  }

  @Test
  void readsAFileWrittenBeforeLimitsExistedWithTheDefaults() throws Exception {
    Files.writeString(file(), """
        {"format": 2, "trafficCapacity": 500, "realms": [{"name": "Home"}]}
        """);

    LoadedSettings loaded = new JsonSettingsStore(file()).load();

    assertThat(loaded.notice()).isEmpty();
    assertThat(loaded.settings().limits()).isEqualTo(Limits.DEFAULTS);
    assertThat(loaded.settings().trafficCapacity()).isEqualTo(500);
  }

  @Test
  void givesEachMissingLimitItsDefault() throws Exception {
    Files.writeString(file(), """
        {"format": 2, "limits": {"idleMillis": 5000, "maxConnections": 7}}
        """);

    Limits limits = new JsonSettingsStore(file()).load().settings().limits();

    assertThat(limits)
        .isEqualTo(Limits.DEFAULTS.withIdle(Duration.ofSeconds(5)).withMaxConnections(7));
  }

  @Test
  void namesEachLimitOutOfRange() {
    Limits bad = new Limits(
        Duration.ofMillis(10),
        Duration.ofHours(2),
        Duration.ZERO,
        -1,
        10,
        10,
        0,
        Duration.ofMillis(99),
        Duration.ofMillis(3_600_001));

    assertThat(bad.problems())
        .containsExactly(
            "Request head deadline 10 ms is outside 100 ms to 1 h (3600000 ms)",
            "Idle keep-alive timeout 7200000 ms is outside 100 ms to 1 h (3600000 ms)",
            "Refused body deadline 0 ms is outside 100 ms to 1 h (3600000 ms)",
            "Upstream connect timeout 99 ms is outside 100 ms to 1 h (3600000 ms)",
            "Upstream first-byte timeout 3600001 ms is outside 100 ms to 1 h (3600000 ms)",
            "Refused body drain -1 bytes is outside 0-16,777,216 bytes",
            "Request line limit 10 bytes is outside 256-1,048,576 bytes",
            "Header block limit 10 bytes is outside 1,024-1,048,576 bytes",
            "Maximum client connections 0 is outside 1-1,000,000");
  }

  @Test
  void refusesToSaveABadLimitAndLeavesTheFileAsItWas() throws Exception {
    JsonSettingsStore store = new JsonSettingsStore(file());
    store.save(Settings.defaults().withLimits(CHANGED));
    byte[] before = Files.readAllBytes(file());

    assertThatThrownBy(
            () -> store.save(Settings.defaults().withLimits(CHANGED.withMaxConnections(0))))
        .isInstanceOfSatisfying(
            SettingsException.class,
            e -> assertThat(e.problems())
                .containsExactly("Maximum client connections 0 is outside 1-1,000,000"));
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
  }

  @Test
  void keepsAFileWithABadLimitAndSaysWhichLimit() throws Exception {
    String json = """
        {"format": 2, "limits": {"idleMillis": 5}, "realms": [{"name": "Home"}]}
        """;
    Files.writeString(file(), json);

    LoadedSettings loaded = new JsonSettingsStore(file()).load();

    assertThat(loaded.notice())
        .hasValueSatisfying(notice ->
            assertThat(notice).contains("Idle keep-alive timeout 5 ms is outside 100 ms to 1 h"));
    try (var kept = Files.list(dir)) {
      List<Path> files = kept.toList();
      assertThat(files).singleElement().satisfies(p -> assertThat(p).hasContent(json));
    }
  }

  @Test
  void describesDurationsAsARecordReadsThem() {
    assertThat(Limits.describe(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(Limits.describe(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(Limits.describe(Duration.ofMillis(2500))).isEqualTo("2.5 s");
  }

  @Test
  void backstopOutlastsEveryDeadline() {
    assertThat(CHANGED.backstop()).isEqualTo(Duration.ofMinutes(2).plusSeconds(1));
    assertThat(Limits.DEFAULTS.backstop()).isEqualTo(Duration.ofSeconds(61));
  }
}
