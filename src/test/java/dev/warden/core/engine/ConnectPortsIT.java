package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.settings.Realm;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TunnelPorts;
import dev.warden.testing.Users;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CONNECT reaches only the ports the destination's realm lists (443 and 8443 unless the user added
 * more): another port gets 403 with the reason recorded, and no connection is opened. Raw sockets
 * against a real Warden; the destination is a plain listening socket that notices any connection.
 */
class ConnectPortsIT {

  private static final String ALICE =
      "Proxy-Authorization: " + Users.basic("alice", "s3cret") + "\r\n";

  private RunningWarden warden;
  private ServerSocket destination;

  @BeforeEach
  void start() throws Exception {
    destination = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
    destination.setSoTimeout(300);
    warden = new RunningWarden(Users.realmWith("Lab", Users.user("alice", "s3cret")));
  }

  @AfterEach
  void stop() throws Exception {
    warden.close();
    destination.close();
  }

  @Test
  void refusesAConnectToAPortTheRealmDoesNotListWith403AndTheReason() throws Exception {
    String authority = "127.0.0.1:" + destination.getLocalPort();
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse refused = c.exchange(connect(authority, ALICE));
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.bodyText())
          .contains("port " + destination.getLocalPort())
          .contains("443, 8443");
      assertThat(refused.closesConnection()).isFalse();
      // the connection stays usable: the next request is read as a request
      assertThat(c.exchange(connect(authority, ALICE)).status()).isEqualTo(403);
    }
    assertThatThrownBy(destination::accept)
        .as("no connection to the destination")
        .isInstanceOf(SocketTimeoutException.class);
    Exchange recorded = warden.awaitExchange(e -> e.isConnect() && e.url().equals(authority));
    assertThat(recorded.status()).isEqualTo(403);
    assertThat(recorded.auth()).isInstanceOf(AuthOutcome.PortRefused.class);
    assertThat(recorded.auth().describe())
        .isEqualTo(
            "CONNECT to port " + destination.getLocalPort()
                + " refused: realm 'Lab' allows tunnels to ports 443, 8443 only (user 'alice' was authenticated)");
  }

  @Test
  void tunnelsToAPortTheUserAdded() throws Exception {
    warden.update(s -> TunnelPorts.allowing(s, destination.getLocalPort()));
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse established =
          c.exchange(connect("127.0.0.1:" + destination.getLocalPort(), ALICE));
      assertThat(established.status()).isEqualTo(200);
      destination.accept().close();
    }
  }

  @Test
  void challengesAClientWithoutCredentialsBeforeLookingAtThePort() throws Exception {
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse challenged = c.exchange(connect("127.0.0.1:" + destination.getLocalPort(), ""));
      assertThat(challenged.status()).isEqualTo(407);
    }
  }

  @Test
  void refusesTheSamePortWhenEnforcementIsOff() throws Exception {
    warden.update(s -> s.withEnforcement(false));
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(
              c.exchange(connect("127.0.0.1:" + destination.getLocalPort(), "")).status())
          .isEqualTo(403);
    }
    assertThatThrownBy(destination::accept).isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void appliesThePortListOfTheDestinationsRealm() throws Exception {
    try (ServerSocket other = new ServerSocket()) {
      other.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
      int port = other.getLocalPort();
      Realm second = TunnelPorts.allowing(
          new Realm("Second", List.of("127.0.0.2"), List.of(Users.user("alice", "s3cret"))), port);
      warden.update(s -> s.withRealms(List.of(second, s.realms().get(0))));
      try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
        assertThat(c.exchange(connect("127.0.0.2:" + port, ALICE)).status()).isEqualTo(200);
      }
      try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
        // the same port on a destination of the default realm, which does not list it
        assertThat(c.exchange(connect("127.0.0.1:" + port, ALICE)).status()).isEqualTo(403);
      }
    }
  }

  @Test
  void answersAConnectToWardensOwnPort508WhetherOrNotThePortIsListed() throws Exception {
    String self = "127.0.0.1:" + warden.port();
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(c.exchange(connect(self, ALICE)).status()).isEqualTo(508);
    }
    warden.update(s -> TunnelPorts.allowing(s, warden.port()));
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(c.exchange(connect(self, ALICE)).status()).isEqualTo(508);
    }
  }

  private static String connect(String authority, String credentials) {
    return "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n" + credentials
        + "\r\n";
  }
}
