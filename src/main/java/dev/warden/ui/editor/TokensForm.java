package dev.warden.ui.editor;

import atlantafx.base.theme.Styles;
import dev.warden.core.settings.BearerToken;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A realm's Bearer tokens in the editor's Authentication tab: the stored ones by name and hash
 * start, a Remove button, and a name with a masked field to add one (typed once, hashed at once).
 * Bound to one {@link TokensDraft} at a time. FX thread.
 */
final class TokensForm {

  private final ListView<BearerToken> list = new ListView<>();
  private final Button remove = new Button("Remove token");
  private final TextField name = new TextField();
  private final PasswordField token = new PasswordField();
  private final Button add = new Button("Add token");
  private final Label error = new Label();
  private TokensDraft bound;

  Node node() {
    list.setId("realm-tokens");
    list.setPrefHeight(90);
    list.setPlaceholder(
        new Label("No Bearer tokens (Bearer is offered with --schemes or in the settings file)"));
    list.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(BearerToken item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : TokensDraft.shown(item));
      }
    });
    remove.setId("realm-token-remove");
    remove.setTooltip(new Tooltip(
        "Remove the selected token: a client sending it is refused from the next request"));
    remove
        .disableProperty()
        .bind(list.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> {
      BearerToken selected = list.getSelectionModel().getSelectedItem();
      if (bound != null && selected != null) {
        bound.remove(selected);
      }
    });
    name.setId("realm-token-name");
    name.setPromptText("name, e.g. ci-bot");
    name.setPrefColumnCount(10);
    token.setId("realm-token-value");
    token.setPromptText("token (stored hashed, never shown)");
    HBox.setHgrow(token, Priority.ALWAYS);
    add.setId("realm-token-add");
    add.setTooltip(new Tooltip(
        "Add the token typed beside it under that name (stored hashed, shown only by its hash)"));
    add.setOnAction(e -> {
      if (bound != null && bound.add(token.getText().toCharArray())) {
        token.clear();
      }
    });
    error.setId("realm-token-error");
    error.setWrapText(true);
    error.getStyleClass().add(Styles.DANGER);
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    HBox adding = new HBox(8, name, token, add);
    adding.setAlignment(Pos.CENTER_LEFT);
    HBox listRow = new HBox(8, list, remove);
    HBox.setHgrow(list, Priority.ALWAYS);
    return new VBox(6, listRow, adding, error);
  }

  /** Shows {@code draft}'s tokens and edits them. */
  void bind(TokensDraft draft) {
    bound = draft;
    list.setItems(draft.tokens());
    name.textProperty().bindBidirectional(draft.nameProperty());
    error.textProperty().bind(draft.errorProperty());
    token.clear();
  }

  /** Stops editing {@code draft}. */
  void unbind(TokensDraft draft) {
    name.textProperty().unbindBidirectional(draft.nameProperty());
    error.textProperty().unbind();
    error.setText("");
    list.setItems(null);
    token.clear();
    bound = null;
  }
}
