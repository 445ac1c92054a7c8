package dev.warden.ui.tools;

import dev.warden.core.Warden;
import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.ui.WardenWindow;
import dev.warden.ui.state.UiState;
import dev.warden.ui.traffic.ConversationMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Takes the README screenshots of the real window with real traffic through the real proxy:
 * {@code warden-light.png}, {@code warden-dark.png}, {@code warden-editor.png}, {@code
 * warden-editor-auth.png}, {@code warden-connect.png}, {@code warden-connect-dark.png}, and light and
 * dark {@code warden-diagnosis-*.png}, {@code warden-conversations-*.png} and {@code
 * warden-dashboard-*.png} in the folder given as the first argument. Run under Xvfb by {@code
 * scripts/screenshots.sh}.
 */
public final class Screenshots {

  private Screenshots() {}

  public static void main(String[] args) {
    App.out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
    Application.launch(App.class);
  }

  /** The JavaFX side. */
  public static final class App extends Application {
    static Path out;

    @Override
    public void start(Stage stage) throws Exception {
      DemoTraffic demo = new DemoTraffic();
      Settings settings = DemoTraffic.settings(new ListenAddress("127.0.0.1", 0));
      Warden warden = new Warden(new InMemorySettingsStore(settings), settings);
      UiState state = new UiState(
          0, 0, 1440, 860, UiState.DEFAULT.divider(), Map.of(), false, java.util.List.of());
      WardenWindow window =
          new WardenWindow(warden, new PasswordHasher()::hash, state, Optional.empty());
      window.show(stage, state);
      Thread driver = new Thread(
          () -> {
            try {
              long deadline = System.currentTimeMillis() + 20_000;
              while (!warden.status().listening() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
              }
              int port = warden.status().bound().port();
              for (int round = 0; round < 4; round++) {
                demo.sendMix(port);
              }
              demo.sendConversations(port);
              Thread.sleep(1500);
              onFx(() -> select(stage.getScene())).get(10, TimeUnit.SECONDS);
              Thread.sleep(1200); // let the notification slide away and the rate settle
              onFx(() -> shoot(stage.getScene(), "warden-light.png")).get(10, TimeUnit.SECONDS);
              onFx(() ->
                      shootNode(stage.getScene().lookup("#details"), "warden-diagnosis-light.png"))
                  .get(10, TimeUnit.SECONDS);
              conversations(window, stage, "warden-conversations-light.png");
              onFx(() -> openConnect(window)).get(10, TimeUnit.SECONDS);
              Thread.sleep(800);
              onFx(() -> shoot(connectScene(stage), "warden-connect.png"))
                  .get(10, TimeUnit.SECONDS);
              onFx(() -> window.useDarkTheme(true)).get(10, TimeUnit.SECONDS);
              Thread.sleep(800);
              onFx(() -> shoot(connectScene(stage), "warden-connect-dark.png"))
                  .get(10, TimeUnit.SECONDS);
              onFx(() -> connectScene(stage).getWindow().hide()).get(10, TimeUnit.SECONDS);
              conversations(window, stage, "warden-conversations-dark.png");
              onFx(() -> shoot(stage.getScene(), "warden-dark.png")).get(10, TimeUnit.SECONDS);
              onFx(() ->
                      shootNode(stage.getScene().lookup("#details"), "warden-diagnosis-dark.png"))
                  .get(10, TimeUnit.SECONDS);
              onFx(window::openEditor).get(10, TimeUnit.SECONDS);
              Thread.sleep(800);
              onFx(() -> shoot(window.editorStage().getScene(), "warden-editor.png"))
                  .get(10, TimeUnit.SECONDS);
              onFx(() -> window.editorStage().getScene().getRoot().lookupAll(".tab-pane").stream()
                      .map(javafx.scene.control.TabPane.class::cast)
                      .filter(tabs -> tabs.getTabs().stream()
                          .anyMatch(t -> t.getText().equals("Authentication")))
                      .findFirst()
                      .ifPresent(tabs -> tabs.getSelectionModel()
                          .select(tabs.getTabs().stream()
                              .filter(t -> t.getText().equals("Authentication"))
                              .findFirst()
                              .orElseThrow())))
                  .get(10, TimeUnit.SECONDS);
              Thread.sleep(500);
              onFx(() -> shoot(window.editorStage().getScene(), "warden-editor-auth.png"))
                  .get(10, TimeUnit.SECONDS);
              onFx(() -> window.editorStage().close()).get(10, TimeUnit.SECONDS);
              DashboardTraffic.drive(port, demo.originPort(), 30);
              onFx(window::openDashboard).get(10, TimeUnit.SECONDS);
              Thread.sleep(1500);
              onFx(() -> shoot(window.dashboard().stage().getScene(), "warden-dashboard-dark.png"))
                  .get(10, TimeUnit.SECONDS);
              onFx(() -> window.useDarkTheme(false)).get(10, TimeUnit.SECONDS);
              Thread.sleep(800);
              onFx(() -> shoot(window.dashboard().stage().getScene(), "warden-dashboard-light.png"))
                  .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
              e.printStackTrace();
            } finally {
              warden.close();
              demo.close();
              Platform.exit();
            }
          },
          "screenshot-driver");
      driver.setDaemon(true);
      driver.start();
    }

