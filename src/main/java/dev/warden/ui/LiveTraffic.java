package dev.warden.ui;

import dev.warden.core.traffic.TrafficLog;
import dev.warden.ui.fx.TrafficFeed;
import dev.warden.ui.traffic.TrafficView;
import dev.warden.ui.traffic.TrafficViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * The traffic log flowing into the live table: the feed that batches it onto the FX thread (held
 * while the table is paused, counting what waits), and the once-a-second sample of the request
 * rate and of what the log dropped. FX thread only.
 */
final class LiveTraffic {

  private final TrafficFeed feed;
  private final Timeline rateTimer;

  LiveTraffic(TrafficLog log, TrafficViewModel model, TrafficView view) {
    feed = new TrafficFeed(
        log,
        Platform::runLater,
        TrafficFeed.DEFAULT_MAX_BATCH,
        TrafficFeed.DEFAULT_MIN_INTERVAL,
        view::append);
    feed.onWaiting(model.waitingProperty()::set);
    model.pausedProperty().addListener((o, a, paused) -> feed.setPaused(paused));
    rateTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
      model.sampleRate(System.nanoTime(), log.totalRecorded());
      model.sampleDropped(log.dropped());
    }));
    rateTimer.setCycleCount(Timeline.INDEFINITE);
  }

  /** Delivers what the log holds and what it records from now on, and samples the rate. */
  void start() {
    feed.start();
    rateTimer.play();
  }

  /** Stops delivering and sampling. */
  void stop() {
    feed.close();
    rateTimer.stop();
  }
}
