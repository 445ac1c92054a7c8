package dev.warden.ui;

import dev.warden.cli.Version;
import dev.warden.core.Warden;
import dev.warden.core.har.HarCapture;
import dev.warden.ui.feedback.NotificationView;
import dev.warden.ui.fx.DaemonThread;
import dev.warden.ui.har.CaptureWindow;
import dev.warden.ui.har.HarFileChooser;
import dev.warden.ui.har.HarFilesViewModel;
import dev.warden.ui.har.HarMenu;
import dev.warden.ui.theme.Theme;
import dev.warden.ui.traffic.TrafficViewModel;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;

/**
 * The main window's "HAR" menu, and the read-only capture windows it opens. Its files are read and
 * written on a daemon thread of its own. FX thread only.
 */
final class HarCaptures {

  private final HarMenu menu;
  private final Supplier<Stage> stage;
  private final Supplier<String> proxyAddress;
  private final Supplier<Theme> theme;
  private CaptureWindow lastCapture;

  HarCaptures(
      Warden warden,
      TrafficViewModel traffic,
      Executor fx,
      NotificationView notifications,
      Supplier<Stage> stage,
      Supplier<String> proxyAddress,
      Supplier<Theme> theme) {
    this.stage = stage;
    this.proxyAddress = proxyAddress;
    this.theme = theme;
    HarFilesViewModel model = new HarFilesViewModel(
        traffic,
        Version.of(WardenWindow.class),
        exchange -> warden.conversations().ofExchange(exchange.id()).map(c -> "c" + c.id()),
        DaemonThread.named("warden-har-files"),
        fx,
        notifications,
        this::show);
    menu = new HarMenu(model, stage::get, new HarFileChooser(stage::get));
  }

  /** Puts the menu right after the realms button, or last if the toolbar has none. */
  void addTo(ToolBar toolbar) {
    var items = toolbar.getItems();
    int realms = items.indexOf(
        items.stream().filter(n -> "open-editor".equals(n.getId())).findFirst().orElse(null));
    items.add(realms < 0 ? items.size() : realms + 1, menu.node());
  }

  HarMenu menu() {
    return menu;
  }

  /** The capture window opened last from a HAR file, or null. */
  CaptureWindow lastCapture() {
    return lastCapture;
  }

  private void show(Path file, HarCapture capture) {
    lastCapture =
        new CaptureWindow(file, capture, stage.get(), proxyAddress::get, theme.get()::apply);
    lastCapture.show();
  }
}
