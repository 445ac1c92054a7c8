package dev.warden.ui.dashboard;

import dev.warden.core.stats.StatsSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * What the dashboard shows, from one {@link StatsSnapshot} per {@link #refresh()}: three series of
 * the last {@link #WINDOW_SECONDS} seconds (x = seconds ago, -59 to 0), the top refusal reasons and
 * the per-user and per-client rows. The series keep their 60 points and only change their values, so
 * a refresh creates no chart nodes. FX thread; refreshed by polling (see {@link DashboardWindow}),
 * never per exchange, so its cost does not grow with the request rate.
 */
public final class DashboardViewModel {

  public static final int WINDOW_SECONDS = 60;

  private final Supplier<StatsSnapshot> source;
  private final XYChart.Series<Number, Number> challenged = series("Challenged (407)");
  private final XYChart.Series<Number, Number> authenticated = series("Authenticated");
  private final XYChart.Series<Number, Number> refused = series("Refused");
  private final ObservableList<StatsSnapshot.ReasonCount> reasons =
      FXCollections.observableArrayList();
  private final ObservableList<StatsSnapshot.PartyRow> users = FXCollections.observableArrayList();
  private final ObservableList<StatsSnapshot.PartyRow> clients =
      FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper usersNote = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper clientsNote = new ReadOnlyStringWrapper("");

  /** @param source a snapshot with at least the last {@link #WINDOW_SECONDS} seconds; any thread's cheap read */
  public DashboardViewModel(Supplier<StatsSnapshot> source) {
    this.source = Objects.requireNonNull(source);
  }

  private static XYChart.Series<Number, Number> series(String name) {
    XYChart.Series<Number, Number> s = new XYChart.Series<>();
    s.setName(name);
    for (int ago = WINDOW_SECONDS - 1; ago >= 0; ago--) {
      s.getData().add(new XYChart.Data<>(-ago, 0));
    }
    return s;
  }

  /** Reads a snapshot and shows it. FX thread. */
  public void refresh() {
    show(source.get());
  }

  /** Shows a snapshot. FX thread. */
  void show(StatsSnapshot snapshot) {
    List<StatsSnapshot.Second> seconds = snapshot.seconds();
    int offset = seconds.size() - WINDOW_SECONDS; // the newest seconds, aligned on "0 s ago"
    for (int i = 0; i < WINDOW_SECONDS; i++) {
      int at = offset + i;
      StatsSnapshot.Second s = at >= 0 && at < seconds.size() ? seconds.get(at) : null;
      set(challenged, i, s == null ? 0 : s.challenged());
      set(authenticated, i, s == null ? 0 : s.authenticated());
      set(refused, i, s == null ? 0 : s.refused());
    }
    if (!reasons.equals(snapshot.reasons())) {
      reasons.setAll(snapshot.reasons());
    }
    users.setAll(snapshot.users().rows());
    clients.setAll(snapshot.clients().rows());
    StatsSnapshot.Second t = snapshot.totals();
    totals.set(String.format(
        Locale.ROOT,
        "Since Warden started: %,d challenged · %,d authenticated · %,d refused%s",
        t.challenged(),
        t.authenticated(),
        t.refused(),
        t.notJudged() == 0
            ? ""
            : String.format(Locale.ROOT, " · %,d not judged (enforcement off)", t.notJudged())));
    usersNote.set(note(snapshot.users(), "users"));
    clientsNote.set(note(snapshot.clients(), "clients"));
  }

  private static void set(XYChart.Series<Number, Number> series, int index, long value) {
    XYChart.Data<Number, Number> point = series.getData().get(index);
    if (point.getYValue().longValue() != value) {
      point.setYValue(value);
    }
  }

  /** Says when the table no longer has everyone, and why. */
  static String note(StatsSnapshot.Table table, String what) {
    if (!table.capped()) {
      return String.format(Locale.ROOT, "%,d %s", table.rows().size(), what);
    }
    return String.format(
        Locale.ROOT,
        "%,d %s: capped at %,d, the least recently seen were dropped (%,d so far)",
        table.rows().size(),
        what,
        table.capacity(),
        table.evicted() + table.untabled());
  }

  /** Challenged, authenticated and refused, in that order. */
  public List<XYChart.Series<Number, Number>> series() {
    return List.of(challenged, authenticated, refused);
  }

  public ObservableList<StatsSnapshot.ReasonCount> reasons() {
    return reasons;
  }

  public ObservableList<StatsSnapshot.PartyRow> users() {
    return users;
  }

  public ObservableList<StatsSnapshot.PartyRow> clients() {
    return clients;
  }

  public ReadOnlyStringProperty totalsProperty() {
    return totals.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty usersNoteProperty() {
    return usersNote.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty clientsNoteProperty() {
    return clientsNote.getReadOnlyProperty();
  }
}
