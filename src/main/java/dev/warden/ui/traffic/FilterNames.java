package dev.warden.ui.traffic;

import dev.warden.core.traffic.Exchange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The names one filter offers (users or realms): those the settings name, those of the rows the table
 * holds now, and the one chosen in the filter, sorted. A name only a client claimed disappears with the
 * last row that carries it, so the list is bounded by the settings and the table's capacity however
 * many names clients make up. FX thread only (or one test thread).
 */
final class FilterNames {

  private final ObservableList<String> names = FXCollections.observableArrayList();
  private final Map<String, Integer> inRows = new HashMap<>();
  private final Supplier<String> chosen;
  private final Function<Exchange, String> nameOf;
  private List<String> fromSettings = List.of();

  /**
   * @param chosen the value chosen in the filter now (null for none): kept while it is chosen
   * @param nameOf a row's name, or null for a row without one
   */
  FilterNames(Supplier<String> chosen, Function<Exchange, String> nameOf) {
    this.chosen = Objects.requireNonNull(chosen);
    this.nameOf = Objects.requireNonNull(nameOf);
  }

  /** Replaces the names the settings give. */
  void offer(Collection<String> settingsNames) {
    fromSettings = List.copyOf(settingsNames);
    refresh();
  }

  /** Counts the names of rows added to the table. */
  void added(List<Exchange> rows) {
    boolean changed = false;
    // one map update per run of equal names: under load most neighbouring rows carry the same one
    int i = 0;
    while (i < rows.size()) {
      String name = nameOf.apply(rows.get(i));
      int run = runLength(rows, i, name);
      i += run;
      if (name != null && inRows.merge(name, run, Integer::sum) == run) {
        changed = true;
      }
    }
    if (changed) {
      refresh();
    }
  }

  /** Uncounts the names of rows trimmed from the table. */
  void removed(List<Exchange> rows) {
    boolean changed = false;
    int i = 0;
    while (i < rows.size()) {
      String name = nameOf.apply(rows.get(i));
      int run = runLength(rows, i, name);
      i += run;
      if (name != null
          && inRows.computeIfPresent(name, (n, count) -> count <= run ? null : count - run)
              == null) {
        changed = true;
      }
    }
    if (changed) {
      refresh();
    }
  }

  /** How many rows from {@code from} on carry {@code name} (the name of the row there). */
  private int runLength(List<Exchange> rows, int from, String name) {
    int to = from + 1;
    while (to < rows.size() && Objects.equals(nameOf.apply(rows.get(to)), name)) {
      to++;
    }
    return to - from;
  }

  /** Forgets every row's names (the table was cleared). */
  void clearRows() {
    inRows.clear();
    refresh();
  }

  /** Recomputes the list; call when the chosen value changes. */
  void refresh() {
    TreeSet<String> next = new TreeSet<>(fromSettings);
    next.addAll(inRows.keySet());
    String now = chosen.get();
    if (now != null) {
      next.add(now);
    }
    if (!next.equals(new TreeSet<>(names))) {
      names.setAll(new ArrayList<>(next));
    }
  }

  /** The names to offer, sorted, without duplicates. */
  ObservableList<String> names() {
    return names;
  }
}
