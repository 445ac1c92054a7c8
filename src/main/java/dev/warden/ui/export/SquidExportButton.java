package dev.warden.ui.export;

import java.io.File;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;

/** The toolbar button that asks for a folder and hands it to {@link SquidExportViewModel}. FX thread. */
public final class SquidExportButton {

  private final Button button = new Button(null, new FontIcon(MaterialDesignE.EXPORT));
  private final SquidExportViewModel model;
  private final Supplier<Window> owner;

  /** @param owner the window the folder dialog belongs to, when there is one */
  public SquidExportButton(SquidExportViewModel model, Supplier<Window> owner) {
    button.setId("export-squid");
    button.setTooltip(
        new Tooltip("Export to Squid: realms and users as squid.conf and password files"));
    button.disableProperty().bind(model.busyProperty());
    this.model = model;
    this.owner = owner;
    button.setOnAction(e -> choose());
  }

  /** Asks for a folder and exports into it (nothing when the dialog is cancelled or an export runs). */
  public void choose() {
    if (model.busyProperty().get()) {
      return;
    }
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Folder for the Squid configuration");
    File folder = chooser.showDialog(owner.get());
    if (folder != null) {
      model.export(folder.toPath());
    }
  }

  public Button node() {
    return button;
  }
}
