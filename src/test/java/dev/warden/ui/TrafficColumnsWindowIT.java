package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.TrafficLog;
import dev.warden.testing.EarlyAnswerOrigin;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.Users;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** How the table's cells look: HTTP result apart from the auth outcome, six-digit ids, clipped text. */
@ExtendWith(ApplicationExtension.class)
class TrafficColumnsWindowIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(Users.realmWith("Lab", Users.user("alice", "right")));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  @SuppressWarnings("unchecked")
  private static TableCell<Exchange, ?> cell(FxRobot robot, String column, int row) {
    return (TableCell<Exchange, ?>) robot
        .lookup(".table-cell")
        .match(n -> n instanceof TableCell<?, ?> c
            && c.getTableColumn() != null
            && column.equals(c.getTableColumn().getId())
            && c.getIndex() == row
            && !c.isEmpty())
        .query();
  }

  @Test
  void colorsAnOriginsClientErrorAsAClientErrorEvenWhenTheRequestAuthenticated(FxRobot robot)
      throws Exception {
    live.awaitListening();
    try (EarlyAnswerOrigin origin = new EarlyAnswerOrigin();
        RawHttpConnection c = new RawHttpConnection(live.port())) {
      String credentials =
          Base64.getEncoder().encodeToString("alice:right".getBytes(StandardCharsets.UTF_8));
      assertThat(c.exchange("GET " + origin.url("/missing") + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + origin.port() + "\r\nProxy-Authorization: Basic " + credentials
                  + "\r\nConnection: close\r\n\r\n")
              .status())
          .isEqualTo(405);
    }
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    TableCell<Exchange, ?> status = cell(robot, "status", 0);
    TableCell<Exchange, ?> auth = cell(robot, "auth", 0);
    assertThat(status.getPseudoClassStates())
        .contains(PseudoClass.getPseudoClass("client-error"))
        .doesNotContain(PseudoClass.getPseudoClass("success"));
    assertThat(auth.getTableRow().getPseudoClassStates())
        .contains(PseudoClass.getPseudoClass("authenticated"));
    assertThat(status.getTextFill())
        .as("the 405 is not in the authenticated colour")
        .isNotEqualTo(auth.getTextFill());
  }

  @Test
  void showsASixDigitExchangeNumberWhole(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.interact(() -> live.window()
        .trafficModel()
        .append(new TrafficLog.Batch(
            List.of(Exchanges.ok(999_999, "http://127.0.0.1/six-digits", "alice")), 1, 0)));
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    TableCell<Exchange, ?> id = cell(robot, "id", 0);
    assertThat(((Text) id.lookup(".text")).getText()).isEqualTo("999999");
  }

  @Test
  void putsTheConversationVerdictRightAfterTheAuthColumnAndShowsItOnlyInConversationMode(
      FxRobot robot) throws Exception {
    var table = LiveWindow.table(robot);
    List<String> ids = table.getColumns().stream().map(c -> c.getId()).toList();
    assertThat(ids.indexOf("conversation")).isEqualTo(ids.indexOf("auth") + 1);
    var conversation = table.getColumns().get(ids.indexOf("conversation"));
    assertThat(conversation.isVisible()).isFalse();
    robot.interact(() -> live.window()
        .trafficModel()
        .conversationModeProperty()
        .set(dev.warden.ui.traffic.ConversationMode.ALL));
    assertThat(conversation.isVisible()).isTrue();
  }

  @Test
  void givesAClippedCellItsWholeTextAsATooltipAndAWholeCellNone(FxRobot robot) throws Exception {
    live.awaitListening();
    String longPath = "/" + "a-very-long-segment/".repeat(12) + "end";
    live.get(longPath, null, null);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    TableCell<Exchange, ?> path = cell(robot, "path", 0);
    robot.moveTo(path);
    assertThat(path.getTooltip()).isNotNull();
    assertThat(path.getTooltip().getText()).isEqualTo(longPath);
    TableCell<Exchange, ?> method = cell(robot, "method", 0);
    robot.moveTo(method);
    assertThat(method.getTooltip()).as("'GET' fits its column").isNull();
  }

  @Test
  void givesItsRowsTheHeightTheThemeGivesTheRowsOfAnyTable(FxRobot robot) throws Exception {
    live.awaitListening();
    assertThat(live.get("/", "alice", "right").status()).isEqualTo(200);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    Stage[] plainStage = new Stage[1];
    robot.interact(() -> {
      TableView<String> plain = new TableView<>(FXCollections.observableArrayList("row"));
      plain.getColumns().add(new TableColumn<String, String>("column"));
      Scene scene = new Scene(new StackPane(plain), 400, 200);
      scene.getStylesheets().setAll(LiveWindow.table(robot).getScene().getStylesheets());
      plainStage[0] = new Stage();
      plainStage[0].setScene(scene);
      plainStage[0].show();
    });
    try {
      // the traffic table fixes its row height (asking no row after each update): it must be the
      // height any table row of the theme has, so the table looks as it did before
      assertThat(rowHeight(robot, LiveWindow.table(robot)))
          .isPositive()
          .isEqualTo(rowHeight(
              robot,
              robot
                  .lookup(
                      n -> n instanceof TableView<?> t && t.getScene() == plainStage[0].getScene())
                  .queryAs(TableView.class)));
    } finally {
      robot.interact(plainStage[0]::close);
    }
  }

  private static double rowHeight(FxRobot robot, TableView<?> table) {
    return robot
        .from(table)
        .lookup(".table-row-cell")
        .match(n -> n instanceof IndexedCell<?> c && c.getIndex() == 0)
        .queryAs(IndexedCell.class)
        .getHeight();
  }
}
