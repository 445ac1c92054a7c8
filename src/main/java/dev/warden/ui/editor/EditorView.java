package dev.warden.ui.editor;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The realms and users editor: realms on the left; the selected realm's name, host patterns,
 * default flag, authentication (schemes, Digest algorithms, disabled users' status) with its Digest
 * gaps, its users and the user form on the right; problems, warnings and Save at the bottom.
 * Binds to {@link EditorViewModel}. FX thread.
 */
public final class EditorView {

  private final BorderPane root = new BorderPane();
  private final EditorViewModel model;
  private final TextField realmName = new TextField();
  private final TextField realmPatterns = new TextField();
  private final TextField realmConnectPorts = new TextField();
  private final RealmAuthForm authForm = new RealmAuthForm();
  private final FaultsForm faultsForm = new FaultsForm();
  private final CheckBox realmDefault = new CheckBox("Default realm (applies to every other host)");
  private final TableView<UserDraft> users;
  private RealmDraft bound;

  public EditorView(EditorViewModel model) {
    this.model = model;
    this.users = usersTable();
    root.setId("editor");
    root.getStyleClass().add("editor");
    root.getStylesheets().add(EditorView.class.getResource("editor.css").toExternalForm());
    root.setLeft(realmList());
    root.setCenter(realmPane());
    root.setBottom(new EditorFooter(model).node());
    model.selectedRealmProperty().addListener((o, a, b) -> bindRealm(b));
    model
        .defaultRealmProperty()
        .addListener((o, a, b) -> bindRealm(model.selectedRealmProperty().get()));
    bindRealm(model.selectedRealmProperty().get());
  }

  public Node node() {
    return root;
  }

  private Node realmList() {
    ListView<RealmDraft> list = new ListView<>(model.realms());
    list.setId("realm-list");
    list.setPrefWidth(210);
    list.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(RealmDraft item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
          setText(null);
          setGraphic(null);
          return;
        }
        boolean isDefault = item == model.defaultRealmProperty().get();
        int users = item.users().size();
        setText(item.name() + "\n" + (isDefault ? "default · " : "") + users
            + (users == 1 ? " user" : " users"));
        FontIcon icon =
            new FontIcon(isDefault ? MaterialDesignS.STAR : MaterialDesignS.SHIELD_KEY_OUTLINE);
        icon.getStyleClass().add(isDefault ? "default-star" : "realm-icon");
        setGraphic(icon);
      }
    });
    list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
      if (b != null) {
        model.selectedRealmProperty().set(b);
      }
    });
    model
        .selectedRealmProperty()
        .addListener((o, a, b) -> list.getSelectionModel().select(b));
    model.defaultRealmProperty().addListener(o -> list.refresh());
    list.getSelectionModel().select(model.selectedRealmProperty().get());

    Button add = new Button("Add realm", new FontIcon(MaterialDesignP.PLUS));
    add.setId("add-realm");
    add.setTooltip(new Tooltip("Add a realm: a set of users for the hosts its patterns match"));
    add.setOnAction(e -> model.addRealm());
    Button remove = new Button(null, new FontIcon(MaterialDesignM.MINUS));
    remove.setId("remove-realm");
    remove.setTooltip(new Tooltip("Remove the selected realm"));
    remove.setOnAction(e -> model.removeSelectedRealm());
    remove.disableProperty().bind(model.selectedRealmProperty().isNull());
    HBox buttons = new HBox(6, add, remove);
    Label title = new Label("Realms");
    title.getStyleClass().add(Styles.TITLE_4);
    VBox box = new VBox(8, title, list, buttons);
    VBox.setVgrow(list, Priority.ALWAYS);
    box.setPadding(new Insets(14, 8, 14, 14));
    return box;
  }

  private Node realmPane() {
    realmName.setId("realm-name");
    realmName.setPromptText("Shown to clients in the challenge, e.g. Corp");
    realmPatterns.setId("realm-patterns");
    realmPatterns.setPromptText("*.corp.example, api.example.com:8443");
    realmConnectPorts.setId("realm-connect-ports");
    realmConnectPorts.setPromptText("No port: CONNECT is refused in this realm");
    realmConnectPorts.setTooltip(
        new Tooltip("CONNECT to any other port is answered 403, with the reason in the details"));
    realmDefault.setId("realm-default");
    realmDefault.setOnAction(e -> {
      RealmDraft r = model.selectedRealmProperty().get();
      if (realmDefault.isSelected() && r != null) {
        model.makeDefault(r);
      } else {
        realmDefault.setSelected(
            r != null && r == model.defaultRealmProperty().get()); // choose another realm instead
      }
    });
    realmDefault.setTooltip(new Tooltip("To move the default, make another realm the default"));
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(8);
    form.addRow(0, new Label("Name"), realmName);
    form.addRow(1, new Label("Host patterns"), realmPatterns);
    form.add(realmDefault, 1, 2);
    form.addRow(3, new Label("CONNECT ports"), realmConnectPorts);
    GridPane.setHgrow(realmName, Priority.ALWAYS);
    GridPane.setHgrow(realmPatterns, Priority.ALWAYS);

    VBox usersBox = new VBox(10, users, userButtons(users), userForm());
    VBox.setVgrow(users, Priority.ALWAYS);
    usersBox.setPadding(new Insets(10, 0, 0, 0));
    Tab usersTab = new Tab("Users", usersBox);
    usersTab.setId("users-tab");
    Tab authTab = new Tab("Authentication", authForm.node());
    authTab.setId("auth-tab");
    Tab faultsTab = new Tab("Faults", faultsForm.node());
    faultsTab.setId("faults-tab");
    TabPane tabs = new TabPane(usersTab, authTab, faultsTab);
    tabs.setId("realm-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox box = new VBox(10, form, realmNotes(), tabs);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    box.setPadding(new Insets(14));
    box.disableProperty().bind(model.selectedRealmProperty().isNull());
    return box;
  }

  /** The rename note (its line always kept) and the Digest gaps of the selected realm. */
  private Node realmNotes() {
    Label rename = new Label();
    rename.setId("realm-rename-note");
    // one line (whole text in the tooltip): a note that wrapped as it grew would move the tabs
    rename.setWrapText(false);
    Tooltip renameTip = new Tooltip();
    renameTip.textProperty().bind(model.selectedRenameNoteProperty());
    rename.setTooltip(renameTip);
    rename.getStyleClass().addAll("editor-message", "warning");
    rename.setGraphic(new FontIcon(MaterialDesignA.ALERT));
    rename.textProperty().bind(model.selectedRenameNoteProperty());
    // the note appears as the name is typed: its line is kept, so the tabs below do not jump
    rename.visibleProperty().bind(model.selectedRenameNoteProperty().isNotEmpty());
    VBox gaps = new VBox(4);
    gaps.setId("realm-digest-gaps");
    Runnable refresh = () -> gaps.getChildren()
        .setAll(model.selectedDigestGaps().stream()
            .map(g -> (Node) message(g, "warning", MaterialDesignA.ALERT))
            .toList());
    model.selectedDigestGaps().addListener((ListChangeListener<String>) c -> refresh.run());
    refresh.run();
    gaps.visibleProperty().bind(Bindings.isNotEmpty(model.selectedDigestGaps()));
    gaps.managedProperty().bind(gaps.visibleProperty());
    return new VBox(4, rename, gaps);
  }

  private TableView<UserDraft> usersTable() {
    TableView<UserDraft> table = new TableView<>();
    table.setId("users-table");
    table.setEditable(true);
    table.setPrefHeight(200);
    table.setMinHeight(150);
    table.setPlaceholder(new Label("No users yet: add one below"));
    TableColumn<UserDraft, String> name = new TableColumn<>("User");
    name.setCellValueFactory(c -> c.getValue().nameProperty());
    name.setPrefWidth(200);
    TableColumn<UserDraft, Boolean> enabled = new TableColumn<>("Enabled");
    enabled.setCellValueFactory(c -> c.getValue().enabledProperty());
    enabled.setCellFactory(CheckBoxTableCell.forTableColumn(enabled));
    enabled.setEditable(true);
    enabled.setPrefWidth(80);
    TableColumn<UserDraft, String> password = new TableColumn<>("Password");
    password.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().passwordState()));
    password.setPrefWidth(200);
    table.getColumns().addAll(java.util.List.of(name, enabled, password));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setRowFactory(t -> {
      javafx.scene.control.TableRow<UserDraft> row = new javafx.scene.control.TableRow<>();
      row.setOnMouseClicked(e -> {
        if (e.getClickCount() == 2 && row.getItem() != null) {
          model.beginEditUser(row.getItem());
        }
      });
      return row;
    });
    return table;
  }

  private Node userButtons(TableView<UserDraft> table) {
    Button add = new Button("New user", new FontIcon(MaterialDesignA.ACCOUNT_PLUS));
    add.setId("new-user");
    add.setTooltip(new Tooltip("Clear the form below to add a user to this realm"));
    add.setOnAction(e -> model.beginAddUser());
    Button edit = new Button("Edit", new FontIcon(MaterialDesignA.ACCOUNT_EDIT));
    edit.setId("edit-user");
    edit.setTooltip(
        new Tooltip("Load the selected user into the form below (or double-click the user)"));
    Button remove = new Button("Remove", new FontIcon(MaterialDesignA.ACCOUNT_REMOVE));
    remove.setId("remove-user");
    remove.setTooltip(new Tooltip("Remove the selected user (applies on Save)"));
    Button toggle = new Button("Enable / disable", new FontIcon(MaterialDesignA.ACCOUNT_OFF));
    toggle.setId("toggle-user");
    toggle.setTooltip(
        new Tooltip("A disabled user is refused like an unknown one, and kept (applies on Save)"));
    var selected = table.getSelectionModel().selectedItemProperty();
    edit.disableProperty().bind(selected.isNull());
    remove.disableProperty().bind(selected.isNull());
    toggle.disableProperty().bind(selected.isNull());
    edit.setOnAction(e -> model.beginEditUser(selected.get()));
    remove.setOnAction(e -> model.removeUser(selected.get()));
    toggle.setOnAction(e -> model.setEnabled(selected.get(), !selected.get().enabled()));
    return new HBox(6, add, edit, remove, toggle);
  }

  private Node userForm() {
    Label title = new Label();
    title.getStyleClass().add(Styles.TITLE_4);
    title
        .textProperty()
        .bind(Bindings.createStringBinding(
            () -> model.editingUserProperty().get() == null
                ? "Add a user"
                : "Edit user '" + model.editingUserProperty().get().name() + "'",
            model.editingUserProperty()));
    TextField name = new TextField();
    name.setId("user-name");
    name.setPromptText("alice");
    name.textProperty().bindBidirectional(model.formNameProperty());

    PasswordField password = new PasswordField();
    password.setId("user-password");
    TextField passwordShown = new TextField();
    passwordShown.setId("user-password-shown");
    PasswordField repeat = new PasswordField();
    repeat.setId("user-password-repeat");
    password.textProperty().bindBidirectional(model.formPasswordProperty());
    passwordShown.textProperty().bindBidirectional(model.formPasswordProperty());
    repeat.textProperty().bindBidirectional(model.formRepeatProperty());
    password
        .promptTextProperty()
        .bind(Bindings.when(model.editingUserProperty().isNull())
            .then("Password")
            .otherwise("Leave empty to keep the stored password"));
    passwordShown.promptTextProperty().bind(password.promptTextProperty());
    repeat.setPromptText("Repeat the password");
    ToggleButton reveal = new ToggleButton(null, new FontIcon(MaterialDesignE.EYE));
    reveal.setId("reveal-password");
    reveal.setTooltip(new Tooltip("Show what you type (a stored password is never shown)"));
    passwordShown.visibleProperty().bind(reveal.selectedProperty());
    password.visibleProperty().bind(reveal.selectedProperty().not());
    StackPane passwordBox = new StackPane(password, passwordShown);
    HBox.setHgrow(passwordBox, Priority.ALWAYS);
    HBox passwordRow = new HBox(6, passwordBox, reveal);
    passwordRow.setAlignment(Pos.CENTER_LEFT);

    CheckBox enabled = new CheckBox("Enabled");
    enabled.setId("user-enabled");
    enabled.setTooltip(new Tooltip("Untick to keep the user but refuse their requests"));
    enabled.selectedProperty().bindBidirectional(model.formEnabledProperty());

    Button commit = new Button();
    commit.setId("commit-user");
    commit.setTooltip(
        new Tooltip("Put the user in the realm's list (Enter in a field); Save applies it"));
    commit.setDefaultButton(false);
    commit
        .textProperty()
        .bind(Bindings.when(model.editingUserProperty().isNull())
            .then("Add user")
            .otherwise("Update user"));
    commit.setGraphic(new FontIcon(MaterialDesignC.CHECK));
    commit.setOnAction(e -> model.commitUser());
    name.setOnAction(e -> model.commitUser());
    repeat.setOnAction(e -> model.commitUser());

    Label problem = new Label();
    problem.setId("user-form-problem");
    problem.getStyleClass().add("form-problem");
    problem.textProperty().bind(model.formProblemProperty());
    problem.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE));
    // always laid out, shown only with a problem: the form does not jump while the user types
    problem.visibleProperty().bind(model.formProblemProperty().isNotEmpty());

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.addRow(0, new Label("User name"), name);
    grid.addRow(1, new Label("Password"), passwordRow);
    grid.addRow(2, new Label("Repeat"), repeat);
    grid.add(new HBox(12, enabled, commit), 1, 3);
    GridPane.setHgrow(name, Priority.ALWAYS);
    VBox box = new VBox(8, title, grid, problem);
    box.getStyleClass().add("user-form");
    box.setPadding(new Insets(10));
    return box;
  }

  static Label message(String text, String kind, org.kordamp.ikonli.Ikon icon) {
    Label label = new Label(text, new FontIcon(icon));
    label.getStyleClass().addAll("editor-message", kind);
    label.setWrapText(true);
    return label;
  }

  /** Points the realm fields at another draft (unbinding the previous one). */
  private void bindRealm(RealmDraft realm) {
    if (bound != null) {
      realmName.textProperty().unbindBidirectional(bound.nameProperty());
      realmPatterns.textProperty().unbindBidirectional(bound.patternsProperty());
      realmConnectPorts.textProperty().unbindBidirectional(bound.connectPortsProperty());
      authForm.unbind(bound);
      faultsForm.unbind(bound);
    }
    bound = realm;
    if (realm == null) {
      users.setItems(javafx.collections.FXCollections.observableArrayList());
      realmName.setText("");
      realmPatterns.setText("");
      realmConnectPorts.setText("");
      realmDefault.setSelected(false);
      return;
    }
    realmName.textProperty().bindBidirectional(realm.nameProperty());
    realmPatterns.textProperty().bindBidirectional(realm.patternsProperty());
    realmConnectPorts.textProperty().bindBidirectional(realm.connectPortsProperty());
    authForm.bind(realm);
    faultsForm.bind(realm);
    boolean isDefault = realm == model.defaultRealmProperty().get();
    realmDefault.setSelected(isDefault);
    realmPatterns.setDisable(isDefault);
    realmPatterns.setPromptText(
        isDefault
            ? "The default realm covers every host no other realm matches"
            : "*.corp.example, api.example.com:8443");
    users.setItems(realm.users());
  }
}
