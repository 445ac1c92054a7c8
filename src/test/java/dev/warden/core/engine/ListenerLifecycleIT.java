package dev.warden.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.EngineStatus;
import dev.warden.core.Warden;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Settings;
import dev.warden.testing.RawHttpConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start, stop and move the listener without restarting the JVM, and clear failures. */
class ListenerLifecycleIT {

  private Warden warden;
  private InMemorySettingsStore store;

  @BeforeEach
  void create() {
    Settings settings = Settings.defaults().withListen(new ListenAddress("127.0.0.1", 0));
    store = new InMemorySettingsStore(settings);
    warden = new Warden(store, settings);
  }

  @AfterEach
  void close() {
    warden.close();
  }

  private static EngineStatus await(java.util.concurrent.CompletableFuture<EngineStatus> f)
      throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  private static boolean answers407(int port) {
    try (RawHttpConnection c = new RawHttpConnection(port)) {
      return c.exchange("GET http://127.0.0.1:9/ HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n")
              .status()
          == 407;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void reportsTheRealPortWhenAskedForPortZero() throws Exception {
    EngineStatus status = await(warden.start());
    assertThat(status.listening()).isTrue();
    assertThat(status.bound().port()).isPositive();
    assertThat(status.message())
        .isEqualTo("Listening on 127.0.0.1:" + status.bound().port());
    assertThat(answers407(status.bound().port())).isTrue();
  }

  @Test
  void reportsBusyAddressInOneSentenceAndListensNowhere() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ListenAddress taken = new ListenAddress("127.0.0.1", busy.getLocalPort());
      warden.update(s -> s.withListen(taken)).get(20, TimeUnit.SECONDS);
      EngineStatus status = await(warden.start());
      assertThat(status.state()).isEqualTo(EngineStatus.State.FAILED);
      assertThat(status.message()).isEqualTo(taken + " is already in use");
      assertThat(status.bound()).isNull();
    }
  }

  @Test
  void keepsTheOldListenerWhenTheNewAddressIsBusy() throws Exception {
    int oldPort = await(warden.start()).bound().port();
    try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ListenAddress taken = new ListenAddress("127.0.0.1", busy.getLocalPort());
      EngineStatus status = await(warden.listenOn(taken));
      assertThat(status.listening()).isTrue();
      assertThat(status.bound().port()).isEqualTo(oldPort);
      assertThat(status.message())
          .isEqualTo(taken + " is already in use; still listening on 127.0.0.1:" + oldPort);
    }
    assertThat(answers407(oldPort)).isTrue();
    assertThat(store.load().settings().listen().port()).isZero();
  }

  @Test
  void refusesAnAddressThatIsNotOnThisMachine() throws Exception {
    await(warden.start());
    // TEST-NET-1 (RFC 5737): never assigned to a machine, so the bind fails without any traffic.
    EngineStatus status = await(warden.listenOn(new ListenAddress("192.0.2.1", 3128)));
    assertThat(status.message()).startsWith("192.0.2.1:3128 is not an address of this machine");
    assertThat(status.listening()).isTrue();
  }

  @Test
  void refusesAHostThatCannotBeResolved() throws Exception {
    EngineStatus status = await(warden.listenOn(new ListenAddress("no-such-host.invalid", 3128)));
    assertThat(status.state()).isEqualTo(EngineStatus.State.FAILED);
    assertThat(status.message()).contains("cannot be resolved");
  }

  @Test
  void movesToANewPortAndStopsServingTheOldOne() throws Exception {
    int oldPort = await(warden.start()).bound().port();
    int newPort;
    try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      newPort = free.getLocalPort();
    }
    EngineStatus moved = await(warden.listenOn(new ListenAddress("127.0.0.1", newPort)));
    assertThat(moved.bound().port()).isEqualTo(newPort);
    assertThat(answers407(newPort)).isTrue();
    assertThat(answers407(oldPort)).isFalse();
    assertThat(store.load().settings().listen().port()).isEqualTo(newPort);
  }

  @Test
  void restartsAfterStopWithoutRestartingTheJvm() throws Exception {
    await(warden.start());
    EngineStatus stopped = await(warden.stop());
    assertThat(stopped.state()).isEqualTo(EngineStatus.State.STOPPED);
    EngineStatus again = await(warden.start());
    assertThat(again.listening()).isTrue();
    assertThat(answers407(again.bound().port())).isTrue();
  }
}
