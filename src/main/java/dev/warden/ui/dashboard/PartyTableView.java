package dev.warden.ui.dashboard;

import dev.warden.core.stats.StatsSnapshot;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * A per-user or per-client table: name, requests, failures (refused), last seen. Most recently seen
 * first until the user sorts by a column, which then stays across refreshes. The selected row stays
 * selected across refreshes, found again by its name (a user name or a client address are the
 * table's keys), wherever the new counts sort it; a row that is gone leaves nothing selected. FX
 * thread.
 */
final class PartyTableView {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final TableView<StatsSnapshot.PartyRow> table = new TableView<>();

  /**
   * What the table shows: a copy of the model's rows, so that the selected row's name can be read
   * before each refresh replaces them (replacing a table's items clears its selection).
   */
  private final ObservableList<StatsSnapshot.PartyRow> shown = FXCollections.observableArrayList();

  PartyTableView(
      String id, String nameHeader, ObservableList<StatsSnapshot.PartyRow> rows, ZoneId zone) {
    table.setId(id);
    table.getStyleClass().add("party-table");
    shown.setAll(rows);
    rows.addListener((ListChangeListener<StatsSnapshot.PartyRow>) c -> show(rows));
    SortedList<StatsSnapshot.PartyRow> sorted = new SortedList<>(shown);
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("Nobody yet"));

    TableColumn<StatsSnapshot.PartyRow, String> name = new TableColumn<>(nameHeader);
    name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
    name.setPrefWidth(110);
    name.setMinWidth(70);
    TableColumn<StatsSnapshot.PartyRow, Long> requests =
        number("Requests", StatsSnapshot.PartyRow::requests);
    TableColumn<StatsSnapshot.PartyRow, Long> failures =
        number("Failures", StatsSnapshot.PartyRow::failures);
    failures.setCellFactory(c -> new NumberCell("failure-count"));
    TableColumn<StatsSnapshot.PartyRow, Long> seen = new TableColumn<>("Last seen");
    seen.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastSeenEpochMillis()));
    seen.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(Long millis, boolean empty) {
        super.updateItem(millis, empty);
        setText(
            empty || millis == null
                ? null
                : TIME.format(Instant.ofEpochMilli(millis).atZone(zone)));
      }
    });
    seen.setPrefWidth(92);
    seen.setMinWidth(92);
    table.getColumns().setAll(List.of(name, requests, failures, seen));
    table.setTooltip(
        new Tooltip("Failures: requests whose credentials were refused. Sort by any column."));
  }

  /** Shows the refreshed rows and selects again the row of the name that was selected. */
  private void show(List<StatsSnapshot.PartyRow> rows) {
    StatsSnapshot.PartyRow selected = table.getSelectionModel().getSelectedItem();
    shown.setAll(rows);
    if (selected == null) {
      return;
    }
    List<StatsSnapshot.PartyRow> items = table.getItems();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).name().equals(selected.name())) {
        table.getSelectionModel().clearAndSelect(i);
        table.getFocusModel().focus(i);
        return;
      }
    }
  }

  private static TableColumn<StatsSnapshot.PartyRow, Long> number(
      String header, ToLongFunction<StatsSnapshot.PartyRow> value) {
    TableColumn<StatsSnapshot.PartyRow, Long> column = new TableColumn<>(header);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
    column.setCellFactory(c -> new NumberCell(null));
    column.setPrefWidth(88);
    column.setMinWidth(88);
    return column;
  }

  TableView<StatsSnapshot.PartyRow> node() {
    return table;
  }

  /** A right-aligned count with thousands separators; a failure count above zero stands out. */
  private static final class NumberCell extends TableCell<StatsSnapshot.PartyRow, Long> {
    private final String nonZeroClass;

    NumberCell(String nonZeroClass) {
      this.nonZeroClass = nonZeroClass;
      getStyleClass().add("number-cell");
    }

    @Override
    protected void updateItem(Long n, boolean empty) {
      super.updateItem(n, empty);
      setText(empty || n == null ? null : String.format(Locale.ROOT, "%,d", n));
      if (nonZeroClass != null) {
        getStyleClass().remove(nonZeroClass);
        if (!empty && n != null && n > 0) {
          getStyleClass().add(nonZeroClass);
        }
      }
    }
  }
}
