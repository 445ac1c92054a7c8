package dev.warden.ui.editor;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The editor's footer: the problems that block Save and the warnings that do not, in a box of fixed
 * height (they come and go as the user types: the pane above never changes size under the caret),
 * then Revert and Save. FX thread.
 */
final class EditorFooter {

  /** Two lines of problems or warnings; more scroll. */
  private static final double MESSAGE_AREA_HEIGHT = 44;

  private final EditorViewModel model;

  EditorFooter(EditorViewModel model) {
    this.model = model;
  }

  Node node() {
    VBox messages = new VBox(4);
    messages.setId("editor-messages");
    Runnable refresh = () -> {
      messages.getChildren().clear();
      model
          .problems()
          .forEach(
              p -> messages.getChildren().add(message(p, "problem", MaterialDesignA.ALERT_CIRCLE)));
      model
          .warnings()
          .forEach(w -> messages.getChildren().add(message(w, "warning", MaterialDesignA.ALERT)));
    };
    model.problems().addListener((ListChangeListener<String>) c -> refresh.run());
    model.warnings().addListener((ListChangeListener<String>) c -> refresh.run());
    refresh.run();

    Button revert = new Button("Revert");
    revert.setId("revert-editor");
    revert.setTooltip(
        new Tooltip("Drop every unsaved change: back to the realms and users in force"));
    revert.disableProperty().bind(model.dirtyProperty().not().or(model.savingProperty()));
    revert.setOnAction(e -> model.revert());
    Button save = new Button("Save and apply", new FontIcon(MaterialDesignC.CONTENT_SAVE));
    save.setId("save-editor");
    save.setTooltip(
        new Tooltip(
            "Save the realms and users and apply them to the next request (Esc closes the editor, changes kept)"));
    save.getStyleClass().add(Styles.ACCENT);
    save.disableProperty().bind(model.savingProperty().or(Bindings.isNotEmpty(model.problems())));
    save.setOnAction(e -> model.save());
    Label unsaved = new Label();
    unsaved.getStyleClass().add("unsaved");
    unsaved
        .textProperty()
        .bind(Bindings.when(model.savingProperty())
            .then("Saving…")
            .otherwise(
                Bindings.when(model.dirtyProperty()).then("Unsaved changes").otherwise("")));
    ScrollPane messageArea = new ScrollPane(messages);
    messageArea.setId("editor-message-area");
    messageArea.setFitToWidth(true);
    messageArea.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    messageArea.getStyleClass().add("editor-message-area");
    messageArea.setMinHeight(MESSAGE_AREA_HEIGHT);
    messageArea.setPrefHeight(MESSAGE_AREA_HEIGHT);
    messageArea.setMaxHeight(MESSAGE_AREA_HEIGHT);
    messageArea.setPrefWidth(200);
    HBox.setHgrow(messageArea, Priority.ALWAYS);
    // beside the buttons, not above them: the footer is no taller than the buttons and two lines,
    // so the user form above keeps its room on a 768-pixel screen
    VBox state = new VBox(unsaved);
    state.setAlignment(Pos.CENTER_RIGHT);
    state.setMinWidth(Region.USE_PREF_SIZE);
    HBox box = new HBox(10, messageArea, state, revert, save);
    box.setAlignment(Pos.CENTER_RIGHT);
    box.getStyleClass().add("editor-footer");
    box.setPadding(new Insets(8, 14, 10, 14));
    return box;
  }

  private static Label message(String text, String kind, org.kordamp.ikonli.Ikon icon) {
    return EditorView.message(text, kind, icon);
  }
}
