package dev.warden.ui.tools;

import dev.warden.core.Warden;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Settings;
import dev.warden.ui.WardenWindow;
import dev.warden.ui.state.UiState;
import dev.warden.ui.traffic.ConversationMode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The responsiveness benchmark: the cost of the window to the proxy, measured in one run. Two Warden
 * cores with the same settings in this JVM, one shown in the real window (under Xvfb) and one without
 * any window (as {@code --headless} runs it), proxy to the same loopback origin (its own process).
 * Each round runs the same {@code wrk} load through both, in turn (the order alternates), while an
 * {@link AnimationTimer} records every FX frame gap of the window's turn and the live heap (as left
 * by the last GC) is sampled every second. {@link BenchReport} prints every round and the medians
 * against the targets; the exit status is 1 when one is missed.
 *
 * <p>Arguments: seconds per load (default 15), wrk connections (default 50), {@code views} (default:
 * the dashboard open and the table in conversation mode) or {@code plain} (neither), rounds
 * (default 3).
 */
public final class GuiBench {

  private GuiBench() {}

  public static void main(String[] args) {
    App.seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    App.connections = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    App.views = args.length <= 2 || !args[2].equals("plain");
    App.rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Application.launch(App.class);
    System.exit(App.exitStatus);
  }

  /** The JavaFX side. */
  public static final class App extends Application {
    static int seconds;
    static int connections;
    static boolean views;
    static int rounds;
    static volatile int exitStatus = 2;

    private volatile long[] gaps = new long[0];
    private volatile int gapCount;
    private volatile boolean measuring;

    @Override
    public void start(Stage stage) throws Exception {
      BenchOriginProcess origin = new BenchOriginProcess();
      Settings settings = DemoTraffic.settings(new ListenAddress("127.0.0.1", 0));
      Warden shown = new Warden(new InMemorySettingsStore(settings), settings);
      Warden headless = new Warden(new InMemorySettingsStore(settings), settings);
      WardenWindow window =
          new WardenWindow(shown, new PasswordHasher()::hash, UiState.DEFAULT, Optional.empty());
      window.show(stage, UiState.DEFAULT);
      if (views) {
        window.trafficModel().conversationModeProperty().set(ConversationMode.ALL);
        window.openDashboard();
        stage.toFront();
      }
      new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
          long[] into = gaps;
          if (measuring && last != 0 && gapCount < into.length) {
            into[gapCount++] = now - last;
          }
          last = now;
        }
      }.start();
      Thread driver = new Thread(
          () -> {
            try {
              headless.start().join();
              exitStatus = run(shown, headless, window, origin.port()) ? 0 : 1;
            } catch (Exception e) {
              e.printStackTrace();
            } finally {
              shown.close();
              headless.close();
              origin.close();
              Platform.exit();
            }
          },
          "bench-driver");
      driver.setDaemon(true);
      driver.start();
    }

    private boolean run(Warden shown, Warden headless, WardenWindow window, int originPort)
        throws Exception {
      long deadline = System.currentTimeMillis() + 20_000;
      while (!shown.status().listening() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      int shownPort = shown.status().bound().port();
      int headlessPort = headless.status().bound().port();
      Path lua = Files.createTempFile("warden-bench", ".lua");
      String auth = Base64.getEncoder()
          .encodeToString(("alice:" + DemoTraffic.PASSWORD).getBytes(StandardCharsets.UTF_8));
      Files.writeString(
          lua,
          "wrk.method = \"GET\"\n"
              + "wrk.path = \"http://127.0.0.1:" + originPort + "/api/bench?load=1\"\n"
              + "wrk.headers[\"Proxy-Authorization\"] = \"Basic " + auth + "\"\n");
      // warm up the JIT, the auth caches and the table before measuring; fills both traffic logs
      WrkRun.run(headlessPort, lua, connections, 8);
      WrkRun.run(shownPort, lua, connections, 8);
      BenchReport report =
          new BenchReport(views, connections, seconds, shown.traffic().capacity());
      report.heapBefore(settledHeap());
      for (int r = 0; r < rounds; r++) {
        boolean windowFirst = r % 2 == 1;
        for (int turn = 0; turn < 2; turn++) {
          boolean withWindow = windowFirst == (turn == 0);
          Load load = measure(withWindow ? shownPort : headlessPort, lua, withWindow);
          long after = settledHeap();
          report.add(r, withWindow, load.wrk(), load.gaps(), load.maxHeap(), after);
        }
      }
      Thread.sleep(1500);
      long recorded = shown.traffic().totalRecorded();
      report.window(
          recorded,
          window.trafficModel().totalProperty().get(),
          window.trafficModel().rows().size(),
          shown.traffic().dropped());
      if (views) {
        report.dashboard(
            shown.stats().snapshot(1).totals().all(),
            window.dashboard().view().usersTable().getItems().size());
      }
      System.out.print(report.text());
      return report.met();
    }

    /** One load: wrk against {@code port}, the frame gaps (window turns) and the most live heap. */
    private Load measure(int port, Path lua, boolean withWindow) throws Exception {
      gaps = new long[Math.max(1024, seconds * 400)];
      gapCount = 0;
      measuring = withWindow;
      long[] maxHeap = {liveHeap()};
      Thread sampler = new Thread(() -> {
        try {
          while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(1000);
            maxHeap[0] = Math.max(maxHeap[0], liveHeap());
          }
        } catch (InterruptedException done) {
          Thread.currentThread().interrupt();
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      WrkRun wrk = WrkRun.run(port, lua, connections, seconds);
      measuring = false;
      sampler.interrupt();
      sampler.join();
      long[] taken = Arrays.copyOf(gaps, gapCount);
      return new Load(wrk, withWindow ? taken : null, maxHeap[0]);
    }

    private record Load(WrkRun wrk, long[] gaps, long maxHeap) {}

    /** The live heap once the window has caught up and a full collection has run. */
    private static long settledHeap() throws InterruptedException {
      Thread.sleep(1500);
      System.gc();
      Thread.sleep(300);
      return liveHeap();
    }

    /** Heap left after the last collection of each pool: what is really held, without GC timing noise. */
    static long liveHeap() {
      long total = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
          total += pool.getCollectionUsage().getUsed();
        }
      }
      return total;
    }
  }
}
