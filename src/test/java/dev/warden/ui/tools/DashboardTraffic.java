package dev.warden.ui.tools;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Traffic with a shape over time for the dashboard's screenshot: a wave of authenticated requests
 * from four clients, first requests without credentials, and a guessing burst from one client in
 * the middle. Loopback only (127.0.0.0/8); for the screenshot run.
 */
final class DashboardTraffic {

  private DashboardTraffic() {}

  /** Sends the traffic for {@code seconds} seconds, a batch each second. Blocks the calling thread. */
  static void drive(int proxyPort, int originPort, int seconds) throws InterruptedException {
    String o = "http://127.0.0.1:" + originPort;
    String corp = "http://localhost:" + originPort;
    String[] users = {"alice", "bob", "alice", "dave"};
    long start = System.currentTimeMillis();
    for (int t = 0; t < seconds; t++) {
      int authenticated = 3 + (int) Math.round(3 * Math.sin(t / 3.0));
      for (int i = 0; i < authenticated; i++) {
        String user = users[(t + i) % users.length];
        DemoTraffic.get(proxyPort, (user.equals("dave") ? corp : o) + "/api/items/" + i, user,
            DemoTraffic.PASSWORD, client(2 + (t + i) % 4));
      }
      for (int i = 0; i < 1 + t % 3; i++) {
        DemoTraffic.get(proxyPort, o + "/index.html", null, null, client(6));
      }
      if (t >= seconds / 3 && t < seconds / 3 + 7) {
        for (int i = 0; i < 4; i++) {
          DemoTraffic.get(proxyPort, o + "/admin", i % 2 == 0 ? "admin" : "bob", "guess" + i, client(9));
        }
      }
      if (t % 5 == 0) {
        DemoTraffic.get(proxyPort, o + "/api/profile", "carol", DemoTraffic.PASSWORD, client(7));
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
