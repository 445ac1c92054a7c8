package dev.warden.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RunningWarden;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The sentence for a 502 from a real request to a closed loopback port says each thing once. */
class UnreachableSentenceIT {

  @Test
  void saysConnectionRefusedOnceForAClosedPort() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed + "/gone";
    try (RunningWarden warden = new RunningWarden(Settings.defaults().withEnforcement(false))) {
      try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
        assertThat(c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1:" + closed
                    + "\r\nConnection: close\r\n\r\n")
                .status())
            .isEqualTo(502);
      }
      Exchange e = warden.awaitExchange(x -> x.url().equals(url) && x.status() == 502);
      String sentence = DetailsViewModel.sentence(e);
      assertThat(sentence.split("connection refused or unreachable", -1))
          .as(sentence)
          .hasSize(2);
      assertThat(sentence.split(url, -1)).as(sentence).hasSizeLessThanOrEqualTo(2);
      assertThat(sentence)
          .endsWith("Then the destination failed: connection refused or unreachable (" + url + ")");
    }
  }
}
