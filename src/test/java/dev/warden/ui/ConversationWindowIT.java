package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.traffic.Exchange;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.Users;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real window over a real Warden: a real 407 and its retry shown as one conversation, with diagnoses. */
@ExtendWith(ApplicationExtension.class)
class ConversationWindowIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(Users.realmWith("Corp", Users.user("alice", "s3cret")));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  private static void select(FxRobot robot, Exchange row) {
    TableView<Exchange> table = LiveWindow.table(robot);
    robot.interact(() -> table.getSelectionModel().select(row));
  }

  private static String conversationText(FxRobot robot) {
    return robot.lookup("#details-conversation").queryAs(Label.class).getText();
  }

  private static String diagnosisText(FxRobot robot) {
    VBox box = robot.lookup("#details-diagnosis").queryAs(VBox.class);
    StringBuilder out = new StringBuilder();
    for (Node n : box.getChildren()) {
      out.append(((Label) n).getText()).append('\n');
    }
    return out.toString();
  }

  @Test
  void showsARealChallengeAndItsRetryAsOneConversation(FxRobot robot) throws Exception {
    live.awaitListening();
    HttpClient client = HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", live.port())))
        .authenticator(new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication("alice", "s3cret".toCharArray());
          }
        })
        .build();
    String url = live.url("/conversation");
    assertThat(client
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode())
        .isEqualTo(200);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 2);
    Exchange challenge = LiveWindow.table(robot).getItems().get(0);
    Exchange retry = LiveWindow.table(robot).getItems().get(1);
    assertThat(challenge.status()).isEqualTo(407);

    select(robot, challenge);
    LiveWindow.await(() -> conversationText(robot).contains("→ 200"));

    assertThat(conversationText(robot))
        .matches("(?s)Conversation #" + challenge.id()
            + ": retried after \\d+ ms with Basic as alice → 200\n" + "#" + challenge.id()
            + " 407 → #" + retry.id() + " 200");
    select(robot, retry);
    assertThat(conversationText(robot))
        .startsWith("Conversation #" + challenge.id() + ": retried after");
  }

  @Test
  void diagnosesAClientOfferingASchemeTheRealmDoesNotOffer(FxRobot robot) throws Exception {
    live.awaitListening();
    try (RawHttpConnection c = new RawHttpConnection(live.port())) {
      assertThat(c.exchange(
                  "GET " + live.url("/ntlm") + " HTTP/1.1\r\nHost: " + live.originAuthority()
                      + "\r\nProxy-Authorization: NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw==\r\n\r\n")
              .status())
          .isEqualTo(407);
    }
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);

    select(robot, LiveWindow.table(robot).getItems().get(0));

    LiveWindow.await(() -> diagnosisText(robot).contains("NTLM"));
    assertThat(diagnosisText(robot))
        .contains(
            "The client answered with NTLM, which realm 'Corp' does not offer (it offers Basic)");
    assertThat(robot.lookup("#details-diagnosis").queryAs(VBox.class).isVisible())
        .isTrue();
  }

  @Test
  void saysWhatEnforcementWouldHaveDecidedWhileItIsOff(FxRobot robot) throws Exception {
    live.awaitListening();
    live.warden().setEnforcement(false).get();
    assertThat(live.get("/off", "alice", "wrong").status()).isEqualTo(200);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);

    select(robot, LiveWindow.table(robot).getItems().get(0));

    LiveWindow.await(() -> diagnosisText(robot).contains("would have been"));
    assertThat(diagnosisText(robot))
        .contains(
            "Enforcement is off, so this request went through; with enforcement on it would have been refused: wrong password");
  }

  @Test
  void conversationModeShowsOneRowPerConversationAndFiltersByVerdict(FxRobot robot)
      throws Exception {
    live.awaitListening();
    String wrong = "GET " + live.url("/repeats") + " HTTP/1.1\r\nHost: " + live.originAuthority()
        + "\r\nProxy-Authorization: " + Users.basic("alice", "guess") + "\r\n\r\n";
    try (RawHttpConnection c = new RawHttpConnection(live.port())) {
      c.exchange("GET " + live.url("/repeats") + " HTTP/1.1\r\nHost: " + live.originAuthority()
          + "\r\n\r\n");
      c.exchange(wrong);
      c.exchange(wrong);
    }
    assertThat(live.get("/pre-emptive", "alice", "s3cret").status()).isEqualTo(200);
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 4);
    @SuppressWarnings("unchecked")
    javafx.scene.control.ComboBox<dev.warden.ui.traffic.ConversationMode> mode =
        robot.lookup("#conversation-filter").queryAs(javafx.scene.control.ComboBox.class);

    robot.interact(() -> mode.setValue(dev.warden.ui.traffic.ConversationMode.ALL));
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 2);
    assertThat(LiveWindow.table(robot).getItems())
        .extracting(Exchange::path)
        .containsExactly("/repeats", "/pre-emptive");

    dev.warden.ui.traffic.ConversationMode sameWrong =
        dev.warden.ui.traffic.ConversationMode.choices().stream()
            .filter(m -> m.verdict()
                == dev.warden.core.conversation.ConversationVerdict.SAME_WRONG_CREDENTIALS)
            .findFirst()
            .orElseThrow();
    robot.interact(() -> mode.setValue(sameWrong));
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    assertThat(LiveWindow.table(robot).getItems().get(0).path()).isEqualTo("/repeats");
    assertThat(robot
            .lookup(".table-row-cell .table-cell")
            .queryAllAs(javafx.scene.control.Labeled.class)
            .stream()
            .map(javafx.scene.control.Labeled::getText))
        .contains(
            "retried with the same wrong credentials: Basic as alice, 2 times → 407 (wrong password)");

    robot.interact(() -> mode.setValue(dev.warden.ui.traffic.ConversationMode.OFF));
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 4);
  }
}
