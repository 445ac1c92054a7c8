package dev.warden.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dev.warden.app.Main} in a separate JVM, on this test run's class path, with its standard
 * output and error collected line by line as they arrive.
 */
final class WardenProcess implements AutoCloseable {

  private static final Pattern LISTENING =
      Pattern.compile("^Warden listening on 127\\.0\\.0\\.1:(\\d+) ");

  private static final String EMPTY_HOME =
      Path.of(System.getProperty("java.io.tmpdir"), "warden-test-empty-home").toString();

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final Thread outReader;
  private final Thread errReader;

  private WardenProcess(Process process) {
    this.process = process;
    this.outReader = pump(process.getInputStream(), out, "warden-test-stdout");
    this.errReader = pump(process.getErrorStream(), err, "warden-test-stderr");
  }

  /** Starts {@code java [jvmOptions] -cp CLASSPATH dev.warden.app.Main args}. */
  static WardenProcess start(List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // C1 only: these processes live for seconds, so start-up time is what counts.
    command.add("-XX:TieredStopAtLevel=1");
    // An empty home: a developer's real settings.json must not change what the test sees.
    command.add("-Duser.home=" + EMPTY_HOME);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.warden.app.Main");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("XDG_CONFIG_HOME", EMPTY_HOME + "/.config");
    builder.environment().remove("APPDATA");
    return new WardenProcess(builder.start());
  }

  static WardenProcess start(String... args) throws IOException {
    return start(List.of(), args);
  }

  /** Waits for the listening line and returns the port it names. */
  int awaitPort() throws InterruptedException {
    String line = awaitOut(l -> LISTENING.matcher(l).find());
    Matcher m = LISTENING.matcher(line);
    m.find();
    return Integer.parseInt(m.group(1));
  }

  /** Waits until standard output has a line matching {@code wanted}; returns it. */
  String awaitOut(Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : out) {
        if (wanted.test(line)) {
          return line;
        }
      }
      if (!process.isAlive() && !outReader.isAlive()) {
        break;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no such line on stdout; stdout: " + out + " stderr: " + err);
  }

  /** Sends SIGTERM and waits for the exit status. */
  int terminate() throws InterruptedException {
    process.destroy();
    return awaitExit();
  }

  /** Waits for the process to end by itself and its output to be read; returns its exit status. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after 10 s; stdout: " + out + " stderr: " + err);
    }
    outReader.join(2_000);
    errReader.join(2_000);
    return process.exitValue();
  }

  List<String> out() {
    return List.copyOf(out);
  }

  List<String> err() {
    return List.copyOf(err);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static Thread pump(InputStream stream, List<String> into, String name) {
    Thread t = new Thread(
        () -> {
          try (BufferedReader reader =
              new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
              into.add(line);
            }
          } catch (IOException closed) {
            // the process ended; what was read is kept
          }
        },
        name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
