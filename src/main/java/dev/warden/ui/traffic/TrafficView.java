package dev.warden.ui.traffic;

import dev.warden.core.replay.CurlCommand;
import dev.warden.core.replay.JavaProxyFlags;
import dev.warden.core.replay.ProxyEnvironment;
import dev.warden.core.traffic.Exchange;
import dev.warden.ui.traffic.ExchangeFacts.RowKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The live traffic table: virtualised, sortable, rows coloured by kind (407, error, authenticated),
 * following new rows at the bottom unless the user has scrolled up. FX thread only.
 */
public final class TrafficView {

  private static final Map<RowKind, PseudoClass> ROW_CLASSES = Map.of(
      RowKind.CHALLENGED, PseudoClass.getPseudoClass("challenged"),
      RowKind.ERROR, PseudoClass.getPseudoClass("error"),
      RowKind.AUTHENTICATED, PseudoClass.getPseudoClass("authenticated"),
      RowKind.OPEN, PseudoClass.getPseudoClass("open"));

  /** A row a fault knob shaped, so CSS can mark it. */
  private static final PseudoClass FAULTED = PseudoClass.getPseudoClass("faulted");

  private final TrafficViewModel model;
  private final TableView<Exchange> table = new TableView<>();
  private final Supplier<String> proxyAddress;

  /**
   * @param proxyAddress the address clients use, for "Copy as curl"
   * @param placeholder shown while nothing has been recorded (the first-run hint); while filters hide
   *     every row, "No exchanges match" shows instead
   */
  /** Shown while the conversation mode is on, whatever the column chooser said last. */
  private static final String CONVERSATION = "conversation";

  private final javafx.beans.property.LongProperty unseen =
      new javafx.beans.property.SimpleLongProperty();
  private Node root;

