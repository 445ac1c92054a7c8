package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.JsonSettingsStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless mode's refusals, in process: each returns before anything listens. */
class HeadlessModeIT {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws UsageException {
    Terminal terminal = new Terminal(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    HeadlessMode mode = new HeadlessMode(
        terminal,
        JsonSettingsStore::new,
        () -> dir.resolve("default-settings.json"),
        new HeadlessOverrides(p -> "not-used", file -> {
          throw new AssertionError("not read");
        }),
        stop -> {
          throw new AssertionError("must not get as far as listening");
        });
    return mode.run(Arguments.parse(args));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void warnsOfAnOpenProxyBeforeListeningWithoutAuthOnANonLoopbackAddress() throws Exception {
    // 192.0.2.1 (TEST-NET-1) is no address of this machine: the bind fails, nothing ever listens
    assertThat(run("--headless", "--listen", "192.0.2.1:0", "--no-auth"))
        .isEqualTo(HeadlessMode.START_FAILED);

    assertThat(err().lines().findFirst().orElseThrow())
        .isEqualTo(
            "warden: warning: 407 enforcement is off and Warden listens on 192.0.2.1:0: it is an open proxy "
                + "that anyone who can reach this address can use");
  }

  @Test
  void saysNothingOfAnOpenProxyOnLoopbackOrWithAuth() throws Exception {
    try (java.net.ServerSocket busy =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertThat(run("--headless", "--listen", "127.0.0.1:" + busy.getLocalPort(), "--no-auth"))
          .isEqualTo(HeadlessMode.START_FAILED);
    }
    assertThat(run("--headless", "--listen", "192.0.2.1:0")).isEqualTo(HeadlessMode.START_FAILED);

    assertThat(err()).doesNotContain("open proxy");
  }

  @Test
  void refusesAConfigFileThatDoesNotExist() throws Exception {
    Path missing = dir.resolve("nope.json");

    assertThat(run("--headless", "--config", missing.toString())).isEqualTo(2);
    assertThat(err())
        .isEqualTo("warden: --config: '" + missing + "' does not exist\nTry 'warden --help'\n");
    assertThat(out.size()).isZero();
  }

  @Test
  void refusesABrokenConfigFileAndLeavesItAsItWas() throws Exception {
    Path broken = dir.resolve("settings.json");
    Files.writeString(broken, "{ not json");

    assertThat(run("--headless", "--config", broken.toString())).isEqualTo(2);
    assertThat(err())
        .startsWith("warden: --config: '" + broken + "' cannot be used (it was left unchanged): ")
        .endsWith("Try 'warden --help'\n")
        .doesNotContain("warden-settings-");
    assertThat(Files.readString(broken)).isEqualTo("{ not json");
    assertThat(Files.list(dir)).containsExactly(broken);
  }

  @Test
  void refusesABrokenDefaultSettingsFileWithoutMovingIt() throws Exception {
    Path broken = dir.resolve("default-settings.json");
    Files.writeString(broken, "[]");

    assertThat(run("--headless", "--listen", "127.0.0.1:0")).isEqualTo(2);
    assertThat(err())
        .startsWith("warden: '" + broken + "' cannot be used (it was left unchanged): ");
    assertThat(Files.readString(broken)).isEqualTo("[]");
  }

  @Test
  void printsEveryProblemOfInvalidSettings() throws Exception {
    assertThat(run("--headless", "--listen", "127.0.0.1:0", "--realm", "W\u00e4rden"))
        .isEqualTo(2);

    assertThat(err().lines().toList())
        .hasSizeGreaterThanOrEqualTo(2)
        .last()
        .isEqualTo("Try 'warden --help'");
    assertThat(err().lines().findFirst().orElseThrow())
        .startsWith("warden: settings: ")
        .contains("W\u00e4rden");
  }

  @Test
  void refusesASettingsFileWhoseUserHasAHashWardenCannotVerify() throws Exception {
    Path settings = dir.resolve("settings.json");
    Files.writeString(settings, """
        {"format": 1, "realms": [{"name": "Lab", "hostPatterns": [],
          "users": [{"name": "carol", "enabled": true, "passwordHash": "$1$saltsalt$2vnaRpHa6Jxjz5n83ok8Z0"}]}]}
        """);

    assertThat(run("--headless", "--config", settings.toString(), "--listen", "127.0.0.1:0"))
        .isEqualTo(2);
    assertThat(err())
        .contains(
            "settings: Realm 'Lab': user 'carol' can never log in: unsupported hash format (crypt)")
        .doesNotContain("2vnaRpHa6Jxjz5n83ok8Z0");
  }
}
