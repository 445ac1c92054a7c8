package dev.warden.ui.dashboard;

import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The dashboard in a window of its own, opened from the toolbar's "More" menu. While it shows, a
 * {@link Timeline} refreshes it from a snapshot once a second on the FX thread; hidden, it costs
 * nothing. FX thread.
 */
public final class DashboardWindow {

  /** How often the dashboard reads the counts: the chart's resolution is one second anyway. */
  public static final Duration REFRESH = Duration.seconds(1);

  private final DashboardViewModel model;
  private final Timeline poll;
  private Stage stage;
  private DashboardView view;

  public DashboardWindow(DashboardViewModel model) {
    this.model = model;
    this.poll = new Timeline(new KeyFrame(REFRESH, e -> model.refresh()));
    poll.setCycleCount(Timeline.INDEFINITE);
  }

  /** Opens the window (or brings it forward), styled by {@code styling}, and starts the polling. */
  public void open(Window owner, Consumer<Scene> styling) {
    if (stage == null) {
      view = new DashboardView(model, ZoneId.systemDefault());
      stage = new Stage();
      stage.initOwner(owner);
      stage.setTitle("Warden — Dashboard");
      Scene scene = new Scene(view.node(), 1000, 660);
      scene.setOnKeyPressed(e -> {
        if (e.getCode() == KeyCode.ESCAPE) {
          stage.close();
        }
      });
      stage.setScene(scene);
      stage.setOnShown(e -> poll.play());
      stage.setOnHidden(e -> poll.stop());
      if (owner instanceof Stage o) {
        stage.getIcons().setAll(o.getIcons());
      }
    }
    styling.accept(stage.getScene());
    model.refresh();
    stage.show();
    stage.toFront();
  }

  /** Restyles the window if it was ever opened (a theme switch). */
  public void restyle(Consumer<Scene> styling) {
    if (stage != null) {
      styling.accept(stage.getScene());
    }
  }

  /** Closes the window and stops the polling. */
  public void close() {
    poll.stop();
    if (stage != null) {
      stage.close();
    }
  }

  /** Whether the once-a-second refresh runs: only while the window shows. */
  public boolean polling() {
    return poll.getStatus() == javafx.animation.Animation.Status.RUNNING;
  }

  /** The window, or null before the first {@link #open}; for tests and screenshots. */
  public Stage stage() {
    return stage;
  }

  /** The view, or null before the first {@link #open}; for tests. */
  public DashboardView view() {
    return view;
  }
}
