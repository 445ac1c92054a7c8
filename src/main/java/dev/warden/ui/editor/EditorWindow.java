package dev.warden.ui.editor;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The realms and users editor's own, non-modal window, made on first use. Esc puts it away with its
 * edits kept (a field, list or popup that uses Esc itself consumes it first). FX thread.
 */
public final class EditorWindow {

  private final EditorViewModel model;
  private final Supplier<Stage> owner;
  private final Consumer<Scene> styling;
  private Stage stage;

  /**
   * @param owner the main window, whose icons the editor shares
   * @param styling applies the theme in force to a scene
   */
  public EditorWindow(EditorViewModel model, Supplier<Stage> owner, Consumer<Scene> styling) {
    this.model = model;
    this.owner = owner;
    this.styling = styling;
  }

  /** Shows the editor (or brings it forward); loads {@code settings} unless edits are unapplied. */
  public void open(dev.warden.core.settings.Settings settings) {
    if (stage == null) {
      stage = new Stage();
      stage.initOwner(owner.get());
      stage.setTitle("Warden — Realms and users");
      Scene scene = new Scene((Parent) new EditorView(model).node(), 900, 760);
      scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
        if (e.getCode() == KeyCode.ESCAPE) {
          stage.hide();
          e.consume();
        }
      });
      styling.accept(scene);
      stage.setScene(scene);
      stage.getIcons().setAll(owner.get().getIcons());
    }
    if (!model.dirtyProperty().get()) {
      model.load(settings);
    }
    stage.show();
    stage.toFront();
  }

  /** Applies the theme again (after the user switched it). */
  public void restyle() {
    if (stage != null) {
      styling.accept(stage.getScene());
    }
  }

  public void close() {
    if (stage != null) {
      stage.close();
    }
  }

  /** The editor's stage, or null before it was first opened. */
  public Stage stage() {
    return stage;
  }
}
