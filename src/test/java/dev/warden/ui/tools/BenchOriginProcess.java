package dev.warden.ui.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code dev.warden.bench.BenchOrigin} (1 KiB keep-alive answers from one Netty event loop, loopback
 * only) in a process of its own, so the origin's work is not counted against the window's JVM.
 */
final class BenchOriginProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  BenchOriginProcess() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(
            java,
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.warden.bench.BenchOrigin")
        .redirectErrorStream(true)
        .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    int found = -1;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("origin listening on 127.0.0.1:")) {
        found = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).strip());
        break;
      }
    }
    if (found < 0) {
      process.destroy();
      throw new IOException("the bench origin did not start");
    }
    port = found;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
  }
}