  public TrafficView(TrafficViewModel model, Supplier<String> proxyAddress, Node placeholder) {
    this.model = model;
    this.proxyAddress = proxyAddress;
    table.setId("traffic-table");
    table.getStyleClass().add("traffic-table");
    table.getStylesheets().add(TrafficView.class.getResource("traffic.css").toExternalForm());
    table.setPlaceholder(NoMatchPlaceholder.around(placeholder, model));
    table.setItems(model.visibleRows());
    model.visibleRows().comparatorProperty().bind(table.comparatorProperty());
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, b) -> model.selectedProperty().set(b));
    model.selectedProperty().addListener((o, a, b) -> {
      if (b == null) {
        table.getSelectionModel().clearSelection();
      }
    });
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    // the column chooser: the "+" at the header's right end lists every column with a check box
    table.setTableMenuButtonVisible(true);
    table.setRowFactory(t -> new KindRow());
    table.setContextMenu(contextMenu());

    for (TableColumn<Exchange, ?> column : TrafficColumns.all(model)) {
      table.getColumns().add(column);
    }
    TableColumn<Exchange, ?> conversation = table.getColumns().stream()
        .filter(c -> CONVERSATION.equals(c.getId()))
        .findFirst()
        .orElseThrow();
    conversation.setVisible(model.conversationModeProperty().get().on());
    model
        .conversationModeProperty()
        .addListener((o, a, mode) -> conversation.setVisible(mode.on()));
  }

  /** The table itself (inside {@link #node()}), for windows that name or style it. */
  public TableView<Exchange> table() {
    return table;
  }

  /** The table's right-click menu, for commands other views add. */
  public ContextMenu rowMenu() {
    return table.getContextMenu();
  }

  /** The table with its badges (sorted, paused, "N new — jump to latest") over its lower right corner. */
  public Node node() {
    if (root == null) {
      root = new TableBadges(table, model, unseen, this::jumpToLatest).node();
    }
    return root;
  }

  /** Shows the rows in arrival order again: clears the table's sort order. */
  public void arrivalOrder() {
    table.getSortOrder().clear();
  }

  /** The ids of the columns the user hid with the column chooser, for the UI state file. */
  public java.util.List<String> hiddenColumns() {
    return table.getColumns().stream()
        .filter(c -> !c.isVisible() && !CONVERSATION.equals(c.getId()))
        .map(TableColumn::getId)
        .toList();
  }

  /** Hides the columns with these ids (unknown ids are ignored); shows the others. */
  public void hideColumns(java.util.Collection<String> ids) {
    table.getColumns().stream()
        .filter(c -> !CONVERSATION.equals(c.getId()))
        .forEach(c -> c.setVisible(!ids.contains(c.getId())));
  }

  /**
   * Appends a batch from the traffic feed and keeps the view where the user wants it: following
   * new rows while in arrival order, scrolled to the bottom and nothing selected; otherwise still,
   * counting what arrived for the jump button.
   */
  public void append(dev.warden.core.traffic.TrafficLog.Batch batch) {
    boolean follow = isFollowing();
    model.append(batch);
    if (follow) {
      followNewRows();
      unseen.set(0);
    } else {
      unseen.set(unseen.get() + batch.exchanges().size());
    }
  }

  /** Clears the selection, scrolls to the newest row and follows again. */
  public void jumpToLatest() {
    table.getSelectionModel().clearSelection();
    table.getSortOrder().clear();
    followNewRows();
    unseen.set(0);
  }

  /**
   * Whether new rows should be followed: the table is in arrival order, no row is selected (a
   * selected row stays in view) and the user has not scrolled up. Ask before appending, scroll with {@link #followNewRows()} after.
   */
  public boolean isFollowing() {
    if (!table.getSortOrder().isEmpty() || table.getSelectionModel().getSelectedItem() != null) {
      return false;
    }
    ScrollBar bar = verticalBar();
    return bar == null || !bar.isVisible() || bar.getValue() >= bar.getMax() - 1e-3;
  }

  public void followNewRows() {
    int size = table.getItems().size();
    if (size > 0) {
      table.scrollTo(size - 1);
    }
  }

  /** Column widths by column id, for the UI state file. */
  public Map<String, Double> columnWidths() {
    Map<String, Double> widths = new LinkedHashMap<>();
    table.getColumns().forEach(c -> widths.put(c.getId(), c.getWidth()));
    return widths;
  }

  public void applyColumnWidths(Map<String, Double> widths) {
    table.getColumns().forEach(c -> {
      Double w = widths.get(c.getId());
      if (w != null && w > 10) {
        c.setPrefWidth(w);
      }
    });
  }

  private ScrollBar verticalBar() {
    for (Node n : table.lookupAll(".scroll-bar")) {
      if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
        return bar;
      }
    }
    return null;
  }

  private ContextMenu contextMenu() {
    MenuItem curl = new MenuItem("Copy as curl", new FontIcon(MaterialDesignC.CONTENT_COPY));
    curl.setId("copy-as-curl");
    curl.setOnAction(e -> copySelected(x -> CurlCommand.of(x, proxyAddress.get())));
    MenuItem env = new MenuItem("Copy as http_proxy lines");
    env.setId("copy-as-env");
    env.setOnAction(e -> copySelected(x -> ProxyEnvironment.of(x, proxyAddress.get())));
    MenuItem java = new MenuItem("Copy as Java -D flags");
    java.setId("copy-as-java");
    java.setOnAction(e -> copySelected(x -> JavaProxyFlags.of(x, proxyAddress.get())));
    MenuItem url = new MenuItem("Copy URL", new FontIcon(MaterialDesignL.LINK_VARIANT));
    url.setOnAction(e -> copySelected(Exchange::url));
    ContextMenu menu = new ContextMenu(curl, env, java, url);
    menu.setOnShowing(
        e -> menu.getItems().forEach(i -> i.setDisable(model.selectedProperty().get() == null)));
    return menu;
  }

  /** Copies text made from the selected row; does nothing without a selection. */
  public void copySelected(Function<Exchange, String> text) {
    Exchange selected = model.selectedProperty().get();
    if (selected != null) {
      ClipboardContent content = new ClipboardContent();
      content.putString(text.apply(selected));
      Clipboard.getSystemClipboard().setContent(content);
    }
  }

  /** Sets one pseudo-class per row kind, so CSS colours 407s, errors and authenticated rows. */
  private static final class KindRow extends TableRow<Exchange> {
    @Override
    protected void updateItem(Exchange item, boolean empty) {
      super.updateItem(item, empty);
      RowKind kind = empty || item == null ? null : ExchangeFacts.kind(item);
      ROW_CLASSES.forEach((k, pc) -> pseudoClassStateChanged(pc, k == kind));
      pseudoClassStateChanged(FAULTED, !empty && item != null && item.isFaulted());
    }
  }
}
