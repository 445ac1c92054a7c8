package dev.warden.core.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a snippet the way a user pastes it: {@code /bin/sh -c TEXT}, in a new session without a
 * terminal (tools that prompt read the answer from standard input), with no proxy variables
 * inherited from the build's environment.
 */
final class Shell {

  record Run(int status, String output) {}

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private Shell() {}

  static boolean has(String tool) {
    return Files.isExecutable(Path.of("/usr/bin", tool))
        || Files.isExecutable(Path.of("/bin", tool));
  }

  static Run run(String script, Map<String, String> environment, String stdin) throws Exception {
    List<String> command = Files.isExecutable(SETSID)
        ? List.of(SETSID.toString(), "/bin/sh", "-c", script)
        : List.of("/bin/sh", "-c", script);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    for (String variable : List.of(
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
        "no_proxy",
        "NO_PROXY",
        "CURL_HOME",
        "WGETRC",
        "PYTHONPATH",
        "JAVA_TOOL_OPTIONS")) {
      builder.environment().remove(variable);
    }
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = process.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(output unreadable: " + e + ")";
      }
    });
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the snippet did not finish in 30 s: " + script);
    }
    return new Run(process.exitValue(), output.get(5, TimeUnit.SECONDS));
  }
}
