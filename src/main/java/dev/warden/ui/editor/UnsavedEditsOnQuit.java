package dev.warden.ui.editor;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Asks before the main window closes with realm or user edits not yet applied: Apply (save, then
 * quit once saved; a refused save keeps the window and the editor open), Discard (quit) or Cancel
 * (stay). Without unapplied edits the window closes as before. FX thread.
 */
public final class UnsavedEditsOnQuit implements EventHandler<WindowEvent> {

  public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.YES);
  public static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

  private final EditorViewModel editor;
  private final Stage stage;
  private final Runnable showEditor;
  private final Supplier<Window> owner;

  /**
   * @param stage the main window, closed after Apply succeeds
   * @param showEditor brings the editor forward, where a refused save shows its problems
   */
  public UnsavedEditsOnQuit(EditorViewModel editor, Stage stage, Runnable showEditor) {
    this.editor = editor;
    this.stage = stage;
    this.showEditor = showEditor;
    this.owner = () -> stage;
  }

  @Override
  public void handle(WindowEvent closing) {
    if (!editor.dirtyProperty().get() || editor.savingProperty().get()) {
      return;
    }
    Alert ask = new Alert(
        Alert.AlertType.CONFIRMATION,
        "The realms and users editor has changes that are not applied yet. Apply them before quitting?",
        APPLY,
        DISCARD,
        ButtonType.CANCEL);
    ask.setTitle("Warden — Unapplied changes");
    ask.setHeaderText("Apply the changes to realms and users?");
    ask.initOwner(owner.get());
    ask.getDialogPane().setId("unsaved-edits-dialog");
    Optional<ButtonType> answer = ask.showAndWait();
    if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
      closing.consume();
    } else if (answer.get() == APPLY) {
      closing.consume();
      editor.save().thenAccept(saved -> {
        if (saved) {
          stage.close();
        } else {
          showEditor.run();
        }
      });
    }
  }
}
