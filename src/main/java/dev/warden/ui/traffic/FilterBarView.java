package dev.warden.ui.traffic;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Quick filters (all, 407, authenticated, errors), search over URL, host and user, and the user and
 * realm filters. Binds to {@link TrafficViewModel}. FX thread.
 */
public final class FilterBarView {

  private final HBox box = new HBox(6);
  private final CustomTextField search = new CustomTextField();

  public FilterBarView(TrafficViewModel model) {
    box.setId("filter-bar");
    box.getStyleClass().add("filter-bar");
    box.setAlignment(Pos.CENTER_LEFT);

    ToggleGroup group = new ToggleGroup();
    HBox pills = new HBox();
    QuickFilter[] filters = QuickFilter.values();
    for (int i = 0; i < filters.length; i++) {
      QuickFilter f = filters[i];
      ToggleButton b = new ToggleButton(f.label());
      b.setId("quick-" + f.name().toLowerCase(java.util.Locale.ROOT));
      b.setUserData(f);
      b.setTooltip(new Tooltip(
          switch (f) {
            case ALL -> "Every exchange";
            case CHALLENGED -> "Only the requests answered 407 (status:407)";
            case AUTHENTICATED -> "Only the requests whose credentials were accepted";
            case ERRORS ->
              "Only the exchanges that failed: the origin unreachable, a timeout, a cut connection";
          }));
      b.setToggleGroup(group);
      b.getStyleClass()
          .add(
              i == 0
                  ? Styles.LEFT_PILL
                  : i == filters.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
      b.setGraphic(
          switch (f) {
            case ALL -> new FontIcon(MaterialDesignF.FILTER_VARIANT);
            case CHALLENGED -> new FontIcon(MaterialDesignS.SHIELD_ALERT);
            case AUTHENTICATED -> new FontIcon(MaterialDesignS.SHIELD_CHECK);
            case ERRORS -> new FontIcon(MaterialDesignA.ALERT_CIRCLE);
          });
      b.getGraphic()
          .getStyleClass()
          .add("quick-icon-" + f.name().toLowerCase(java.util.Locale.ROOT));
      // a narrow window shrinks the search field, never a pill's label to "..."
      b.setMinWidth(Region.USE_PREF_SIZE);
      pills.getChildren().add(b);
      if (f == model.quickFilterProperty().get()) {
        b.setSelected(true);
      }
    }
    group.selectedToggleProperty().addListener((o, was, now) -> {
      if (now == null) {
        was.setSelected(true); // one pill is always pressed
      } else {
        model.quickFilterProperty().set((QuickFilter) now.getUserData());
      }
    });
    model
        .quickFilterProperty()
        .addListener((o, a, b) -> group.getToggles().stream()
            .filter(t -> t.getUserData() == b)
            .findFirst()
            .ifPresent(t -> t.setSelected(true)));

    search.setId("search");
    search.setPromptText("Search, or status:407 user:alice  (Ctrl+F)");
    search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
    search.setPrefColumnCount(24);
    search.setMinWidth(120);
    search.textProperty().bindBidirectional(model.searchProperty());
    HBox.setHgrow(search, Priority.SOMETIMES);
    Tooltip help = new Tooltip(SEARCH_HELP);
    search.setTooltip(help);
    model.searchProblemProperty().addListener((o, a, problem) -> {
      search.pseudoClassStateChanged(PROBLEM, !problem.isEmpty());
      help.setText(problem.isEmpty() ? SEARCH_HELP : problem + "\n\n" + SEARCH_HELP);
    });
    search.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
        search.clear();
        e.consume();
      }
    });
    QueryCompletion completion = new QueryCompletion(model::knownUsers, model::knownRealms);
    TextFields.bindAutoCompletion(search, request -> completion.suggest(request.getUserText()));

    ComboBox<String> user = anyChoice("user-filter", "Any user", model.knownUsers());
    user.valueProperty().bindBidirectional(model.userFilterProperty());
    ComboBox<String> realm = anyChoice("realm-filter", "Any realm", model.knownRealms());
    realm.valueProperty().bindBidirectional(model.realmFilterProperty());

    ComboBox<ConversationMode> conversations = new ComboBox<>(
        javafx.collections.FXCollections.observableArrayList(ConversationMode.choices()));
    conversations.setId("conversation-filter");
    // verdict labels are long: the closed box shows the start, the list and the tooltip all of it;
    // the default, "Exchanges", always shows whole (at 1,024 px the box had shrunk to "Excha...")
    conversations.setPrefWidth(150);
    conversations.setMinWidth(128);
    Tooltip conversationTip = new Tooltip();
    conversationTip
        .textProperty()
        .bind(Bindings.createStringBinding(
            () -> "Show every exchange, or one row per 407 conversation (of one verdict): "
                + (conversations.getValue() == null
                    ? ""
                    : conversations.getValue().label()),
            conversations.valueProperty()));
    conversations.setTooltip(conversationTip);
    conversations.setConverter(new javafx.util.StringConverter<>() {
      @Override
      public String toString(ConversationMode mode) {
        return mode == null ? "" : mode.label();
      }

      @Override
      public ConversationMode fromString(String text) {
        return ConversationMode.choices().stream()
            .filter(m -> m.label().equals(text))
            .findFirst()
            .orElse(null);
      }
    });
    conversations.valueProperty().bindBidirectional(model.conversationModeProperty());

    Label shown = new Label();
    shown.setId("shown-count");
    shown.getStyleClass().add("shown-count");
    shown.setMinWidth(Region.USE_PREF_SIZE);
    shown
        .textProperty()
        .bind(Bindings.createStringBinding(
            () -> model.visibleRows().size() == model.rows().size()
                ? model.rows().size() + " exchanges"
                : model.visibleRows().size() + " of " + model.rows().size() + " shown",
            model.visibleRows(),
            model.rows()));

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    box.getChildren().addAll(pills, search, user, realm, conversations, spacer, shown);
  }

  private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
  private static final String SEARCH_HELP = String.join(
      "\n",
      "Words match the URL, host, user, any header and the captured bodies.",
      "Terms: status:407  status:4xx  method:CONNECT  user:alice  realm:Corp",
      "       reason:stale  client:10.0.0.5  conn:12  host:*.corp",
      "-term excludes, \"two words\" is one word; every term must match. Esc clears, Ctrl+F comes here.");

  public HBox node() {
    return box;
  }

  /** Puts the caret in the search field with its text selected, for typing over it. */
  public void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  public CustomTextField searchField() {
    return search;
  }

  /** A combo box whose null value reads "Any ..." and can be chosen again to drop the filter. */
  private static ComboBox<String> anyChoice(
      String id, String any, javafx.collections.ObservableList<String> names) {
    javafx.collections.ObservableList<String> items =
        javafx.collections.FXCollections.observableArrayList();
    items.add(null);
    items.addAll(names);
    // names come and go with the rows; the chosen one stays in the list while it is chosen, so
    // removing the others in place never drops the value
    names.addListener((javafx.collections.ListChangeListener<String>) c -> {
      java.util.Set<String> wanted = new java.util.HashSet<>(names);
      items.removeIf(n -> n != null && !wanted.contains(n));
      // both are sorted and what is left of items is a subsequence of names: insert what is missing
      for (int i = 0; i < names.size(); i++) {
        if (i + 1 >= items.size() || !names.get(i).equals(items.get(i + 1))) {
          items.add(i + 1, names.get(i));
        }
      }
    });
    ComboBox<String> box = new ComboBox<>(items);
    box.setId(id);
    box.setTooltip(new Tooltip("Show only the exchanges of one "
        + (id.startsWith("user") ? "user" : "realm") + " (or type "
        + (id.startsWith("user") ? "user:NAME" : "realm:NAME") + " in the search)"));
    box.setMinWidth(Region.USE_PREF_SIZE);
    box.setPromptText(any);
    box.setButtonCell(anyCell(any));
    box.setCellFactory(l -> anyCell(any));
    return box;
  }

  private static ListCell<String> anyCell(String any) {
    return new ListCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item == null ? any : item);
      }
    };
  }
}
