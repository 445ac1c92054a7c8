package dev.warden.ui.har;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks what to export: all, filtered or selected exchanges, and whether to keep the credential
 * fields as recorded (off by default: they are cut to their scheme). FX thread.
 */
public final class HarExportDialog {

  /** What the user chose. */
  public record Choice(HarScope scope, boolean keepCredentials) {}

  private final Dialog<Choice> dialog = new Dialog<>();
  private final ToggleGroup scopes = new ToggleGroup();
  private final CheckBox keep =
      new CheckBox("Keep Authorization and Proxy-Authorization as recorded");

  /** @param selectionPresent whether a row is selected (else "selected" is disabled) */
  public HarExportDialog(Window owner, boolean selectionPresent, int filtered, int all) {
    dialog.initOwner(owner);
    dialog.setTitle("Export as HAR");
    dialog.setHeaderText("Export exchanges as a HAR 1.2 file");
    VBox box = new VBox(8);
    box.setId("har-export-dialog");
    for (HarScope scope : HarScope.values()) {
      String count = switch (scope) {
        case ALL -> " (" + all + ")";
        case FILTERED -> " (" + filtered + ")";
        case SELECTED -> "";
      };
      RadioButton choice = new RadioButton(scope.label() + count);
      choice.setId("har-scope-" + scope.name().toLowerCase(java.util.Locale.ROOT));
      choice.setUserData(scope);
      choice.setToggleGroup(scopes);
      choice.setDisable(scope == HarScope.SELECTED && !selectionPresent);
      box.getChildren().add(choice);
    }
    scopes.selectToggle(scopes.getToggles().get(selectionPresent ? 2 : 0));
    keep.setId("har-keep-credentials");
    Label note = new Label("Off: they are written as their scheme only, e.g. \"Basic [redacted]\". "
        + "Warden never records a password either way: on, user names are kept.");
    note.setWrapText(true);
    note.setMaxWidth(420);
    box.getChildren().addAll(keep, note);
    dialog.getDialogPane().setContent(box);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setResultConverter(button -> button == ButtonType.OK
        ? new Choice((HarScope) scopes.getSelectedToggle().getUserData(), keep.isSelected())
        : null);
  }

  public Dialog<Choice> dialog() {
    return dialog;
  }

  /** Shows the dialog and waits for the answer (a nested event loop on the FX thread). */
  public Optional<Choice> ask() {
    return dialog.showAndWait();
  }
}
