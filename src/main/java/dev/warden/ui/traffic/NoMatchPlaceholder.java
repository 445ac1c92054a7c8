package dev.warden.ui.traffic;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * What an empty traffic table shows: the first-run hint while nothing has been recorded, and
 * "No exchanges match" with a button that clears the filters while filters hide every row. FX thread.
 */
final class NoMatchPlaceholder {

  private NoMatchPlaceholder() {}

  static Node around(Node firstRun, TrafficViewModel model) {
    Label text = new Label("No exchanges match");
    text.setId("no-match");
    text.getStyleClass().add("no-match-text");
    Button clear = new Button("Clear filters", new FontIcon(MaterialDesignF.FILTER_REMOVE_OUTLINE));
    clear.setId("clear-filters");
    clear.setOnAction(e -> model.resetFilters());
    VBox noMatch = new VBox(10, text, clear);
    noMatch.setAlignment(Pos.CENTER);
    BooleanBinding hiddenByFilters =
        model.filteringProperty().and(Bindings.isNotEmpty(model.rows()));
    noMatch.visibleProperty().bind(hiddenByFilters);
    firstRun.visibleProperty().bind(hiddenByFilters.not());
    return new StackPane(firstRun, noMatch);
  }
}
