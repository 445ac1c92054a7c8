package dev.warden.ui;

import atlantafx.base.theme.Tweaks;
import dev.warden.core.Warden;
import dev.warden.ui.connect.ConnectWindow;
import dev.warden.ui.dashboard.DashboardViewModel;
import dev.warden.ui.dashboard.DashboardWindow;
import dev.warden.ui.export.SquidExportButton;
import dev.warden.ui.export.SquidExportViewModel;
import dev.warden.ui.feedback.Notifier;
import dev.warden.ui.fx.DaemonThread;
import dev.warden.ui.limits.LimitsDialog;
import dev.warden.ui.limits.LimitsViewModel;
import dev.warden.ui.theme.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The toolbar's last item, "More" (⋮): what a user opens now and then (the Squid export,
 * connecting a client, the dashboard, the limits dialog, the theme, About), so the toolbar keeps
 * every control in view on a
 * 1024-pixel screen.
 * FX thread; the export's disk work runs on a daemon thread of its own.
 */
final class MoreMenu {

  private final MenuButton button =
      new MenuButton(null, new FontIcon(MaterialDesignD.DOTS_VERTICAL));
  private final Warden warden;
  private final Supplier<Stage> stage;
  private final Supplier<Theme> theme;
  private final LimitsDialog limits;
  private final DashboardWindow dashboard;
  private final ConnectWindow connect;

  /** @param dark the theme switch's state, which the "Dark theme" item shows and sets */
  MoreMenu(
      Warden warden,
      Executor fx,
      Notifier notifier,
      Supplier<Stage> stage,
      Supplier<Theme> theme,
      BooleanProperty dark) {
    this.warden = warden;
    this.stage = stage;
    this.theme = theme;
    this.limits = new LimitsDialog(new LimitsViewModel(warden, fx, notifier));
    this.dashboard = new DashboardWindow(
        new DashboardViewModel(() -> warden.stats().snapshot(DashboardViewModel.WINDOW_SECONDS)));
    this.connect = ConnectWindow.onThisDesktop(fx);
    SquidExportButton squid = new SquidExportButton(
        new SquidExportViewModel(
            warden::settings, DaemonThread.named("warden-squid-export"), fx, notifier),
        stage::get);
    CheckMenuItem darkTheme =
        new CheckMenuItem("Dark theme", new FontIcon(MaterialDesignW.WEATHER_NIGHT));
    darkTheme.setId("theme-toggle");
    darkTheme.selectedProperty().bindBidirectional(dark);
    button.setId("more-menu");
    button.getStyleClass().add(Tweaks.NO_ARROW);
    button.setTooltip(
        new Tooltip(
            "More: export to Squid, connect a client, dashboard (Ctrl+D), limits and deadlines, dark theme, about Warden"));
    button
        .getItems()
        .addAll(
            item("export-squid", "Export to Squid…", MaterialDesignE.EXPORT, squid::choose),
            item(
                "open-connect",
                "Connect a client…",
                MaterialDesignL.LAN_CONNECT,
                this::openConnect),
            item("open-dashboard", "Dashboard", MaterialDesignC.CHART_LINE, this::openDashboard),
            item(
                "open-limits",
                "Limits and deadlines…",
                MaterialDesignT.TIMER_COG_OUTLINE,
                this::openLimits),
            darkTheme,
            new SeparatorMenuItem(),
            item("about", "About Warden", MaterialDesignI.INFORMATION_OUTLINE, this::showAbout));
  }

  MenuButton node() {
    return button;
  }

  /** The ids of the items, in order. */
  List<String> ids() {
    return button.getItems().stream().map(MenuItem::getId).toList();
  }

  /** Opens the "Connect a client" window (or brings it forward). */
  void openConnect() {
    connect.open(stage.get(), scene -> theme.get().apply(scene));
  }

  /** The "Connect a client" window, opened or not. */
  ConnectWindow connect() {
    return connect;
  }

  /** Opens the limits and deadlines dialog (or brings it forward). */
  void openLimits() {
    limits.open(stage.get(), scene -> theme.get().apply(scene));
  }

  /** Opens the authentication dashboard (or brings it forward). */
  void openDashboard() {
    dashboard.open(stage.get(), scene -> theme.get().apply(scene));
  }

  /** The dashboard window, opened or not. */
  DashboardWindow dashboard() {
    return dashboard;
  }

  /** The About dialog: the same text as {@code --about} (no I/O: the paths are only named). */
  void showAbout() {
    String version = dev.warden.cli.Version.of(MoreMenu.class);
    TextArea text =
        new TextArea(dev.warden.cli.About.text(version, Path.of(warden.settingsLocation())));
    text.setId("about-text");
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefColumnCount(64);
    text.setPrefRowCount(9);
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.initOwner(stage.get());
    alert.setTitle("About Warden");
    alert.setHeaderText("Warden " + version);
    alert.getDialogPane().setContent(text);
    theme.get().apply(alert.getDialogPane().getScene());
    alert.show();
  }

  private static MenuItem item(String id, String text, Ikon icon, Runnable action) {
    MenuItem item = new MenuItem(text, new FontIcon(icon));
    item.setId(id);
    item.setOnAction(e -> action.run());
    return item;
  }
}
