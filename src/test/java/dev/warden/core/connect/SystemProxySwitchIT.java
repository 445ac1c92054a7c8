package dev.warden.core.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GNOME system-proxy switch against the real {@code gsettings} and GNOME's real schema, with the
 * keyfile backend in a temporary XDG_CONFIG_HOME (the memory backend forgets between processes, and
 * the desktop of whoever runs the build must not change). Every value is checked by a separate
 * {@code gsettings get}, as another program on the desktop would see it.
 */
@Timeout(60)
class SystemProxySwitchIT {

  private static final Path GSETTINGS = Path.of("/usr/bin/gsettings");

  @TempDir
  Path config;

  private GnomeSystemProxy desktop;

  @BeforeEach
  void desktopWithACorporateProxy() throws Exception {
    assumeTrue(Files.isExecutable(GSETTINGS), "gsettings is not installed (libglib2.0-bin)");
    desktop = new GnomeSystemProxy(GSETTINGS, environment());
    assumeTrue(
        desktop.unavailableReason().isEmpty(), () -> desktop.unavailableReason().orElseThrow());
    gsettings("set", "org.gnome.system.proxy", "mode", "auto");
    gsettings("set", "org.gnome.system.proxy.http", "host", "corp-proxy.example");
    gsettings("set", "org.gnome.system.proxy.http", "port", "8080");
  }

  private Map<String, String> environment() {
    return Map.of("GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", config.toString());
  }

  @Test
  void switchingOnPointsTheDesktopAtWarden() throws Exception {
    new SystemProxySwitch(desktop).on("127.0.0.1", 3128);

    assertThat(gsettings("get", "org.gnome.system.proxy", "mode")).isEqualTo("'manual'");
    assertThat(gsettings("get", "org.gnome.system.proxy.http", "host")).isEqualTo("'127.0.0.1'");
    assertThat(gsettings("get", "org.gnome.system.proxy.http", "port")).isEqualTo("3128");
    assertThat(gsettings("get", "org.gnome.system.proxy.https", "host")).isEqualTo("'127.0.0.1'");
    assertThat(gsettings("get", "org.gnome.system.proxy.https", "port")).isEqualTo("3128");
  }

  @Test
  void switchingOffRestoresTheExactPreviousValues() throws Exception {
    Map<String, String> before = desktop.read();
    SystemProxySwitch toggle = new SystemProxySwitch(desktop);
    toggle.on("127.0.0.1", 3128);
    toggle.on("127.0.0.1", 3129);

    assertThat(toggle.off()).isEmpty();

    assertThat(toggle.isOn()).isFalse();
    assertThat(desktop.read()).isEqualTo(before);
    assertThat(gsettings("get", "org.gnome.system.proxy", "mode")).isEqualTo("'auto'");
    assertThat(gsettings("get", "org.gnome.system.proxy.http", "host"))
        .isEqualTo("'corp-proxy.example'");
    assertThat(gsettings("get", "org.gnome.system.proxy.http", "port")).isEqualTo("8080");
    assertThat(gsettings("get", "org.gnome.system.proxy.https", "host")).isEqualTo("''");
  }

  @Test
  void switchingOffKeepsAValueTheUserChangedMeanwhile() throws Exception {
    SystemProxySwitch toggle = new SystemProxySwitch(desktop);
    toggle.on("127.0.0.1", 3128);
    gsettings("set", "org.gnome.system.proxy", "mode", "none");

    assertThat(toggle.off()).contains("org.gnome.system.proxy mode");

    assertThat(gsettings("get", "org.gnome.system.proxy", "mode")).isEqualTo("'none'");
    assertThat(gsettings("get", "org.gnome.system.proxy.http", "host"))
        .isEqualTo("'corp-proxy.example'");
  }

