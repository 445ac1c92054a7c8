package dev.warden.ui.har;

import dev.warden.core.har.HarCapture;
import dev.warden.core.traffic.TrafficLog;
import dev.warden.ui.details.DetailsView;
import dev.warden.ui.details.DetailsViewModel;
import dev.warden.ui.traffic.FilterBarView;
import dev.warden.ui.traffic.TrafficView;
import dev.warden.ui.traffic.TrafficViewModel;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A capture opened from a HAR file, in a window of its own: the same table, filters and details as
 * the live window, over rows nothing adds to or removes, and no command that sends anything. FX
 * thread.
 */
public final class CaptureWindow {

  private final Stage stage = new Stage();
  private final TrafficViewModel model;

  /**
   * @param proxyAddress the live proxy's address, for "Copy as curl"
   * @param theme applies the window's theme to a scene
   */
  public CaptureWindow(
      Path file,
      HarCapture capture,
      Window owner,
      Supplier<String> proxyAddress,
      Consumer<Scene> theme) {
    model = new TrafficViewModel(Math.max(1, capture.exchanges().size()));
    model.append(new TrafficLog.Batch(capture.exchanges(), capture.exchanges().size(), 0));
    DetailsViewModel details = new DetailsViewModel();
    details.exchangeProperty().bind(model.selectedProperty());
    TrafficView table =
        new TrafficView(model, proxyAddress, new Label("This file holds no exchanges"));
    table.table().setId("capture-table");
    SplitPane split = new SplitPane(table.node(), new DetailsView(details).node());
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.6);
    Label banner = new Label(banner(file, capture));
    banner.setId("capture-banner");
    banner.setWrapText(true);
    banner.setPadding(new Insets(6, 10, 6, 10));
    BorderPane root = new BorderPane(split);
    root.setId("capture-root");
    root.setTop(new VBox(banner, new FilterBarView(model).node()));
    Scene scene = new Scene(root, 1000, 640);
    theme.accept(scene);
    stage.setScene(scene);
    stage.initOwner(owner);
    stage.setTitle("Warden — " + file.getFileName() + " (read-only)");
  }

  static String banner(Path file, HarCapture capture) {
    int n = capture.exchanges().size();
    StringBuilder text = new StringBuilder("Read-only capture " + file.getFileName() + ": " + n
        + (n == 1 ? " exchange" : " exchanges") + " from " + capture.source());
    if (!capture.fromWarden()) {
      text.append("; not judged by Warden, credentials masked");
    }
    if (capture.skipped() > 0) {
      text.append("; ").append(capture.skipped()).append(" entries could not be read");
    }
    if (capture.missed() > 0) {
      text.append("; ")
          .append(capture.missed())
          .append(" exchanges were dropped before the file was written");
    }
    return text.toString();
  }

  public void show() {
    stage.show();
    stage.toFront();
  }

  public Stage stage() {
    return stage;
  }

  public TrafficViewModel model() {
    return model;
  }
}
