package dev.warden.ui.dashboard;

import dev.warden.core.stats.StatsSnapshot;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The dashboard's layout: the last minute as a line chart (challenged, authenticated, refused per
 * second) beside the top refusal reasons, and below them the per-user and per-client tables, with
 * the totals since Warden started on top. Charts are not animated: a point only changes its value
 * once a second. Fits a 1024x700 screen. FX thread.
 */
public final class DashboardView {

  private final BorderPane root = new BorderPane();
  private final LineChart<Number, Number> chart;
  private final PartyTableView users;
  private final PartyTableView clients;

  public DashboardView(DashboardViewModel model, ZoneId zone) {
    NumberAxis x = new NumberAxis("seconds ago", -DashboardViewModel.WINDOW_SECONDS, 0, 10);
    x.setAutoRanging(false);
    x.setMinorTickVisible(false);
    x.setTickLabelFormatter(whole());
    NumberAxis y = new NumberAxis();
    y.setLabel("requests per second");
    y.setForceZeroInRange(true);
    y.setMinorTickVisible(false);
    y.setTickLabelFormatter(whole());
    x.setAnimated(false);
    y.setAnimated(false);
    chart = new LineChart<>(x, y);
    chart.setId("dashboard-chart");
    chart.setAnimated(false);
    chart.setCreateSymbols(false);
    chart.setLegendVisible(true);
    chart.getData().setAll(model.series());
    chart.setMinSize(300, 200);

    ReasonBars reasons = new ReasonBars(model.reasons());
    ScrollPane reasonScroll = new ScrollPane(reasons.node());
    reasonScroll.setFitToWidth(true);
    reasonScroll.getStyleClass().add("edge-to-edge");
    VBox reasonBox = titled("Top refusal reasons", null, reasonScroll);
    VBox.setVgrow(reasonScroll, Priority.ALWAYS);

    users = new PartyTableView("dashboard-users", "User", model.users(), zone);
    clients = new PartyTableView("dashboard-clients", "Client", model.clients(), zone);
    Label usersNote = note("dashboard-users-note");
    usersNote.textProperty().bind(model.usersNoteProperty());
    Label clientsNote = note("dashboard-clients-note");
    clientsNote.textProperty().bind(model.clientsNoteProperty());
    VBox userBox = titled("Per user", usersNote, users.node());
    VBox clientBox = titled("Per client", clientsNote, clients.node());
    VBox.setVgrow(users.node(), Priority.ALWAYS);
    VBox.setVgrow(clients.node(), Priority.ALWAYS);

    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(12);
    ColumnConstraints left = new ColumnConstraints();
    left.setPercentWidth(58);
    left.setHgrow(Priority.ALWAYS);
    ColumnConstraints right = new ColumnConstraints();
    right.setPercentWidth(42);
    right.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().setAll(left, right);
    RowConstraints top = new RowConstraints();
    top.setPercentHeight(52);
    top.setVgrow(Priority.ALWAYS);
    RowConstraints bottom = new RowConstraints();
    bottom.setPercentHeight(48);
    bottom.setVgrow(Priority.ALWAYS);
    grid.getRowConstraints().setAll(top, bottom);
    grid.add(chart, 0, 0);
    grid.add(reasonBox, 1, 0);
    grid.add(userBox, 0, 1);
    grid.add(clientBox, 1, 1);

    Label title =
        new Label("Authentication, last " + DashboardViewModel.WINDOW_SECONDS + " seconds");
    title.getStyleClass().add("title-4");
    Label totals = new Label();
    totals.setId("dashboard-totals");
    totals.getStyleClass().add("hint");
    totals.textProperty().bind(model.totalsProperty());
    VBox head = new VBox(2, title, totals);
    head.setPadding(new Insets(0, 0, 8, 0));

    root.setId("dashboard-root");
    root.getStylesheets().add(DashboardView.class.getResource("dashboard.css").toExternalForm());
    root.setPadding(new Insets(12));
    root.setTop(head);
    root.setCenter(grid);
  }

  private static Label note(String id) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().add("hint");
    label.setWrapText(true);
    return label;
  }

  private static VBox titled(String text, Label note, Node content) {
    Label title = new Label(text);
    title.getStyleClass().add("section-title");
    VBox box = note == null ? new VBox(6, title, content) : new VBox(4, title, note, content);
    box.setMinSize(0, 0);
    return box;
  }

  /** Axis labels as whole numbers: there is no such thing as half a request. */
  private static StringConverter<Number> whole() {
    return new StringConverter<>() {
      @Override
      public String toString(Number n) {
        return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : "";
      }

      @Override
      public Number fromString(String s) {
        return Long.parseLong(s);
      }
    };
  }

  public Parent node() {
    return root;
  }

  public LineChart<Number, Number> chart() {
    return chart;
  }

  public TableView<StatsSnapshot.PartyRow> usersTable() {
    return users.node();
  }
}
