package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.DigestAnswer;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.Users;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
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

/**
 * Each client diagnosis in the real window, produced by a real client through the real proxy:
 * realm 'Corp' guards 127.0.0.1 with Digest SHA-256 then Basic; realm 'Lab' (the default) holds bob.
 */
@ExtendWith(ApplicationExtension.class)
class DiagnosisWindowIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    Realm corp = new Realm(
        "Corp",
        List.of("127.0.0.1"),
        List.of(Users.user("alice", "s3cret"), Users.user("jürgen", "pässword")),
        RealmAuth.defaults()
            .withSchemes(List.of(RealmAuth.DIGEST, RealmAuth.BASIC))
            .withDigestAlgorithms(List.of("SHA-256")));
    Realm lab = new Realm("Lab", List.of(), List.of(Users.user("bob", "b0b")));
    live = new LiveWindow(Settings.defaults().withRealms(List.of(corp, lab)));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  /** Selects the latest row matching {@code which} and waits until the diagnosis says {@code expected}. */
  private static String diagnosisOf(FxRobot robot, Predicate<Exchange> which, String expected)
      throws Exception {
    TableView<Exchange> table = LiveWindow.table(robot);
    LiveWindow.await(() -> table.getItems().stream().anyMatch(which));
    Exchange row = table.getItems().stream().filter(which).reduce((a, b) -> b).orElseThrow();
    robot.interact(() -> table.getSelectionModel().select(row));
    LiveWindow.await(() -> text(robot).contains(expected));
    return text(robot);
  }

  private static String text(FxRobot robot) {
    StringBuilder out = new StringBuilder();
    for (Node n : robot.lookup("#details-diagnosis").queryAs(VBox.class).getChildren()) {
      out.append(((Label) n).getText()).append('\n');
    }
    return out.toString();
  }

  private String get(String path) {
    return "GET " + live.url(path) + " HTTP/1.1\r\nHost: " + live.originAuthority() + "\r\n";
  }

  @Test
  void namesTheRealmThatHoldsTheUserAndThePatternThatChoseThisOne(FxRobot robot) throws Exception {
    live.awaitListening();
    try (RawHttpConnection c = new RawHttpConnection(live.port())) {
      c.exchange(get("/bob") + "Proxy-Authorization: " + Users.basic("bob", "b0b") + "\r\n\r\n");
    }

    assertThat(diagnosisOf(robot, e -> e.path().equals("/bob"), "bob"))
        .contains(
            "User 'bob' is not in realm 'Corp' but is in realm 'Lab' (the default realm). "
                + "Realm 'Corp' judged this request because its host pattern '127.0.0.1' matches 127.0.0.1:");
  }

  @Test
  void saysTheClientIgnoredTheCharset(FxRobot robot) throws Exception {
    live.awaitListening();
    String latin1 = "Basic "
        + Base64.getEncoder()
            .encodeToString("jürgen:pässword".getBytes(StandardCharsets.ISO_8859_1));
    try (RawHttpConnection c = new RawHttpConnection(live.port())) {
      assertThat(c.exchange(get("/jurgen") + "Proxy-Authorization: " + latin1 + "\r\n\r\n")
              .status())
          .isEqualTo(200);
    }

    assertThat(diagnosisOf(robot, e -> e.path().equals("/jurgen"), "ISO-8859-1"))
        .contains(
            "The client sent its Basic credentials in ISO-8859-1 although the challenge said charset=\"UTF-8\"");
  }

  @Test
  void saysTheRealmDoesNotOfferTheClientsAlgorithm(FxRobot robot) throws Exception {
    live.awaitListening();
    try (RawHttpConnection c = new RawHttpConnection(live.port())) {
      RawResponse challenge = c.exchange(get("/md5") + "\r\n");
      String md5 = DigestAnswer.to(challenge.header("Proxy-Authenticate"), "alice", "s3cret")
          .algorithm("MD5")
          .uri(live.url("/md5"))
          .header();
      c.exchange(get("/md5") + "Proxy-Authorization: " + md5 + "\r\n\r\n");
    }

    assertThat(diagnosisOf(
            robot, e -> e.path().equals("/md5") && !e.received().scheme().isEmpty(), "MD5"))
        .contains("The client computed Digest with MD5, but realm 'Corp' offers SHA-256");
  }

  @Test
  void saysTheClientAnsweredOnlyTheLastChallenge(FxRobot robot) throws Exception {
    live.awaitListening();
    try (RawHttpConnection c = new RawHttpConnection(live.port())) {
      c.exchange(get("/last") + "\r\n");
      c.exchange(
          get("/last") + "Proxy-Authorization: " + Users.basic("alice", "wrong") + "\r\n\r\n");
    }

    assertThat(diagnosisOf(
            robot, e -> e.path().equals("/last") && !e.received().scheme().isEmpty(), "last of"))
        .contains(
            "The client answered the last of 2 challenges (Basic), not the first (Digest SHA-256)");
  }

  @Test
  void tellsAJavaClientThatNeverAnswersBasicOnConnectTheFlag(FxRobot robot) throws Exception {
    live.awaitListening();
    HttpClient java = HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", live.port())))
        .authenticator(new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication("alice", "s3cret".toCharArray());
          }
        })
        .build();
    try {
      java.send(
          HttpRequest.newBuilder(URI.create("https://" + live.originAuthority() + "/tunnel"))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException tunnelFailed) {
      // JDK 17 hands back the 407; either way the tunnel was never answered
    }

    // the conversation gives up after the 5 s retry window: the diagnosis appears then
    assertThat(diagnosisOf(robot, Exchange::isConnect, "jdk.http.auth.tunneling.disabledSchemes"))
        .contains("never answers Basic on CONNECT")
        .contains("-Djdk.http.auth.tunneling.disabledSchemes=\"\"");
  }
}
