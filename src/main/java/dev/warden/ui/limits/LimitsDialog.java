package dev.warden.ui.limits;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The limits and deadlines of the proxy path, editable: one row per {@link LimitField} with the
 * sentence that says what a client sees when it fires, the problems as they are typed, and Apply
 * (which saves through {@link LimitsViewModel}); opened from the toolbar's "More" menu. FX thread.
 */
public final class LimitsDialog {

  private final LimitsViewModel model;
  private Stage stage;

  public LimitsDialog(LimitsViewModel model) {
    this.model = model;
  }

  /** Opens the dialog (or brings it forward) showing the limits in force. */
  public void open(Window owner, Consumer<Scene> styling) {
    if (stage == null) {
      stage = new Stage();
      stage.initOwner(owner);
      stage.setTitle("Warden — Limits and deadlines");
      Scene scene = new Scene(content(), 760, 640);
      scene.setOnKeyPressed(e -> {
        if (e.getCode() == KeyCode.ESCAPE) {
          stage.close();
        }
      });
      stage.setScene(scene);
    }
    styling.accept(stage.getScene());
    if (!stage.isShowing()) {
      model.load();
    }
    stage.show();
    stage.toFront();
  }

  private Parent content() {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(4);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints(110, 130, 160);
    ColumnConstraints effects = new ColumnConstraints();
    effects.setHgrow(Priority.ALWAYS);
    effects.setMinWidth(200);
    grid.getColumnConstraints().setAll(labels, fields, effects);
    int row = 0;
    for (LimitField field : LimitField.values()) {
      TextField text = new TextField();
      text.setId(field.id());
      text.textProperty().bindBidirectional(model.text(field));
      Label effect = new Label(field.effect());
      effect.setWrapText(true);
      effect.getStyleClass().add("hint");
      effect.setMinHeight(Region.USE_PREF_SIZE);
      Label name = new Label(field.label());
      name.setLabelFor(text);
      grid.addRow(row++, name, text, effect);
    }

    Label intro = new Label(
        "Each limit is read when a connection is accepted: a change applies to connections "
            + "accepted from then on. Durations: 500ms, 30s, 5m, 1h. Sizes: 65536, 64 KiB, 16 MiB.");
    intro.setWrapText(true);
    intro.setMinHeight(Region.USE_PREF_SIZE);

    Label problems = new Label();
    problems.setId("limits-problems");
    problems.setWrapText(true);
    problems.setMinHeight(Region.USE_PREF_SIZE);
    problems.getStyleClass().add("error-text");
    problems
        .textProperty()
        .bind(Bindings.createStringBinding(
            () -> String.join("\n", model.problems()), model.problems()));
    problems.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
    problems.managedProperty().bind(problems.visibleProperty());

    Button defaults = new Button("Defaults");
    defaults.setId("limits-defaults");
    defaults.setTooltip(new Tooltip("Fill in Warden's defaults (saved only with Apply)"));
    defaults.setOnAction(e -> model.defaults());
    Button cancel = new Button("Cancel");
    cancel.setId("limits-cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.close());
    Button apply = new Button("Apply");
    apply.setId("limits-apply");
    apply.setDefaultButton(true);
    apply.setTooltip(new Tooltip("Save these limits; new connections get them (Enter)"));
    apply.disableProperty().bind(Bindings.isNotEmpty(model.problems()).or(model.savingProperty()));
    apply.setOnAction(e -> model.save(stage::close));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox buttons = new HBox(8, defaults, gap, cancel, apply);
    buttons.setAlignment(Pos.CENTER_RIGHT);

    VBox body = new VBox(12, intro, grid, problems);
    body.setPadding(new Insets(16));
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    VBox root = new VBox(scroll, buttons);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    buttons.setPadding(new Insets(8, 16, 12, 16));
    root.setId("limits-dialog");
    return root;
  }
}
