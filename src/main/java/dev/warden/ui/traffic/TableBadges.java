package dev.warden.ui.traffic;

import dev.warden.core.traffic.Exchange;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The buttons over the table's lower right corner, each shown only while it has something to say:
 * "Sorted by Status ↑ — arrival order" (puts the rows back in arrival order), "Paused — N waiting"
 * (resumes), "N new — jump to latest". FX thread.
 */
final class TableBadges {

  private final StackPane root;
  private final Button sorted = new Button();
  private final Button paused = new Button();
  private final Button jump = new Button();

  TableBadges(
      TableView<Exchange> table,
      TrafficViewModel model,
      LongProperty unseen,
      Runnable jumpToLatest) {
    sorted.setId("arrival-order");
    sorted.getStyleClass().add("table-badge");
    sorted.setGraphic(new FontIcon(MaterialDesignS.SORT));
    sorted.setTooltip(
        new Tooltip("The rows are sorted by a column: click to show them in arrival order again "
            + "(Ctrl+Shift+A)"));
    sorted.visibleProperty().bind(Bindings.isNotEmpty(table.getSortOrder()));
    sorted
        .textProperty()
        .bind(Bindings.createStringBinding(() -> sortText(table), table.comparatorProperty()));
    sorted.setOnAction(e -> table.getSortOrder().clear());

    paused.setId("paused-badge");
    paused.getStyleClass().addAll("table-badge", "accent");
    paused.setGraphic(new FontIcon(MaterialDesignP.PLAY));
    paused.setTooltip(new Tooltip("Capture is paused: the proxy keeps answering and recording; "
        + "the table shows what waits when capture resumes. Click to resume (Ctrl+P)"));
    paused.visibleProperty().bind(model.pausedProperty());
    paused
        .textProperty()
        .bind(Bindings.createStringBinding(
            () -> String.format(
                Locale.ROOT, "Paused — %,d waiting", model.waitingProperty().get()),
            model.waitingProperty()));
    paused.setOnAction(e -> model.pausedProperty().set(false));

    jump.setId("jump-to-latest");
    jump.getStyleClass().addAll("jump-to-latest", "accent");
    jump.setTooltip(new Tooltip(
        "Show the newest exchange and follow new ones again (clears the selection, Ctrl+J)"));
    jump.textProperty().bind(unseen.asString("%,d new — jump to latest"));
    jump.visibleProperty().bind(unseen.greaterThan(0).and(model.pausedProperty().not()));
    jump.setOnAction(e -> jumpToLatest.run());

    HBox badges = new HBox(8);
    for (Button b : new Button[] {sorted, paused, jump}) {
      b.managedProperty().bind(b.visibleProperty());
      badges.getChildren().add(b);
    }
    badges.setAlignment(Pos.BOTTOM_RIGHT);
    badges.setPickOnBounds(false);
    badges.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
    StackPane.setAlignment(badges, Pos.BOTTOM_RIGHT);
    StackPane.setMargin(badges, new Insets(0, 24, 24, 0));
    root = new StackPane(table, badges);
  }

  /** "Sorted by Status ↑, Host ↓", or empty in arrival order. */
  static String sortText(TableView<Exchange> table) {
    if (table.getSortOrder().isEmpty()) {
      return "";
    }
    return "Sorted by "
        + table.getSortOrder().stream()
            .map(c ->
                c.getText() + (c.getSortType() == TableColumn.SortType.ASCENDING ? " ↑" : " ↓"))
            .collect(Collectors.joining(", "))
        + " — arrival order";
  }

  Node node() {
    return root;
  }
}
