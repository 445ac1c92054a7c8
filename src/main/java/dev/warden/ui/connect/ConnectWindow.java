package dev.warden.ui.connect;

import dev.warden.core.connect.ClientFamily;
import dev.warden.core.connect.GnomeSystemProxy;
import dev.warden.ui.fx.DaemonThread;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * "Connect a client": the user picker on top, the client families on the left, the chosen family's
 * set-up (one line saying what it does, the text read-only in monospace, Copy) on the right, and the
 * GNOME system-proxy toggle below with what it did or why it is disabled. Sized to fit a 1024x700
 * screen. FX thread.
 */
public final class ConnectWindow {

  private final ConnectViewModel model;
  private Stage stage;

  public ConnectWindow(ConnectViewModel model) {
    this.model = model;
  }

  /** The window for this desktop's {@code gsettings}, which runs on a daemon thread of its own. */
  public static ConnectWindow onThisDesktop(Executor fx) {
    return new ConnectWindow(new ConnectViewModel(
        GnomeSystemProxy.onThisDesktop(), DaemonThread.named("warden-system-proxy"), fx));
  }

  public ConnectViewModel model() {
    return model;
  }

  /** Styles the window again (a theme change), when it was opened. */
  public void restyle(Consumer<Scene> styling) {
    if (stage != null) {
      styling.accept(stage.getScene());
    }
  }

  /** Opens the window (or brings it forward). */
  public void open(Window owner, Consumer<Scene> styling) {
    if (stage == null) {
      stage = new Stage();
      stage.initOwner(owner);
      stage.setTitle("Warden — Connect a client");
      Scene scene = new Scene(content(), 900, 600);
      scene.setOnKeyPressed(e -> {
        if (e.getCode() == KeyCode.ESCAPE) {
          stage.close();
        }
      });
      stage.setScene(scene);
      stage.setMinWidth(640);
      stage.setMinHeight(420);
      model.checkDesktop();
    }
    styling.accept(stage.getScene());
    stage.show();
    stage.toFront();
  }

  private Parent content() {
    ComboBox<UserChoice> users = new ComboBox<>(model.users());
    users.setId("connect-user");
    users.valueProperty().bindBidirectional(model.userProperty());
    users.setTooltip(new Tooltip("The user the set-up is for; its password is never shown: "
        + "each snippet says where it comes from"));
    Label reached = new Label();
    reached.setId("connect-address");
    reached
        .textProperty()
        .bind(model.reachedAtProperty().map(a -> "Clients on this machine reach Warden at " + a));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox top = new HBox(8, new Label("User:"), users, spacer, reached);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(0, 0, 8, 0));

    ListView<ClientFamily> families = new ListView<>(model.families());
    families.setId("connect-families");
    families.setPrefWidth(190);
    families.setMinWidth(150);
    families.setCellFactory(list -> new ListCell<>() {
      @Override
      protected void updateItem(ClientFamily item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.title());
      }
    });
    families.getSelectionModel().select(model.familyProperty().get());
    families.getSelectionModel().selectedItemProperty().addListener((o, a, chosen) -> {
      if (chosen != null) {
        model.familyProperty().set(chosen);
      }
    });
    model
        .familyProperty()
        .addListener((o, a, chosen) -> families.getSelectionModel().select(chosen));

    Label summary = new Label();
    summary.setId("connect-summary");
    summary.setWrapText(true);
    summary.setMinHeight(Region.USE_PREF_SIZE);
    summary.textProperty().bind(model.summaryProperty());
    TextArea text = new TextArea();
    text.setId("connect-snippet");
    text.setEditable(false);
    // wrapped on screen only: Copy takes the text itself, where a long command stays one line
    text.setWrapText(true);
    text.setStyle("-fx-font-family: monospace;");
    text.textProperty().bind(model.snippetProperty());
    VBox.setVgrow(text, Priority.ALWAYS);
    Label copied = new Label();
    copied.setId("connect-copied");
    Button copy = new Button("Copy");
    copy.setId("connect-copy");
    copy.setDefaultButton(true);
    copy.setTooltip(new Tooltip("Copy the whole set-up to the clipboard"));
    PauseTransition fade = new PauseTransition(Duration.seconds(3));
    fade.setOnFinished(e -> copied.setText(""));
    copy.setOnAction(e -> {
      ClipboardContent content = new ClipboardContent();
      content.putString(model.snippetProperty().get());
      javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
      copied.setText("Copied.");
      fade.playFromStart();
    });
    HBox actions = new HBox(8, copy, copied);
    actions.setAlignment(Pos.CENTER_LEFT);
    VBox right = new VBox(8, summary, text, actions);
    right.setPadding(new Insets(0, 0, 0, 8));
    HBox.setHgrow(right, Priority.ALWAYS);

    CheckBox desktop = new CheckBox("Use Warden as GNOME's system proxy");
    desktop.setId("connect-system-proxy");
    desktop.selectedProperty().bindBidirectional(model.systemProxyProperty());
    desktop.disableProperty().bind(model.systemProxyAvailableProperty().not());
    desktop.setTooltip(new Tooltip("Sets org.gnome.system.proxy to Warden with gsettings; "
        + "switching it off, or quitting Warden, puts the previous values back"));
    Label note = new Label();
    note.setId("connect-system-proxy-note");
    note.setWrapText(true);
    note.getStyleClass().add("hint");
    note.textProperty().bind(model.systemProxyNoteProperty());
    VBox bottom = new VBox(4, desktop, note);
    bottom.setPadding(new Insets(8, 0, 0, 0));

    BorderPane root = new BorderPane();
    root.setId("connect-root");
    root.setPadding(new Insets(12));
    root.setTop(top);
    root.setCenter(new HBox(families, right));
    root.setBottom(bottom);
    return root;
  }
}