    /** Opens "Connect a client" with the first user of the demo realms and the curl set-up. */
    private static void openConnect(WardenWindow window) {
      window.openConnect();
      var model = window.connectModel();
      model.userProperty().set(model.users().get(Math.min(1, model.users().size() - 1)));
      model
          .familyProperty()
          .set(model.families().stream()
              .filter(f -> f.title().equals("curl"))
              .findFirst()
              .orElseThrow());
    }

    private static Scene connectScene(Stage owner) {
      return javafx.stage.Window.getWindows().stream()
          .filter(w ->
              w != owner && w.getScene() != null && w.getScene().lookup("#connect-root") != null)
          .findFirst()
          .orElseThrow()
          .getScene();
    }

    /** Selects the most telling row: a 407 for an unknown user. */
    @SuppressWarnings("unchecked")
    private static void select(Scene scene) {
      TableView<Exchange> table = (TableView<Exchange>) scene.lookup("#traffic-table");
      for (int i = table.getItems().size() - 1; i >= 0; i--) {
        if (table.getItems().get(i).auth() instanceof AuthOutcome.Challenged c
            && c.reason() == ChallengeReason.UNKNOWN_USER) {
          table.getSelectionModel().select(i);
          table.scrollTo(Math.max(0, i - 12));
          return;
        }
      }
    }

    /**
     * Shows the conversations that began with a 407, with the repeated wrong password selected,
     * shoots the window, and goes back to all exchanges with the diagnosis row selected again.
     */
    @SuppressWarnings("unchecked")
    private static void conversations(WardenWindow window, Stage stage, String name)
        throws Exception {
      Scene scene = stage.getScene();
      ComboBox<ConversationMode> mode =
          (ComboBox<ConversationMode>) scene.lookup("#conversation-filter");
      onFx(() -> {
            mode.setValue(ConversationMode.ALL);
            window
                .trafficModel()
                .quickFilterProperty()
                .set(dev.warden.ui.traffic.QuickFilter.CHALLENGED);
          })
          .get(10, TimeUnit.SECONDS);
      Thread.sleep(600);
      onFx(() -> {
            TableView<Exchange> table = (TableView<Exchange>) scene.lookup("#traffic-table");
            for (int i = table.getItems().size() - 1; i >= 0; i--) {
              if (table.getItems().get(i).path().equals("/admin/users")) {
                table.getSelectionModel().select(i);
                table.scrollTo(Math.max(0, i - 8));
                return;
              }
            }
          })
          .get(10, TimeUnit.SECONDS);
      Thread.sleep(600);
      onFx(() -> shoot(scene, name)).get(10, TimeUnit.SECONDS);
      onFx(() -> {
            mode.setValue(ConversationMode.OFF);
            window.trafficModel().quickFilterProperty().set(dev.warden.ui.traffic.QuickFilter.ALL);
          })
          .get(10, TimeUnit.SECONDS);
      Thread.sleep(300);
      onFx(() -> select(scene)).get(10, TimeUnit.SECONDS);
      Thread.sleep(300);
    }

    private static void shootNode(javafx.scene.Node node, String name) {
      try {
        // a node has no background of its own: give it the window's, or dark text lands on white
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        javafx.scene.layout.Background bg =
            ((javafx.scene.layout.Region) node.getScene().getRoot()).getBackground();
        if (bg != null && !bg.getFills().isEmpty()) {
          params.setFill(bg.getFills().get(0).getFill());
        }
        PngWriter.write(node.snapshot(params, null), out.resolve(name));
        System.out.println("wrote " + out.resolve(name));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private static void shoot(Scene scene, String name) {
      try {
        PngWriter.write(scene.snapshot(null), out.resolve(name));
        System.out.println("wrote " + out.resolve(name));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private static CompletableFuture<Void> onFx(Runnable task) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Platform.runLater(() -> {
        try {
          task.run();
          done.complete(null);
        } catch (Throwable t) {
          done.completeExceptionally(t);
        }
      });
      return done;
    }
  }
}
