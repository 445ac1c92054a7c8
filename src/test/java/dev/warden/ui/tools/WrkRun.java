package dev.warden.ui.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code wrk -t2 -cN --latency} run through a proxy on loopback, and the figures it printed:
 * requests per second, p50 and p99 latency, and the answers that were not 2xx/3xx or failed.
 */
record WrkRun(double rate, double p50Millis, double p99Millis, long bad, String output) {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /** Runs wrk for {@code seconds} against the proxy on {@code port} with the request in {@code lua}. */
  static WrkRun run(int port, Path lua, int connections, int seconds)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(
            "wrk",
            "-t2",
            "-c" + connections,
            "-d" + seconds + "s",
            "--latency",
            "-s",
            lua.toString(),
            "http://127.0.0.1:" + port + "/")
        .redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("wrk failed:\n" + out);
    }
    return parse(out);
  }

  static WrkRun parse(String out) {
    Matcher rate = RATE.matcher(out);
    if (!rate.find()) {
      throw new IllegalStateException("wrk printed no Requests/sec:\n" + out);
    }
    long bad = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      bad += Long.parseLong(non2xx.group(1));
    }
    Matcher errors = ERRORS.matcher(out);
    if (errors.find()) {
      for (int i = 1; i <= 4; i++) {
        bad += Long.parseLong(errors.group(i));
      }
    }
    return new WrkRun(
        Double.parseDouble(rate.group(1)), latency(out, "50%"), latency(out, "99%"), bad, out);
  }

  /** A latency percentile line of wrk's distribution ("99%   12.34ms"), in milliseconds. */
  private static double latency(String out, String percentile) {
    Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)")
        .matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }
}
