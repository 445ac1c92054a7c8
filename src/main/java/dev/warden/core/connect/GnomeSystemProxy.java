package dev.warden.core.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * GNOME's system proxy ({@code org.gnome.system.proxy}), read and written with the {@code gsettings}
 * command. Values travel as GVariant text, exactly as {@code gsettings get} prints them, so what is
 * read can be written back unchanged. Every method runs a process and blocks: never call it on the
 * FX thread or a network thread.
 */
public final class GnomeSystemProxy {

  /** The keys Warden changes, as "schema key". */
  static final List<String> KEYS = List.of(
      "org.gnome.system.proxy.http host",
      "org.gnome.system.proxy.http port",
      "org.gnome.system.proxy.https host",
      "org.gnome.system.proxy.https port",
      "org.gnome.system.proxy mode");

  private final Path gsettings;
  private final Map<String, String> environment;

  /**
   * @param gsettings the {@code gsettings} executable, or a bare name to look up on {@code PATH}
   * @param environment variables added to its environment ({@code GSETTINGS_BACKEND}, {@code XDG_CONFIG_HOME})
   */
  public GnomeSystemProxy(Path gsettings, Map<String, String> environment) {
    this.gsettings = gsettings;
    this.environment = Map.copyOf(environment);
  }

  /**
   * The {@code gsettings} on {@code PATH}, in Warden's own environment. Touches no file: the
   * executable is looked up when a method runs.
   */
  public static GnomeSystemProxy onThisDesktop() {
    return new GnomeSystemProxy(Path.of("gsettings"), Map.of());
  }

  /** The executable: {@code gsettings} itself when it names a folder, else the first on {@code PATH}. */
  private Optional<Path> executable() {
    if (gsettings.getParent() != null) {
      return Files.isExecutable(gsettings) ? Optional.of(gsettings) : Optional.empty();
    }
    String path =
        environment.getOrDefault("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(gsettings);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Why the system proxy cannot be set here, as a sentence; empty when it can. */
  public Optional<String> unavailableReason() {
    if (executable().isEmpty()) {
      return Optional.of(
          "gsettings is not installed (package libglib2.0-bin), so the desktop's proxy cannot be set.");
    }
    try {
      Result keys = run(List.of("list-keys", "org.gnome.system.proxy"));
      if (keys.status() != 0) {
        return Optional.of(
            "GNOME's proxy settings (org.gnome.system.proxy, package gsettings-desktop-schemas) "
                + "are not installed.");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("gsettings could not be run: " + e.getMessage());
    }
  }

  /** The current values of the keys Warden changes, in {@link #KEYS} order. */
  public Map<String, String> read() throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : KEYS) {
      List<String> args = new ArrayList<>(List.of("get"));
      args.addAll(List.of(key.split(" ")));
      Result result = run(args);
      if (result.status() != 0) {
        throw new IOException(
            "gsettings get " + key + " failed: " + result.output().strip());
      }
      values.put(key, result.output().strip());
    }
    return values;
  }

  /** Writes {@code values} (GVariant text per key), in order: the mode last, once host and port are right. */
  public void write(Map<String, String> values) throws IOException {
    for (Map.Entry<String, String> entry : values.entrySet()) {
      List<String> args = new ArrayList<>(List.of("set"));
      args.addAll(List.of(entry.getKey().split(" ")));
      args.add(entry.getValue());
      Result result = run(args);
      if (result.status() != 0) {
        throw new IOException(
            "gsettings set " + entry.getKey() + " failed: " + result.output().strip());
      }
    }
  }

  /** The values that make {@code host:port} the manual proxy for HTTP and HTTPS. */
  public static Map<String, String> pointingAt(String host, int port) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("org.gnome.system.proxy.http host", gvariantString(host));
    values.put("org.gnome.system.proxy.http port", Integer.toString(port));
    values.put("org.gnome.system.proxy.https host", gvariantString(host));
    values.put("org.gnome.system.proxy.https port", Integer.toString(port));
    values.put("org.gnome.system.proxy mode", "'manual'");
    return values;
  }

  /** {@code text} as a GVariant string literal. */
  static String gvariantString(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private Result run(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable()
        .orElseThrow(() -> new IOException("gsettings is not installed"))
        .toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    // the output goes to a file, so a gsettings that never closes its output cannot outlast the
    // wait
    Path output = Files.createTempFile("warden-gsettings", ".txt");
    try {
      builder.redirectOutput(output.toFile());
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("gsettings did not finish within 10 s");
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for gsettings", e);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private record Result(int status, String output) {}
}
