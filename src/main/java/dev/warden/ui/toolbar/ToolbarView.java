package dev.warden.ui.toolbar;

import dev.warden.core.settings.ProxyProfile;
import dev.warden.core.settings.ProxyProfiles;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.ToggleSwitch;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The main toolbar: start/stop, listen address, the 407 switch, realms in force, pause, clear,
 * theme. Binds to {@link ToolbarViewModel}; the commands it cannot run itself (open the editor,
 * clear, pause, theme) are handed in. FX thread.
 */
public final class ToolbarView {

  private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

  private final ToolBar bar = new ToolBar();
  private final ToggleSwitch enforcement = new ToggleSwitch("Require 407");
  private final TextField listen = new TextField();
  private final ToggleButton pause = new ToggleButton();
  private final ToggleButton dark = new ToggleButton();

  /**
   * @param openEditor opens the realms and users editor
   * @param clear clears the traffic
   */
  public ToolbarView(ToolbarViewModel model, Runnable openEditor, Runnable clear) {
    bar.setId("main-toolbar");
    bar.getStyleClass().add("main-toolbar");

    Button startStop = new Button();
    startStop.setId("start-stop");
    startStop
        .graphicProperty()
        .bind(Bindings.when(model.listeningProperty())
            .then(new FontIcon(MaterialDesignS.STOP))
            .otherwise(new FontIcon(MaterialDesignP.PLAY)));
    startStop
        .textProperty()
        .bind(Bindings.when(model.listeningProperty()).then("Stop").otherwise("Start"));
    startStop.disableProperty().bind(model.busyProperty());
    startStop.setOnAction(e -> model.toggleRunning());
    startStop.setTooltip(
        new Tooltip("Start or stop the proxy; stopping closes every open connection (F5)"));

    listen.setId("listen-address");
    // wide enough for 127.0.0.1:3128 and a five-digit port, no wider: every control stays in view
    // at 1024 px
    listen.setPrefWidth(142);
    listen.setPromptText("127.0.0.1:3128");
    listen.textProperty().bindBidirectional(model.listenTextProperty());
    listen.setOnAction(e -> model.applyListen());
    Tooltip listenTip = new Tooltip("Where the proxy listens (HOST:PORT). Press Enter to move it.");
    listen.setTooltip(listenTip);
    Label listenProblem = new Label();
    listenProblem.setId("listen-problem");
    listenProblem.getStyleClass().add("listen-problem");
    listenProblem.textProperty().bind(model.listenProblemProperty());
    listenProblem.visibleProperty().bind(model.listenProblemProperty().isNotEmpty());
    listenProblem.managedProperty().bind(listenProblem.visibleProperty());
    listenProblem.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE));
    // the reason is the icon's tooltip (and the status bar's text): a sentence in the toolbar would
    // push its other controls into the overflow menu on a narrow window
    listenProblem.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    Tooltip problemTip = new Tooltip();
    problemTip.textProperty().bind(model.listenProblemProperty());
    listenProblem.setTooltip(problemTip);
    model
        .listenProblemProperty()
        .addListener((o, a, b) -> listen.pseudoClassStateChanged(INVALID, !b.isEmpty()));
    // the icon alone (its name in the tooltip): the toolbar keeps every control in view at 1024 px
    Label listenLabel = new Label("Listen", new FontIcon(MaterialDesignL.LAN_CONNECT));
    listenLabel.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    listenLabel.setTooltip(listenTip);
    listenLabel.setLabelFor(listen);

    enforcement.setId("enforcement-switch");
    enforcement.selectedProperty().bindBidirectional(model.enforcementProperty());
    enforcement.setTooltip(
        new Tooltip(
            "Require proxy authentication: answer requests without valid credentials with 407 (Ctrl+E)"));

    Button realms = new Button();
    realms.setId("open-editor");
    realms.getStyleClass().add("realm-summary");
    realms.setGraphic(new FontIcon(MaterialDesignA.ACCOUNT_KEY));
    realms.textProperty().bind(model.realmSummaryProperty());
    Tooltip realmsTip = new Tooltip();
    realms.setTooltip(realmsTip);
    realmsTip
        .textProperty()
        .bind(model.realmDetailProperty().concat("\nOpen the realms and users editor (Ctrl+R)"));
    realms.setMaxWidth(240);
    realms.setOnAction(e -> openEditor.run());

    pause.setId("pause-capture");
    pause.setGraphic(new FontIcon(MaterialDesignP.PAUSE));
    pause.setTooltip(
        new Tooltip("Pause capture: the table stops updating, the proxy keeps running (Ctrl+P)"));

    Button clearButton = new Button(null, new FontIcon(MaterialDesignD.DELETE_SWEEP));
    clearButton.setId("clear-traffic");
    clearButton.setTooltip(new Tooltip("Clear traffic (Ctrl+L)"));
    clearButton.setOnAction(e -> clear.run());

    dark.setId("theme-toggle");
    dark.graphicProperty()
        .bind(Bindings.when(dark.selectedProperty())
            .then(new FontIcon(MaterialDesignW.WEATHER_SUNNY))
            .otherwise(new FontIcon(MaterialDesignW.WEATHER_NIGHT)));
    dark.setTooltip(new Tooltip("Light or dark theme"));

    ComboBox<ProxyProfile> profiles = new ComboBox<>();
    profiles.setId("toolbar-profile");
    profiles.getItems().setAll(ProxyProfiles.all());
    profiles.setCellFactory(l -> profileCell());
    profiles.setButtonCell(profileCell());
    profiles.setValue(model.profileProperty().get());
    model.profileProperty().addListener((o, a, b) -> profiles.setValue(b));
    profiles.setOnAction(e -> model.chooseProfile(profiles.getValue()));
    Tooltip profileTip = new Tooltip();
    profileTip.textProperty().bind(model.profileNoteProperty());
    profiles.setTooltip(profileTip);
    profiles.disableProperty().bind(model.busyProperty());
    profiles.setPromptText("Profile");
    // the closed box shows the start of a long name ("Squid 5.7 (Dig…"); its list and tooltip all
    // of it
    profiles.setPrefWidth(140);
    profiles.setMaxWidth(140);

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox listenBox = new HBox(6, listenLabel, listen, listenProblem);
    listenBox.setAlignment(Pos.CENTER_LEFT);
    spacer.setMinWidth(0);
    // the theme is chosen in the window's "More" menu (bound to darkButton()), which keeps the
    // toolbar within a 1024-pixel screen under GTK's fonts
    bar.getItems()
        .addAll(startStop, listenBox, enforcement, realms, profiles, spacer, pause, clearButton);
  }

  /** A profile's name; "Custom profile" when the default realm follows none. */
  private static ListCell<ProxyProfile> profileCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(ProxyProfile item, boolean empty) {
        super.updateItem(item, empty);
        setText(item == null ? "Custom profile" : item.name());
      }
    };
  }

  public ToolBar node() {
    return bar;
  }

  public ToggleSwitch enforcementSwitch() {
    return enforcement;
  }

  public ToggleButton pauseButton() {
    return pause;
  }

  public ToggleButton darkButton() {
    return dark;
  }
}