  @Test
  void aSigtermWhileOnRestoresThePreviousValues() throws Exception {
    Process child = child("wait");
    try (java.io.BufferedReader lines = new java.io.BufferedReader(
        new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("ON");
      assertThat(gsettings("get", "org.gnome.system.proxy", "mode")).isEqualTo("'manual'");

      child.destroy(); // SIGTERM on Linux
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(gsettings("get", "org.gnome.system.proxy", "mode")).isEqualTo("'auto'");
    assertThat(gsettings("get", "org.gnome.system.proxy.http", "host"))
        .isEqualTo("'corp-proxy.example'");
  }

  @Test
  void theGnomeSnippetsCommandsSetWhatTheSwitchSets() throws Exception {
    ClientSetup setup = ClientSetup.of(
        new dev.warden.core.settings.ListenAddress("0.0.0.0", 3128), java.util.Optional.empty());
    Shell.Run run = Shell.run(new GnomeSnippet().snippet(setup).text(), environment(), "");
    assertThat(run.status()).as(run.output()).isZero();
    Map<String, String> bySnippet = desktop.read();

    assertThat(bySnippet).isEqualTo(GnomeSystemProxy.pointingAt("127.0.0.1", 3128));
  }

  private Process child(String how) throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            SwitchOnThenExit.class.getName(),
            GSETTINGS.toString(),
            config.toString(),
            "127.0.0.1",
            "3128",
            how)
        .redirectErrorStream(true)
        .start();
  }

  @Test
  void exitingWhileOnRestoresThePreviousValues() throws Exception {
    Process child = child("exit");
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();

    assertThat(gsettings("get", "org.gnome.system.proxy", "mode")).isEqualTo("'auto'");
    assertThat(gsettings("get", "org.gnome.system.proxy.http", "host"))
        .isEqualTo("'corp-proxy.example'");
    assertThat(gsettings("get", "org.gnome.system.proxy.http", "port")).isEqualTo("8080");
  }

  @Test
  void aMissingSchemaIsSaidInASentence(@TempDir Path noSchemas) throws Exception {
    GnomeSystemProxy bare = new GnomeSystemProxy(
        GSETTINGS,
        Map.of(
            "GSETTINGS_BACKEND",
            "keyfile",
            "XDG_CONFIG_HOME",
            config.toString(),
            "XDG_DATA_DIRS",
            noSchemas.toString(),
            "GSETTINGS_SCHEMA_DIR",
            noSchemas.toString()));

    assertThat(bare.unavailableReason())
        .hasValueSatisfying(reason -> assertThat(reason)
            .contains("org.gnome.system.proxy")
            .contains("gsettings-desktop-schemas"));
  }

  @Test
  void aMissingGsettingsIsSaidInASentence() {
    GnomeSystemProxy none =
        new GnomeSystemProxy(config.resolve("no-such-gsettings"), environment());

    assertThat(none.unavailableReason())
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("gsettings is not installed"));
  }

  @Test
  void aBareNameIsLookedUpOnThePath(@TempDir Path emptyFolder) {
    Map<String, String> onPath = new java.util.HashMap<>(environment());
    onPath.put("PATH", emptyFolder + ":" + GSETTINGS.getParent());
    assertThat(new GnomeSystemProxy(Path.of("gsettings"), onPath).unavailableReason())
        .isEmpty();

    onPath.put("PATH", emptyFolder.toString());
    assertThat(new GnomeSystemProxy(Path.of("gsettings"), onPath).unavailableReason())
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("gsettings is not installed"));
  }

  @Test
  void aGsettingsThatNeverFinishesIsGivenUpWithAClearError() throws Exception {
    Path stuck = config.resolve("stuck-gsettings");
    Files.writeString(stuck, "#!/bin/sh\nexec sleep 120\n");
    assertThat(stuck.toFile().setExecutable(true)).isTrue();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new GnomeSystemProxy(stuck, environment()).read())
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("gsettings did not finish within 10 s");
  }

  /** A separate gsettings process on the same keyfile: what any other program would see. */
  private String gsettings(String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(GSETTINGS.toString()), List.of(args).stream())
            .toList())
        .redirectErrorStream(true);
    builder.environment().putAll(environment());
    Process process = builder.start();
    String output =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
