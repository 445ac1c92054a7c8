package dev.warden.ui;

import dev.warden.core.Warden;
import dev.warden.core.auth.AuthState;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.TestOrigin;
import dev.warden.ui.state.UiState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window over a real Warden (LittleProxy on 127.0.0.1, a free port) and a real origin,
 * for TestFX tests. Requests go through the proxy over raw sockets.
 */
public final class LiveWindow implements AutoCloseable {

  /** The traffic table of the window under test. */
  @SuppressWarnings("unchecked")
  public static TableView<Exchange> table(FxRobot robot) {
    return robot.lookup("#traffic-table").queryAs(TableView.class);
  }

  private final TestOrigin origin;
  private final Warden warden;
  private WardenWindow window;

  public LiveWindow(Settings settings) throws Exception {
    this(settings, new AuthState());
  }

  /** A window over a Warden whose authentication state (lockout policy, clock) is the caller's. */
  public LiveWindow(Settings settings, AuthState authState) throws Exception {
    origin = new TestOrigin();
    Settings onFreePort = settings.withListen(new ListenAddress("127.0.0.1", 0));
    warden = new Warden(new InMemorySettingsStore(onFreePort), onFreePort, authState);
  }

  /** Builds and shows the window (which starts the proxy); call from a TestFX {@code @Start}. */
  public void show(Stage stage) {
    show(stage, UiState.DEFAULT);
  }

  /** Builds and shows the window as a restart with {@code state} would. */
  public void show(Stage stage, UiState state) {
    window = new WardenWindow(warden, GuiLauncher.hashing(), state, Optional.empty());
    window.show(stage, state);
  }

  /** Waits until the proxy listens. Test thread. */
  public LiveWindow awaitListening() throws TimeoutException {
    await(() -> warden.status().listening());
    return this;
  }

  public Warden warden() {
    return warden;
  }

  public WardenWindow window() {
    return window;
  }

  public int port() {
    return warden.status().bound().port();
  }

  public String url(String path) {
    return origin.url(path);
  }

  /** The origin's {@code host:port}, for Host fields. */
  public String originAuthority() {
    return "127.0.0.1:" + origin.port();
  }

  /** A GET through the proxy, with Basic credentials when {@code user} is not null. */
  public RawResponse get(String path, String user, String password) throws Exception {
    return getVia(port(), path, user, password);
  }

  public RawResponse getVia(int proxyPort, String path, String user, String password)
      throws Exception {
    String auth = user == null
        ? ""
        : "Proxy-Authorization: Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
            + "\r\n";
    try (RawHttpConnection c = new RawHttpConnection(proxyPort)) {
      return c.exchange("GET " + url(path) + " HTTP/1.1\r\nHost: 127.0.0.1:" + origin.port()
          + "\r\n" + auth + "Connection: close\r\n\r\n");
    }
  }

  /** Waits up to 10 s for a condition checked on the test thread. */
  public static void await(BooleanSupplier condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Override
  public void close() {
    warden.close();
    origin.close();
  }
}
