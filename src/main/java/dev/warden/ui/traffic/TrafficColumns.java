package dev.warden.ui.traffic;

import dev.warden.core.traffic.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The traffic table's columns: what each shows and how its cells look. A cell whose text the column
 * clips ("/very/long/pa…") shows the whole text as its tooltip. The Status cell is coloured by the
 * HTTP result alone and the Auth cell by the auth outcome alone, so an origin's 404 to an
 * authenticated request reads as a 404, not as "authenticated green". FX thread.
 */
final class TrafficColumns {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  /** The Status cell's pseudo-class per hundred (1xx..5xx). */
  private static final Map<Integer, PseudoClass> HTTP_CLASSES = Map.of(
      1, PseudoClass.getPseudoClass("informational"),
      2, PseudoClass.getPseudoClass("success"),
      3, PseudoClass.getPseudoClass("redirect"),
      4, PseudoClass.getPseudoClass("client-error"),
      5, PseudoClass.getPseudoClass("server-error"));

  /** Wide enough for six digits (exchange #999999) in the default font, with the cell's padding. */
  static final double ID_WIDTH = 80;

  private TrafficColumns() {}

  /**
   * Every column in display order. The Conversation column (shown in conversation mode only) comes
   * right after Status and Auth: its verdict is what that mode is for, so it stays in view on a
   * 1024-pixel screen with the details pane open.
   */
  static List<TableColumn<Exchange, ?>> all(TrafficViewModel model) {
    // Status and Auth right after the method (as Fiddler, Charles and HTTP Toolkit put the result
    // early): they stay in view on a 1024-pixel screen with the details pane open.
    return List.of(
        column("id", "#", ID_WIDTH, Exchange::id, Object::toString),
        column("time", "Time", 112, Exchange::started, t -> TIME.format((Instant) t)),
        column("method", "Method", 82, Exchange::method, Object::toString),
        statusColumn(),
        authColumn(),
        column("conversation", "Conversation", 360, model::conversationSentence, Object::toString),
        column("host", "Host", 150, Exchange::host, Object::toString),
        column("path", "Path", 160, Exchange::path, Object::toString),
        column("client", "Client", 146, Exchange::client, Object::toString),
        column(
            "size",
            "Size",
            70,
            e -> e.responseBody().totalSize(),
            s -> ExchangeFacts.size((Long) s)),
        column(
            "duration",
            "Duration",
            86,
            Exchange::duration,
            d -> ((Duration) d).toMillis() + " ms"));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TableColumn<Exchange, Object> column(
      String id,
      String title,
      double width,
      Function<Exchange, ?> value,
      Function<Object, String> format) {
    TableColumn<Exchange, Object> column = new TableColumn<>(title);
    column.setId(id);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    column.setCellFactory(c -> new TextCell(format));
    column.setComparator((a, b) -> ((Comparable) a).compareTo(b));
    return column;
  }

  /**
   * Whether the cell shows less than its text: its skin draws an ellipsis. Asked when the pointer
   * enters the cell, so a resized column is judged as it is now.
   */
  static boolean isClipped(TableCell<?, ?> cell) {
    String text = cell.getText();
    if (text == null || text.isEmpty()) {
      return false;
    }
    Node shown = cell.lookup(".text");
    return shown instanceof Text t && !text.equals(t.getText());
  }

  /** Gives {@code cell} the whole text as a tooltip while, and only while, it is clipped. */
  private static void tooltipWhenClipped(TableCell<?, ?> cell) {
    Tooltip tip = new Tooltip();
    cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
      if (isClipped(cell)) {
        tip.setText(cell.getText());
        cell.setTooltip(tip);
      } else if (cell.getTooltip() == tip) {
        cell.setTooltip(null);
      }
    });
  }

  /** A cell that writes its value as text. */
  private static class TextCell extends TableCell<Exchange, Object> {
    private final Function<Object, String> format;

    TextCell(Function<Object, String> format) {
      this.format = format;
      tooltipWhenClipped(this);
    }

    @Override
    protected void updateItem(Object item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : format.apply(item));
    }
  }

  private static TableColumn<Exchange, Object> statusColumn() {
    TableColumn<Exchange, Object> column =
        column("status", "Status", 86, Exchange::status, Object::toString);
    column.getStyleClass().add("status-column");
    column.setCellFactory(c -> new TextCell(s -> ((Integer) s) == 0 ? "—" : s.toString()) {
      @Override
      protected void updateItem(Object item, boolean empty) {
        super.updateItem(item, empty);
        int hundred = empty || item == null ? 0 : (Integer) item / 100;
        HTTP_CLASSES.forEach((h, pc) -> pseudoClassStateChanged(pc, h == hundred));
      }
    });
    return column;
  }

  private static TableColumn<Exchange, Exchange> authColumn() {
    TableColumn<Exchange, Exchange> column = new TableColumn<>("Auth");
    column.setId("auth");
    column.setPrefWidth(196);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    column.setComparator((a, b) -> ExchangeFacts.authText(a).compareTo(ExchangeFacts.authText(b)));
    column.setCellFactory(c -> new AuthCell());
    return column;
  }

  /** Icon plus user, or icon plus the reason of the 407. */
  private static final class AuthCell extends TableCell<Exchange, Exchange> {
    private final FontIcon icon = new FontIcon();
    // one per cell, its text changed per row: a Tooltip is a popup window, and building one per
    // update was a quarter of the FX thread's time under load
    private final Tooltip tooltip = new Tooltip();

    AuthCell() {
      getStyleClass().add("auth-cell");
      icon.getStyleClass().add("auth-icon");
    }

    @Override
    protected void updateItem(Exchange item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        setGraphic(null);
        setTooltip(null);
        return;
      }
      setText(ExchangeFacts.authText(item));
      // the whole text: the column is often narrower than a reason with its user
      String tip = ExchangeFacts.authText(item)
          + (item.isFaulted()
              ? "\nShaped by the fault knobs " + String.join(", ", item.faults())
              : "");
      tooltip.setText(tip);
      setTooltip(tooltip);
      icon.setIconCode(
          switch (ExchangeFacts.kind(item)) {
            case CHALLENGED -> MaterialDesignS.SHIELD_ALERT;
            case ERROR -> MaterialDesignA.ALERT_CIRCLE;
            case AUTHENTICATED -> MaterialDesignS.SHIELD_CHECK;
            case OPEN -> MaterialDesignS.SHIELD_OFF_OUTLINE;
          });
      setGraphic(icon);
    }
  }
}
