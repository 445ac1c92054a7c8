package dev.warden.ui.tools;

import dev.warden.core.Warden;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Settings;
import dev.warden.ui.WardenWindow;
import dev.warden.ui.state.UiState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The responsiveness benchmark: the real window (under Xvfb) while {@code wrk} drives authenticated
 * requests through the real proxy to a loopback origin. An {@link AnimationTimer} records every FX
 * frame gap; the live heap (as left by the last GC) is sampled every second. Prints p50/p99/max frame
 * gap, the request rate wrk reached, and heap before, during and after. Arguments: seconds
 * (default 30), wrk connections (default 8), and {@code views} (default: the dashboard open and the
 * table in conversation mode, as a user watching both would have it) or {@code plain} (neither).
 */
public final class GuiBench {

  private GuiBench() {}

  public static void main(String[] args) {
    App.seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    App.connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    App.views = args.length <= 2 || !args[2].equals("plain");
    Application.launch(App.class);
  }

  /** The JavaFX side. */
  public static final class App extends Application {
    static int seconds;
    static int connections;
    static boolean views;

    private final long[] gaps = new long[1 << 20];
    private volatile int gapCount;
    private volatile boolean measuring;

    @Override
    public void start(Stage stage) throws Exception {
      DemoTraffic demo = new DemoTraffic();
      Settings settings = DemoTraffic.settings(new ListenAddress("127.0.0.1", 0));
      Warden warden = new Warden(new InMemorySettingsStore(settings), settings);
      WardenWindow window =
          new WardenWindow(warden, new PasswordHasher()::hash, UiState.DEFAULT, Optional.empty());
      window.show(stage, UiState.DEFAULT);
      if (views) {
        window
            .trafficModel()
            .conversationModeProperty()
            .set(dev.warden.ui.traffic.ConversationMode.ALL);
        window.openDashboard();
        stage.toFront();
      }
      new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
          if (measuring && last != 0 && gapCount < gaps.length) {
            gaps[gapCount++] = now - last;
          }
          last = now;
        }
      }.start();
      Thread driver = new Thread(
          () -> {
            try {
              run(warden, window, demo);
            } catch (Exception e) {
              e.printStackTrace();
            } finally {
              warden.close();
              demo.close();
              Platform.exit();
            }
          },
          "bench-driver");
      driver.setDaemon(true);
      driver.start();
    }

    private void run(Warden warden, WardenWindow window, DemoTraffic demo) throws Exception {
      long deadline = System.currentTimeMillis() + 20_000;
      while (!warden.status().listening() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      int port = warden.status().bound().port();
      Path lua = Files.createTempFile("warden-bench", ".lua");
      String auth = Base64.getEncoder()
          .encodeToString(("alice:" + DemoTraffic.PASSWORD).getBytes(StandardCharsets.UTF_8));
      Files.writeString(
          lua,
          "wrk.method = \"GET\"\n"
              + "wrk.path = \"http://127.0.0.1:" + demo.originPort() + "/api/bench?load=1\"\n"
              + "wrk.headers[\"Proxy-Authorization\"] = \"Basic " + auth + "\"\n");
      // warm up the JIT, the auth cache and the table before measuring
      wrk(port, lua, 3, false);
      Thread.sleep(1000);
      System.gc();
      Thread.sleep(500);
      long heapBefore = liveHeap();
      long recordedBefore = warden.traffic().totalRecorded();
      String loadBefore = load();

      List<long[]> heapSamples = new ArrayList<>();
      measuring = true;
      long started = System.nanoTime();
      Thread sampler = new Thread(() -> {
        try {
          while (measuring) {
            Thread.sleep(1000);
            heapSamples.add(
                new long[] {(System.nanoTime() - started) / 1_000_000_000L, liveHeap()});
          }
        } catch (InterruptedException done) {
          Thread.currentThread().interrupt();
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      String wrkOut = wrk(port, lua, seconds, true);
      measuring = false;
      double elapsed = (System.nanoTime() - started) / 1e9;
      long recorded = warden.traffic().totalRecorded() - recordedBefore;
      Thread.sleep(1500);
      System.gc();
      Thread.sleep(500);
      long heapAfter = liveHeap();

      long[] sorted = Arrays.copyOf(gaps, gapCount);
      Arrays.sort(sorted);
      double p50 = pct(sorted, 0.50);
      double p99 = pct(sorted, 0.99);
      double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
      double rate = recorded / elapsed;
      long rows = window.trafficModel().rows().size();
      StringBuilder out = new StringBuilder();
      out.append("\n== Warden GUI responsiveness benchmark ==\n");
      out.append(
          views
              ? "views:       dashboard open, table in conversation mode\n"
              : "views:       plain (no dashboard, table of exchanges)\n");
      out.append(wrkOut.strip()).append("\n\n");
      out.append(String.format(
          Locale.ROOT,
          "load:        %,d exchanges recorded in %.1f s = %,.0f req/s through the proxy (target >= 2,000)%n",
          recorded,
          elapsed,
          rate));
      out.append(String.format(
          Locale.ROOT,
          "frames:      %,d frame gaps; p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 100 ms)%n",
          sorted.length,
          p50,
          p99,
          max));
      out.append(String.format(
          Locale.ROOT,
          "table:       %,d rows kept (traffic log capacity %,d), %,d dropped by the log%n",
          rows,
          warden.traffic().capacity(),
          warden.traffic().dropped()));
      if (views) {
        var stats = warden.stats().snapshot(1).totals();
        out.append(String.format(
            Locale.ROOT,
            "dashboard:   %,d exchanges counted (%,d recorded in all), %,d table rows shown%n",
            stats.all(),
            warden.traffic().totalRecorded(),
            window.dashboard().view().usersTable().getItems().size()));
      }
      out.append(String.format(
          Locale.ROOT,
          "heap (live): before %s, after %s; during load:",
          mb(heapBefore),
          mb(heapAfter)));
      for (long[] s : heapSamples) {
        if (s[0] % 5 == 0) {
          out.append(String.format(Locale.ROOT, " %ds %s", s[0], mb(s[1])));
        }
      }
      out.append('\n');
      out.append("machine:     ")
          .append(Runtime.getRuntime().availableProcessors())
          .append(" cores; load average at the start ")
          .append(loadBefore)
          .append(", at the end ")
          .append(load())
          .append('\n');
      out.append(String.format(
          Locale.ROOT,
          "merit:       %.1fx the rate target, %.1fx under the p99 frame-gap target%n",
          rate / 2000.0,
          p99 == 0 ? 0 : 100.0 / p99));
      System.out.print(out);
    }

    private static String wrk(int port, Path lua, int duration, boolean keep)
        throws IOException, InterruptedException {
      Process p = new ProcessBuilder(
              "wrk",
              "-t2",
              "-c" + connections,
              "-d" + duration + "s",
              "--latency",
              "-s",
              lua.toString(),
              "http://127.0.0.1:" + port + "/")
          .redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return keep ? out : "";
    }

    /** Heap left after the last collection of each pool: what is really held, without GC timing noise. */
    private static long liveHeap() {
      long total = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
          total += pool.getCollectionUsage().getUsed();
        }
      }
      return total;
    }

    /** The 1-minute load average: on a shared machine the frame gaps mean little without it. */
    private static String load() {
      try {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
      } catch (IOException | RuntimeException unknown) {
        return "?";
      }
    }

    private static double pct(long[] sorted, double q) {
      if (sorted.length == 0) {
        return 0;
      }
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String mb(long bytes) {
      return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
    }
  }
}
