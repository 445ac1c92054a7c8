package dev.warden.ui.status;

import dev.warden.ui.traffic.TrafficViewModel;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The ControlsFX status bar: listening state and address (or the failure reason) on the left;
 * total, 407, authenticated and error counts and the request rate on the right. FX thread.
 */
public final class StatusView {

  private final StatusBar bar = new StatusBar();

  public StatusView(StatusViewModel status, TrafficViewModel traffic) {
    bar.setId("status-bar");
    bar.getStyleClass().add("warden-status");
    bar.textProperty().bind(status.textProperty());
    // the listening line is what shortens on a narrow window: the whole of it is the bar's tooltip
    Tooltip whole = new Tooltip();
    whole.textProperty().bind(status.textProperty());
    bar.setTooltip(whole);
    FontIcon dot = new FontIcon(MaterialDesignC.CIRCLE);
    dot.getStyleClass().add("health-dot");
    bar.setGraphic(dot);
    status.healthProperty().addListener((o, a, b) -> showHealth(b));
    showHealth(status.healthProperty().get());

    bar.getRightItems()
        .addAll(
            count(
                "count-total",
                "total",
                MaterialDesignS.SWAP_VERTICAL,
                traffic.totalProperty(),
                "Exchanges recorded since the last clear (Ctrl+L)"),
            count(
                "count-challenged",
                "407",
                MaterialDesignS.SHIELD_ALERT,
                traffic.challengedProperty(),
                "Requests answered 407 Proxy Authentication Required"),
            count(
                "count-authenticated",
                "authenticated",
                MaterialDesignS.SHIELD_CHECK,
                traffic.authenticatedProperty(),
                "Requests whose credentials were accepted"),
            count(
                "count-errors",
                "errors",
                MaterialDesignA.ALERT_CIRCLE,
                traffic.errorsProperty(),
                "Exchanges that failed: the origin unreachable, a timeout, a cut connection"),
            separator(),
            dropped(traffic),
            rate(traffic));
    // the counters keep their whole text on a narrow window; the listening line shortens instead
    bar.getRightItems().forEach(n -> {
      if (n instanceof javafx.scene.layout.Region r) {
        r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      }
    });
  }

  public StatusBar node() {
    return bar;
  }

  private void showHealth(StatusViewModel.Health health) {
    for (StatusViewModel.Health h : StatusViewModel.Health.values()) {
      bar.pseudoClassStateChanged(
          PseudoClass.getPseudoClass(h.name().toLowerCase(Locale.ROOT)), h == health);
    }
  }

  private static Label count(
      String id, String what, Ikon icon, ObservableNumberValue value, String tip) {
    Label label = new Label();
    label.setTooltip(new Tooltip(tip));
    label.setId(id);
    label.getStyleClass().addAll("status-count", id);
    FontIcon graphic = new FontIcon(icon);
    label.setGraphic(graphic);
    label
        .textProperty()
        .bind(Bindings.createStringBinding(
            () -> String.format(Locale.ROOT, "%,d %s", value.longValue(), what), value));
    return label;
  }

  /**
   * "0 dropped · keeps 10,000": how many exchanges the traffic log let go because it was full, and
   * how many it keeps (its capacity, the {@code trafficCapacity} setting).
   */
  private static Label dropped(TrafficViewModel traffic) {
    Label label = new Label();
    label.setId("dropped");
    label.getStyleClass().add("status-count");
    label.setGraphic(new FontIcon(MaterialDesignA.ARCHIVE_OUTLINE));
    label
        .textProperty()
        .bind(Bindings.createStringBinding(
            () -> String.format(
                Locale.ROOT,
                "%,d dropped · keeps %,d",
                traffic.droppedProperty().get(),
                traffic.capacity()),
            traffic.droppedProperty()));
    label.setTooltip(new Tooltip(String.format(
        Locale.ROOT,
        "The traffic log keeps the latest %,d exchanges and "
            + "drops the oldest beyond that (a selected row stays). Set trafficCapacity in the settings file.",
        traffic.capacity())));
    return label;
  }

  private static Label rate(TrafficViewModel traffic) {
    Label label = new Label();
    label.setTooltip(new Tooltip("Requests per second through the proxy, over the last second"));
    label.setId("rate");
    label.getStyleClass().add("status-count");
    label.setGraphic(new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignS.SPEEDOMETER));
    label
        .textProperty()
        .bind(Bindings.createStringBinding(
            () ->
                String.format(Locale.ROOT, "%,.0f req/s", traffic.rateProperty().get()),
            traffic.rateProperty()));
    return label;
  }

  private static Separator separator() {
    return new Separator(Orientation.VERTICAL);
  }
}
