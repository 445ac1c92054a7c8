package dev.warden.ui.traffic;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.conversation.Conversation;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.TrafficLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
  private final FilteredList<Exchange> grouped = new FilteredList<>(filtered);
  private final SortedList<Exchange> sorted = new SortedList<>(grouped);
  private final ObjectProperty<QuickFilter> quickFilter =
      new SimpleObjectProperty<>(QuickFilter.ALL);
  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<String> userFilter = new SimpleObjectProperty<>();
  private final ObjectProperty<String> realmFilter = new SimpleObjectProperty<>();
  private final FilterNames knownUsers =
      new FilterNames(userFilter::get, x -> ExchangeFacts.userName(x).orElse(null));
  private final FilterNames knownRealms =
      new FilterNames(realmFilter::get, x -> x.realm().orElse(null));
  private final ObjectProperty<ConversationMode> conversationMode =
      new SimpleObjectProperty<>(ConversationMode.OFF);
  private LongFunction<Optional<Conversation>> conversations = id -> Optional.empty();
  private final ObjectProperty<Exchange> selected = new SimpleObjectProperty<>();
  private final BooleanProperty paused = new SimpleBooleanProperty();
  private final LongProperty total = new SimpleLongProperty();
  private final LongProperty challenged = new SimpleLongProperty();
  private final LongProperty authenticated = new SimpleLongProperty();
  private final LongProperty errors = new SimpleLongProperty();
  private final LongProperty missed = new SimpleLongProperty();
  private final LongProperty waiting = new SimpleLongProperty();
  private final LongProperty dropped = new SimpleLongProperty();
  private final DoubleProperty rate = new SimpleDoubleProperty();
  private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper searchProblem = new ReadOnlyStringWrapper("");

  private final int capacity;
  private final RateMeter rateMeter = new RateMeter();

  /** @param capacity the most rows kept: the traffic log's capacity, so the table never outgrows it */
  public TrafficViewModel(int capacity) {
    this.capacity = capacity;
    quickFilter.addListener((o, a, b) -> refilter());
    conversationMode.addListener((o, a, b) -> regroup());
    search.addListener((o, a, b) -> refilter());
    userFilter.addListener((o, a, b) -> {
      refilter();
      knownUsers.refresh();
    });
    realmFilter.addListener((o, a, b) -> {
      refilter();
      knownRealms.refresh();
    });
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
      int keep = selected.get() == null
          ? -1
          : indexOf(selected.get().id(), Math.min(overflow, rows.size()));
      if (keep < 0) {
        trim(0, Math.min(overflow, rows.size()));
      } else {
        // the row the user is looking at stays; the oldest others go, then the oldest incoming
        int others = Math.min(overflow, rows.size() - 1);
        trim(keep + 1, others + 1);
        trim(0, keep);
        kept = kept.subList(overflow - others, kept.size());
      }
    }
    rows.addAll(kept);
    knownUsers.added(kept);
    knownRealms.added(kept);
  }

  private void trim(int from, int to) {
    if (from >= to) {
      return;
    }
    List<Exchange> trimmed = rows.subList(from, to);
    knownUsers.removed(trimmed);
    knownRealms.removed(trimmed);
    trimmed.clear();
  }

  /** The position of the row with {@code id} among the first {@code limit} rows (ids increase), or -1. */
  private int indexOf(long id, int limit) {
    int low = 0;
    int high = limit - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long at = rows.get(mid).id();
      if (at == id) {
        return mid;
      }
      if (at < id) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return -1;
  }

  /** Forgets every row and count (the caller clears the log too). */
  public void clear() {
    rows.clear();
    knownUsers.clearRows();
    knownRealms.clearRows();
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

  /** Samples how many exchanges the traffic log has dropped because it was full (TrafficLog.dropped). */
  public void sampleDropped(long droppedByLog) {
    dropped.set(droppedByLog);
  }

  /**
   * The names the settings give to the user and realm filters, which also offer the names of the rows
   * held now: replaces the previous settings' names.
   */
  public void offerNames(List<String> users, List<String> realms) {
    knownUsers.offer(users);
    knownRealms.offer(realms);
  }

  /** Where each exchange's conversation comes from (e.g. {@code ConversationLog::ofExchange}). */
  public void useConversations(LongFunction<Optional<Conversation>> lookup) {
    conversations = lookup;
    regroup();
  }

  /** Conversations changed (a retry, a window passed): refilters while the table shows conversations. */
  public void conversationsChanged() {
    if (conversationMode.get().on()) {
      regroup();
    }
  }

  /** The verdict sentence of the conversation {@code e} starts, or empty. */
  public String conversationSentence(Exchange e) {
    return conversations
        .apply(e.id())
        .filter(c -> c.id() == e.id())
        .map(Conversation::sentence)
        .orElse("");
  }

  public void resetFilters() {
    conversationMode.set(ConversationMode.OFF);
    quickFilter.set(QuickFilter.ALL);
    search.set("");
    userFilter.set(null);
    realmFilter.set(null);
  }

  /** The filter in force now. */
  public TrafficFilter filter() {
    return TrafficFilter.of(quickFilter.get(), search.get(), userFilter.get(), realmFilter.get());
  }

  private void refilter() {
    TrafficFilter f = filter();
    filtered.setPredicate(f.isEmpty() ? null : f);
    filtering.set(!f.isEmpty());
    searchProblem.set(String.join("; ", f.query().problems()));
  }

  /** Whether any filter is set: an empty table then means "nothing matches", not "no traffic yet". */
  public ReadOnlyBooleanProperty filteringProperty() {
    return filtering.getReadOnlyProperty();
  }

  /** Why the search text cannot match as written ({@code status:abc}), or empty. */
  public ReadOnlyStringProperty searchProblemProperty() {
    return searchProblem.getReadOnlyProperty();
  }

  /** Applies the conversation mode: a second layer over the filter, so the two stay independent. */
  private void regroup() {
    ConversationMode mode = conversationMode.get();
    LongFunction<Optional<Conversation>> lookup = conversations;
    Predicate<Exchange> shows = e -> mode.shows(e.id(), lookup.apply(e.id()));
    grouped.setPredicate(mode.on() ? shows : null);
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

  /** Every exchange, or one row per conversation (of one verdict). */
  public ObjectProperty<ConversationMode> conversationModeProperty() {
    return conversationMode;
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

  /** The user filter's names: the settings', the rows' and the chosen one, sorted. */
  public ObservableList<String> knownUsers() {
    return knownUsers.names();
  }

  /** The realm filter's names: the settings', the rows' and the chosen one, sorted. */
  public ObservableList<String> knownRealms() {
    return knownRealms.names();
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

  /** Exchanges recorded since capture paused and not shown yet; zero while not paused. */
  public LongProperty waitingProperty() {
    return waiting;
  }

  /** Exchanges the traffic log dropped because it was full, as last sampled. */
  public LongProperty droppedProperty() {
    return dropped;
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
