package dev.warden.ui.tools;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Traffic with a shape over time for the dashboard's screenshot: a wave of authenticated requests
 * from four clients, first requests without credentials, and a guessing burst from one client in
 * the middle. Requests run on a pool, so the guesser's delayed answers (Warden slows a client down
 * after repeated failures) do not hold the others back. Loopback only (127.0.0.0/8); for the
 * screenshot run.
 */
final class DashboardTraffic {

  private DashboardTraffic() {}

  /** Sends the traffic for {@code seconds} seconds, a batch each second. Blocks the calling thread. */
  static void drive(int proxyPort, int originPort, int seconds) throws InterruptedException {
    String o = "http://127.0.0.1:" + originPort;
    String corp = "http://localhost:" + originPort;
    String[] users = {"alice", "bob", "alice", "dave"};
    ExecutorService pool = Executors.newFixedThreadPool(24);
    try {
      send(pool, proxyPort, o, corp, users, seconds);
    } finally {
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
      pool.shutdownNow();
    }
  }

  private static void send(
      ExecutorService pool, int proxyPort, String o, String corp, String[] users, int seconds)
      throws InterruptedException {
    long start = System.currentTimeMillis();
    for (int t = 0; t < seconds; t++) {
      int second = t;
      int authenticated = 3 + (int) Math.round(3 * Math.sin(t / 3.0));
      for (int i = 0; i < authenticated; i++) {
        String user = users[(t + i) % users.length];
        int n = i;
        pool.execute(() -> DemoTraffic.get(
            proxyPort,
            (user.equals("dave") ? corp : o) + "/api/items/" + n,
            user,
            DemoTraffic.PASSWORD,
            client(2 + (second + n) % 4)));
      }
      for (int i = 0; i < 1 + t % 3; i++) {
        pool.execute(() -> DemoTraffic.get(proxyPort, o + "/index.html", null, null, client(6)));
      }
      if (t >= seconds / 3 && t < seconds / 3 + 7) {
        for (int i = 0; i < 4; i++) {
          String guess = "guess" + i;
          String who = i % 2 == 0 ? "admin" : "bob";
          pool.execute(() -> DemoTraffic.get(proxyPort, o + "/admin", who, guess, client(9)));
        }
      }
      if (t % 5 == 0) {
        pool.execute(() -> DemoTraffic.get(
            proxyPort, o + "/api/profile", "carol", DemoTraffic.PASSWORD, client(7)));
      }
      long next = start + (t + 1) * 1000L;
      Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
    }
  }

  private static InetAddress client(int last) {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
