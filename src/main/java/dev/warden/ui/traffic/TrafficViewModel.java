package dev.warden.ui.traffic;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.TrafficLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The live traffic table's state: the rows (bounded by the traffic log's capacity), the filter, the
 * counts and the request rate. No nodes; FX thread only (or one test thread).
 */
public final class TrafficViewModel {

  // Properties
  private final ObservableList<Exchange> rows = FXCollections.observableArrayList();
  private final FilteredList<Exchange> filtered = new FilteredList<>(rows);
  private final SortedList<Exchange> sorted = new SortedList<>(filtered);
  private final ObjectProperty<QuickFilter> quickFilter = new SimpleObjectProperty<>(QuickFilter.ALL);
  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<String> userFilter = new SimpleObjectProperty<>();
  private final ObjectProperty<String> realmFilter = new SimpleObjectProperty<>();
  private final ObservableList<String> knownUsers = FXCollections.observableArrayList();
  private final ObservableList<String> knownRealms = FXCollections.observableArrayList();
  private final ObjectProperty<Exchange> selected = new SimpleObjectProperty<>();
  private final BooleanProperty paused = new SimpleBooleanProperty();
  private final LongProperty total = new SimpleLongProperty();
  private final LongProperty challenged = new SimpleLongProperty();
  private final LongProperty authenticated = new SimpleLongProperty();
  private final LongProperty errors = new SimpleLongProperty();
  private final LongProperty missed = new SimpleLongProperty();
  private final DoubleProperty rate = new SimpleDoubleProperty();

  private final int capacity;
  private final Set<String> seenUsers = new HashSet<>();
  private final Set<String> seenRealms = new HashSet<>();
  private final RateMeter rateMeter = new RateMeter();

  /** @param capacity the most rows kept: the traffic log's capacity, so the table never outgrows it */
  public TrafficViewModel(int capacity) {
    this.capacity = capacity;
    quickFilter.addListener((o, a, b) -> refilter());
    search.addListener((o, a, b) -> refilter());
    userFilter.addListener((o, a, b) -> refilter());
    realmFilter.addListener((o, a, b) -> refilter());
  }

  // Commands

  /** Applies one batch from the traffic feed: one addAll and at most one trim. */
  public void append(TrafficLog.Batch batch) {
    List<Exchange> incoming = batch.exchanges();
    long c = 0;
    long a = 0;
    long e = 0;
    for (Exchange x : incoming) {
      if (x.isChallenge()) {
        c++;
      }
      if (x.auth() instanceof AuthOutcome.Authenticated) {
        a++;
      }
      if (x.isError()) {
        e++;
      }
      ExchangeFacts.userName(x).filter(seenUsers::add).ifPresent(knownUsers::add);
      x.realm().filter(seenRealms::add).ifPresent(knownRealms::add);
    }
    total.set(total.get() + incoming.size() + batch.missed());
    challenged.set(challenged.get() + c);
    authenticated.set(authenticated.get() + a);
    errors.set(errors.get() + e);
    missed.set(missed.get() + batch.missed());

    List<Exchange> kept = incoming.size() > capacity
        ? incoming.subList(incoming.size() - capacity, incoming.size())
        : incoming;
    int overflow = rows.size() + kept.size() - capacity;
    if (overflow > 0) {
      Exchange selectedNow = selected.get();
      rows.remove(0, Math.min(overflow, rows.size()));
      // ids increase in log order, so a selection older than the first kept row was trimmed away
      if (selectedNow != null && (rows.isEmpty() || selectedNow.id() < rows.get(0).id())) {
        selected.set(null);
      }
    }
    rows.addAll(kept);
  }

  /** Forgets every row and count (the caller clears the log too). */
  public void clear() {
    rows.clear();
    selected.set(null);
    total.set(0);
    challenged.set(0);
    authenticated.set(0);
    errors.set(0);
    missed.set(0);
  }

  /** Samples the proxy's request counter; call about once a second. */
  public void sampleRate(long nowNanos, long totalRecorded) {
    rate.set(rateMeter.sample(nowNanos, totalRecorded));
  }

  /** Names from the settings offered in the user and realm filters, besides those seen in traffic. */
  public void offerNames(List<String> users, List<String> realms) {
    users.stream().filter(seenUsers::add).forEach(knownUsers::add);
    realms.stream().filter(seenRealms::add).forEach(knownRealms::add);
    FXCollections.sort(knownUsers);
    FXCollections.sort(knownRealms);
  }

  public void resetFilters() {
    quickFilter.set(QuickFilter.ALL);
    search.set("");
    userFilter.set(null);
    realmFilter.set(null);
  }

  /** The filter in force now. */
  public TrafficFilter filter() {
    return new TrafficFilter(quickFilter.get(), search.get(), userFilter.get(), realmFilter.get());
  }

  private void refilter() {
    TrafficFilter f = filter();
    filtered.setPredicate(f.isEmpty() ? null : f);
  }

  // Accessors

  /** Every row, oldest first. */
  public ObservableList<Exchange> rows() {
    return rows;
  }

  /** The rows the table shows: filtered, then sorted by the table's comparator. */
  public SortedList<Exchange> visibleRows() {
    return sorted;
  }

  /** Rows that pass the filter, oldest first. */
  public List<Exchange> filteredRows() {
    return new ArrayList<>(filtered);
  }

  public ObjectProperty<QuickFilter> quickFilterProperty() {
    return quickFilter;
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ObjectProperty<String> userFilterProperty() {
    return userFilter;
  }

  public ObjectProperty<String> realmFilterProperty() {
    return realmFilter;
  }

  public ObservableList<String> knownUsers() {
    return knownUsers;
  }

  public ObservableList<String> knownRealms() {
    return knownRealms;
  }

  public ObjectProperty<Exchange> selectedProperty() {
    return selected;
  }

  public BooleanProperty pausedProperty() {
    return paused;
  }

  public LongProperty totalProperty() {
    return total;
  }

  public LongProperty challengedProperty() {
    return challenged;
  }

  public LongProperty authenticatedProperty() {
    return authenticated;
  }

  public LongProperty errorsProperty() {
    return errors;
  }

  public LongProperty missedProperty() {
    return missed;
  }

  public DoubleProperty rateProperty() {
    return rate;
  }

  public int capacity() {
    return capacity;
  }
}
