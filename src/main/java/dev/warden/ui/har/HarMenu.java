package dev.warden.ui.har;

import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** The toolbar's "HAR" menu: export, open read-only, save and open a session. FX thread. */
public final class HarMenu {

  private final MenuButton button =
      new MenuButton(null, new FontIcon(MaterialDesignF.FILE_DOWNLOAD_OUTLINE));
  private final HarFilesViewModel model;
  private final Supplier<Window> owner;
  private FilePicker picker;

  public HarMenu(HarFilesViewModel model, Supplier<Window> owner, FilePicker picker) {
    this.model = model;
    this.owner = owner;
    this.picker = picker;
    button.setId("har-menu");
    button.getStyleClass().add(atlantafx.base.theme.Tweaks.NO_ARROW);
    button.setTooltip(
        new Tooltip("HAR: export exchanges, open a HAR capture read-only, save or open a session"));
    button.disableProperty().bind(model.busyProperty());
    button
        .getItems()
        .addAll(
            item("har-export", "Export as HAR…", this::export),
            item(
                "har-open",
                "Open HAR (read-only)…",
                () -> this.picker.open("Open a HAR capture").ifPresent(model::open)),
            new SeparatorMenuItem(),
            item(
                "session-save",
                "Save session…",
                () -> this.picker
                    .save("Save the session", "warden-session.har")
                    .ifPresent(model::saveSession)),
            item(
                "session-open",
                "Open session…",
                () -> this.picker.open("Open a session").ifPresent(model::open)));
  }

  /** Asks scope and credentials, then the file, then exports. FX thread. */
  public void export() {
    boolean selection = !model.exchanges(HarScope.SELECTED).isEmpty();
    new HarExportDialog(
            owner.get(),
            selection,
            model.exchanges(HarScope.FILTERED).size(),
            model.exchanges(HarScope.ALL).size())
        .ask()
        .ifPresent(choice -> picker
            .save("Export as HAR", "warden.har")
            .ifPresent(file -> model.export(choice.scope(), choice.keepCredentials(), file)));
  }

  /** Replaces the file dialogs (tests answer without a native dialog). */
  public void usePicker(FilePicker replacement) {
    picker = replacement;
  }

  private static MenuItem item(String id, String text, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setId(id);
    item.setOnAction(e -> action.run());
    return item;
  }

  public MenuButton node() {
    return button;
  }
}
