package dev.warden.ui.editor;

import atlantafx.base.theme.Styles;
import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.ProxyProfile;
import dev.warden.core.settings.ProxyProfiles;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A realm's Faults tab in the editor: a proxy profile to behave like (applied with one click), which
 * profile the realm follows and what differs from it, and one row per fault knob: its value as
 * {@code --fault} takes it and one sentence on what a client will see. Bound to one
 * {@link RealmDraft} at a time. FX thread.
 */
final class FaultsForm {

  private final ComboBox<ProxyProfile> profile = new ComboBox<>();
  private final Button apply = new Button("Apply profile");
  private final Label note = new Label();
  private final Map<FaultKnob, TextField> fields = new EnumMap<>(FaultKnob.class);
  private final InvalidationListener refresh = o -> refreshNote();
  private RealmDraft bound;

  Node node() {
    profile.setId("realm-profile");
    profile.setTooltip(new Tooltip("A real proxy whose 407 behaviour this realm can copy"));
    profile.getItems().setAll(ProxyProfiles.all());
    profile.setCellFactory(l -> profileCell());
    profile.setButtonCell(profileCell());
    profile.setPromptText("Behave like…");
    apply.setId("realm-profile-apply");
    apply.setTooltip(new Tooltip(
        "Set this realm's schemes and fault knobs as the chosen proxy has them (applies on Save)"));
    apply.disableProperty().bind(profile.valueProperty().isNull());
    apply.setOnAction(e -> {
      if (bound != null && profile.getValue() != null) {
        bound.apply(profile.getValue());
      }
    });
    HBox picker = new HBox(10, new Label("Behave like"), profile, apply);
    picker.setAlignment(Pos.CENTER_LEFT);
    note.setId("realm-profile-note");
    note.setWrapText(true);
    note.getStyleClass().add(Styles.TEXT_MUTED);

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(4);
    int row = 0;
    for (FaultKnob knob : FaultKnob.values()) {
      Label name = new Label(knob.knob());
      name.setMinWidth(Region.USE_PREF_SIZE);
      TextField value = new TextField();
      value.setId("knob-" + knob.knob());
      value.setPromptText(knob.syntax());
      value.setPrefColumnCount(16);
      Label sentence = new Label(knob.sentence());
      sentence.setId("knob-sentence-" + knob.knob());
      sentence.setWrapText(true);
      sentence.getStyleClass().add(Styles.TEXT_MUTED);
      fields.put(knob, value);
      grid.addRow(row, name, value);
      grid.add(sentence, 1, row + 1);
      GridPane.setHgrow(value, Priority.ALWAYS);
      row += 2;
    }
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    VBox box = new VBox(8, picker, note, scroll);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    box.setPadding(new Insets(10, 0, 0, 0));
    return box;
  }

  private static ListCell<ProxyProfile> profileCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(ProxyProfile item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.name());
      }
    };
  }

  private void refreshNote() {
    note.setText(bound == null ? "" : bound.profileNote(ProxyProfiles.all()));
  }

  private List<Observable> watched(RealmDraft realm) {
    return List.of(
        realm.faultsDraft().revisionProperty(),
        realm.basicProperty(),
        realm.digestProperty(),
        realm.digestFirstProperty(),
        realm.presetProperty());
  }

  /** Shows {@code realm}'s knobs and edits them. */
  void bind(RealmDraft realm) {
    bound = realm;
    fields.forEach((knob, field) ->
        field.textProperty().bindBidirectional(realm.faultsDraft().text(knob)));
    watched(realm).forEach(o -> o.addListener(refresh));
    refreshNote();
  }

  /** Stops editing {@code realm}. */
  void unbind(RealmDraft realm) {
    fields.forEach((knob, field) ->
        field.textProperty().unbindBidirectional(realm.faultsDraft().text(knob)));
    watched(realm).forEach(o -> o.removeListener(refresh));
    bound = null;
  }
}
