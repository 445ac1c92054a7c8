package dev.warden.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDirectoryTest {

  private static final Path HOME = Path.of("/home/ada");

  @Test
  void linuxUsesXdgConfigHomeWhenSet() {
    ConfigDirectory dir =
        new ConfigDirectory("Linux", Map.of("XDG_CONFIG_HOME", "/data/config"), HOME);

    assertThat(dir.folder()).isEqualTo(Path.of("/data/config/warden"));
    assertThat(dir.settingsFile()).isEqualTo(Path.of("/data/config/warden/settings.json"));
  }

  @Test
  void linuxFallsBackToDotConfigWithoutXdgConfigHome() {
    ConfigDirectory dir = new ConfigDirectory("Linux", Map.of(), HOME);

    assertThat(dir.settingsFile()).isEqualTo(HOME.resolve(".config/warden/settings.json"));
  }

  @Test
  void linuxIgnoresEmptyOrRelativeXdgConfigHome() {
    assertThat(new ConfigDirectory("Linux", Map.of("XDG_CONFIG_HOME", ""), HOME).folder())
        .isEqualTo(HOME.resolve(".config/warden"));
    assertThat(new ConfigDirectory("Linux", Map.of("XDG_CONFIG_HOME", "conf"), HOME).folder())
        .isEqualTo(HOME.resolve(".config/warden"));
  }

  @Test
  void otherUnixesFollowTheXdgRule() {
    assertThat(new ConfigDirectory("FreeBSD", Map.of(), HOME).folder())
        .isEqualTo(HOME.resolve(".config/warden"));
  }

  @Test
  void windowsUsesAppData() {
    String appData = "C:\\Users\\ada\\AppData\\Roaming";
    ConfigDirectory dir = new ConfigDirectory("Windows 11", Map.of("APPDATA", appData), HOME);

    assertThat(dir.folder()).isEqualTo(Path.of(appData).resolve("Warden"));
    assertThat(dir.settingsFile())
        .isEqualTo(Path.of(appData).resolve("Warden").resolve("settings.json"));
  }

  @Test
  void windowsFallsBackToRoamingUnderHomeWithoutAppData() {
    assertThat(new ConfigDirectory("Windows 10", Map.of(), HOME).folder())
        .isEqualTo(HOME.resolve("AppData").resolve("Roaming").resolve("Warden"));
  }

  @Test
  void macOsUsesApplicationSupport() {
    ConfigDirectory dir = new ConfigDirectory("Mac OS X", Map.of("XDG_CONFIG_HOME", "/xdg"), HOME);

    assertThat(dir.settingsFile())
        .isEqualTo(HOME.resolve("Library")
            .resolve("Application Support")
            .resolve("Warden")
            .resolve("settings.json"));
  }

  @Test
  void thisMachineGivesAnAbsoluteSettingsFile() {
    assertThat(ConfigDirectory.ofThisMachine().settingsFile())
        .isAbsolute()
        .hasFileName("settings.json");
  }
}
