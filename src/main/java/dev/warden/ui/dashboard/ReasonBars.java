package dev.warden.ui.dashboard;

import dev.warden.core.stats.StatsSnapshot;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The top refusal reasons as horizontal bars: the reason in the traffic table's words, a bar as long
 * as its share of the most frequent one, and the count. Rebuilt only when the reasons change. FX thread.
 */
final class ReasonBars {

  private final GridPane grid = new GridPane();
  private final Label empty = new Label("No request has been refused yet.");

  ReasonBars(ObservableList<StatsSnapshot.ReasonCount> reasons) {
    grid.setId("dashboard-reasons");
    grid.getStyleClass().add("reason-bars");
    grid.setHgap(8);
    grid.setVgap(6);
    ColumnConstraints text = new ColumnConstraints();
    text.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints bar = new ColumnConstraints();
    bar.setHgrow(Priority.ALWAYS);
    bar.setMinWidth(40);
    ColumnConstraints count = new ColumnConstraints();
    count.setMinWidth(Region.USE_PREF_SIZE);
    grid.getColumnConstraints().setAll(text, bar, count);
    empty.getStyleClass().add("hint");
    reasons.addListener(
        (ListChangeListener<StatsSnapshot.ReasonCount>) c -> rebuild(List.copyOf(reasons)));
    rebuild(List.copyOf(reasons));
  }

  Node node() {
    return grid;
  }

  private void rebuild(List<StatsSnapshot.ReasonCount> reasons) {
    grid.getChildren().clear();
    if (reasons.isEmpty()) {
      grid.add(empty, 0, 0, 3, 1);
      return;
    }
    long most = reasons.get(0).count();
    int row = 0;
    for (StatsSnapshot.ReasonCount r : reasons) {
      Label name = new Label(r.reason());
      name.getStyleClass().add("reason-name");
      Region fill = new Region();
      fill.getStyleClass().add("reason-bar");
      fill.setMinHeight(12);
      fill.setMaxHeight(12);
      StackPane track = new StackPane(fill);
      track.setAlignment(Pos.CENTER_LEFT);
      double share = most == 0 ? 0 : (double) r.count() / most;
      fill.maxWidthProperty().bind(track.widthProperty().multiply(share));
      fill.prefWidthProperty().bind(track.widthProperty().multiply(share));
      fill.setMinWidth(2);
      Label count = new Label(String.format(Locale.ROOT, "%,d", r.count()));
      count.getStyleClass().add("reason-count");
      grid.addRow(row++, name, track, count);
    }
  }
}
