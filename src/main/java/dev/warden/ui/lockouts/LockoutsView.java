package dev.warden.ui.lockouts;

import dev.warden.core.auth.Lockout;
import dev.warden.core.auth.LockoutKey;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The status bar's lockout count, and the list it opens: each locked client or user, its realm, the
 * failures that locked it, when it ends, and a button that releases it. FX thread.
 */
public final class LockoutsView {

  private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

  private final LockoutsViewModel model;
  private final Button button = new Button();
  private PopOver popOver;

  public LockoutsView(LockoutsViewModel model) {
    this.model = model;
    button.setId("lockouts-button");
    button.getStyleClass().addAll("status-count", "lockouts-button");
    button.setGraphic(new FontIcon(MaterialDesignL.LOCK));
    button
        .textProperty()
        .bind(Bindings.createStringBinding(
            () -> model.countProperty().get() + " locked out", model.countProperty()));
    button.setTooltip(new javafx.scene.control.Tooltip(
        "Clients and users locked out after repeated failures; click to see and release them"));
    model
        .countProperty()
        .addListener((o, a, n) -> button.pseudoClassStateChanged(ACTIVE, n.intValue() > 0));
    button.pseudoClassStateChanged(ACTIVE, model.countProperty().get() > 0);
    button.setOnAction(e -> toggle());
  }

  /** The status bar item. */
  public Button node() {
    return button;
  }

  private void toggle() {
    if (popOver == null) {
      popOver = new PopOver(content());
      popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
      popOver.setTitle("Locked out");
      popOver.setHeaderAlwaysVisible(true);
      popOver.setDetachable(false);
    }
    if (popOver.isShowing()) {
      popOver.hide();
    } else {
      popOver.show(button);
    }
  }

  private VBox content() {
    TableView<Lockout> table = new TableView<>(model.lockouts());
    table.setId("lockouts-table");
    table.setPlaceholder(new Label("No client or user is locked out."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPrefSize(560, 220);
    table
        .getColumns()
        .add(column(
            "Locked out",
            170,
            l -> (l.kind() == LockoutKey.Kind.CLIENT ? "client " : "user ") + l.key()));
    table.getColumns().add(column("Realm", 110, Lockout::realm));
    table.getColumns().add(column("Failures", 70, l -> Integer.toString(l.failures())));
    table.getColumns().add(column("Until", 80, l -> UNTIL.format(l.until())));
    TableColumn<Lockout, Lockout> release = new TableColumn<>("");
    release.setPrefWidth(90);
    release.setSortable(false);
    release.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    release.setCellFactory(c -> new ReleaseCell());
    table.getColumns().add(release);

    Label explain = new Label(
        "Each is answered \"locked out\" without a password check until it ends or is released.");
    explain.setWrapText(true);
    explain.getStyleClass().add("lockouts-explain");
    Button all = new Button("Release all");
    all.setId("release-all");
    all.disableProperty().bind(model.countProperty().isEqualTo(0));
    all.setOnAction(e -> model.releaseAll());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label started = new Label();
    started
        .textProperty()
        .bind(Bindings.createStringBinding(
            () -> model.startedProperty().get() + " started since the window opened",
            model.startedProperty()));
    HBox bottom = new HBox(8, started, spacer, all);
    bottom.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(8, explain, table, bottom);
    box.setPadding(new Insets(10));
    box.setPrefWidth(580);
    return box;
  }

  private static TableColumn<Lockout, String> column(
      String title, double width, java.util.function.Function<Lockout, String> text) {
    TableColumn<Lockout, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
    return column;
  }

  private final class ReleaseCell extends TableCell<Lockout, Lockout> {
    private final Button release = new Button("Release");

    ReleaseCell() {
      release.getStyleClass().add("release-lockout");
      release.setOnAction(e -> {
        if (getItem() != null) {
          model.release(getItem());
        }
      });
    }

    @Override
    protected void updateItem(Lockout item, boolean empty) {
      super.updateItem(item, empty);
      setGraphic(empty || item == null ? null : release);
    }
  }
}
