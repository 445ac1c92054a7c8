package dev.warden.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * What the empty traffic table shows: how to point a client at Warden, and how to add a user so
 * requests stop being challenged. FX thread.
 */
final class FirstRunHint {

  private FirstRunHint() {}

  /**
   * @param proxyAddress the address clients should use, kept current
   * @param addUser opens the editor
   */
  static Node create(ObservableStringValue proxyAddress, Runnable addUser) {
    FontIcon icon = new FontIcon(MaterialDesignS.SHIELD_LOCK_OUTLINE);
    icon.getStyleClass().add("hint-icon");
    Label title = new Label("Waiting for traffic");
    title.getStyleClass().add(Styles.TITLE_3);
    Label point = new Label();
    point.setId("first-run-hint");
    point.getStyleClass().add("hint-text");
    point.setWrapText(true);
    point
        .textProperty()
        .bind(Bindings.createStringBinding(
            () -> "Point a client at Warden: set its HTTP proxy to " + proxyAddress.get()
                + ", or try\ncurl -x http://" + proxyAddress.get() + " http://example.com/",
            proxyAddress));
    Label users =
        new Label("While 407 enforcement is on, every request is challenged until it carries the"
            + " credentials of a user of the realm. Add a user to let a client through.");
    users.getStyleClass().add("hint-text");
    users.setWrapText(true);
    Button add = new Button("Add a user", new FontIcon(MaterialDesignA.ACCOUNT_PLUS));
    add.setId("hint-add-user");
    add.setTooltip(new Tooltip("Open the realms and users editor (Ctrl+R)"));
    add.getStyleClass().add(Styles.ACCENT);
    add.setOnAction(e -> addUser.run());
    VBox box = new VBox(12, icon, title, point, users, add);
    box.getStyleClass().add("first-run");
    box.setAlignment(Pos.CENTER);
    box.setMaxWidth(520);
    return box;
  }
}
