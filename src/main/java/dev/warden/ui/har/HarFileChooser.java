package dev.warden.ui.har;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The platform's file dialogs, offering {@code .har} files. FX thread. */
public final class HarFileChooser implements FilePicker {

  private final Supplier<Window> owner;

  public HarFileChooser(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public Optional<Path> save(String title, String suggestedName) {
    FileChooser chooser = chooser(title);
    chooser.setInitialFileName(suggestedName);
    return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
  }

  @Override
  public Optional<Path> open(String title) {
    return Optional.ofNullable(chooser(title).showOpenDialog(owner.get())).map(File::toPath);
  }

  private static FileChooser chooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("HAR files", "*.har", "*.json"),
            new FileChooser.ExtensionFilter("All files", "*"));
    return chooser;
  }
}
