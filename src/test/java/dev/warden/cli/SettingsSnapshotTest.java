package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.core.settings.JsonSettingsStore;
import dev.warden.core.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsSnapshotTest {

  private final SettingsSnapshot snapshot = new SettingsSnapshot(JsonSettingsStore::new);

  @TempDir
  Path dir;

  @Test
  void deletesTheCopyARunKilledWhileReadingLeftInTheTempFolder() throws Exception {
    Path file = Files.writeString(dir.resolve("settings.json"), "{\"format\": 2}");
    // what a run killed between copying and deleting leaves: its folder in the temp folder, with
    // the copy
    Path killed = Files.createTempDirectory("warden-settings-");
    Path copy =
        Files.writeString(killed.resolve("settings.json"), "{\"format\": 2, \"realms\": []}");
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
        java.time.Instant.now().minus(java.time.Duration.ofMinutes(5)));
    Files.setLastModifiedTime(killed, old);
    Path running = Files.createTempDirectory("warden-settings-");

    try {
      snapshot.load(file, "--config");

      assertThat(copy).doesNotExist();
      assertThat(killed).doesNotExist();
      assertThat(running).as("another run's copy, made just now").exists();
    } finally {
      Files.deleteIfExists(copy);
      Files.deleteIfExists(killed);
      Files.deleteIfExists(running);
    }
  }

  @Test
  void readsAFormatOneFileWithoutWarningAndLeavesItAsItWas() throws Exception {
    Path file = Files.writeString(
        dir.resolve("settings.json"), "{\"format\": 1, \"trafficCapacity\": 500}");
    if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    List<String> warnings = new ArrayList<>();

    Settings settings = snapshot.load(file, "--config", warnings::add);

    assertThat(settings.trafficCapacity()).isEqualTo(500);
    assertThat(warnings).isEmpty();
    assertThat(file).hasContent("{\"format\": 1, \"trafficCapacity\": 500}");
    assertThat(dir.resolve("settings.json.v1")).doesNotExist();
  }

  @Test
  void passesOnThatOtherUsersCanReadTheFile() throws Exception {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX only");
    Path file = Files.writeString(dir.resolve("settings.json"), "{\"format\": 2}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    List<String> warnings = new ArrayList<>();

    snapshot.load(file, "--config", warnings::add);

    assertThat(warnings)
        .containsExactly("--config: settings.json is readable by other users; "
            + "Warden will write it owner-only on the next save");
  }

  @Test
  void refusesAFileOfANewerFormatSayingANewerWardenWroteIt() throws IOException {
    Path file = Files.writeString(dir.resolve("settings.json"), "{\"format\": 3}");

    assertThatThrownBy(() -> snapshot.load(file, "--config", w -> {}))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "--config: '" + file + "' cannot be used (it was left unchanged): it is in format 3, "
                + "written by a newer version of Warden (this one reads formats 1 to 2)");
    assertThat(file).hasContent("{\"format\": 3}");
  }
}
