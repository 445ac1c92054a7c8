package dev.warden.ui.replay;

import dev.warden.core.replay.ResendCredentials;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Asks for the user to resend as and that user's password (Warden stores only hashes, so the user
 * types it; it is used for this request and wiped). FX thread.
 */
public final class ResendDialog {

  private final Dialog<ResendCredentials.AsUser> dialog = new Dialog<>();
  private final ComboBox<String> user = new ComboBox<>();
  private final PasswordField password = new PasswordField();

  /**
   * @param users the names to offer
   * @param fixedUser the user to resend as, when the choice is made already ("as it was")
   */
  public ResendDialog(
      Window owner, long exchangeId, List<String> users, Optional<String> fixedUser) {
    dialog.initOwner(owner);
    dialog.setTitle("Resend #" + exchangeId);
    dialog.setHeaderText(fixedUser
        .map(u -> "Resend #" + exchangeId + " as it was, as " + u)
        .orElse("Resend #" + exchangeId + " as another user"));
    user.setId("resend-user");
    user.setEditable(true);
    user.getItems().setAll(users);
    fixedUser.ifPresent(u -> {
      user.setValue(u);
      user.setDisable(true);
    });
    password.setId("resend-password");
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label("User"), user);
    grid.addRow(1, new Label("Password"), password);
    dialog.getDialogPane().setContent(grid);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog
        .getDialogPane()
        .lookupButton(ButtonType.OK)
        .disableProperty()
        .bind(user.valueProperty().isNull().or(user.getEditor().textProperty().isEmpty()));
    dialog.setResultConverter(button -> {
      String name = user.isEditable() && !user.isDisabled()
          ? user.getEditor().getText().strip()
          : user.getValue();
      ResendCredentials.AsUser chosen = button == ButtonType.OK
          ? new ResendCredentials.AsUser(name, password.getText().toCharArray())
          : null;
      // the field's text is a String: it cannot be wiped, only dropped as soon as possible
      password.clear();
      return chosen;
    });
    Platform.runLater(password::requestFocus);
  }

  public Optional<ResendCredentials.AsUser> ask() {
    return dialog.showAndWait();
  }
}
