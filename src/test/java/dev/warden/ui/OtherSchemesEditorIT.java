package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.BearerToken;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * NTLM, Negotiate, Bearer and the realm's tokens in the Authentication tab: named, each token shown
 * by name and hash start (never the token), and kept when the realm is saved after an edit.
 */
@ExtendWith(ApplicationExtension.class)
class OtherSchemesEditorIT {

  private static final String TOKEN = "t0k3n-never-shown";
  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    Realm lab = new Realm(
            "Lab",
            List.of(),
            List.of(),
            RealmAuth.defaults().withSchemes(List.of("negotiate", "ntlm", "basic", "bearer")))
        .withTokens(List.of(BearerToken.of("ci-bot", TOKEN.toCharArray())));
    live = new LiveWindow(Settings.defaults().withRealms(List.of(lab)));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  @Test
  void showsTheOtherSchemesAndMasksEachTokenAndKeepsThemOnSave(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#open-editor");
    robot.clickOn("Authentication");
    String shown = robot.lookup("#realm-other-schemes").queryAs(Label.class).getText();
    assertThat(shown).isEqualTo("Negotiate (NTLM inside; Kerberos not emulated), NTLM, Bearer");
    assertThat(robot.lookup("#realm-tokens").query().lookupAll(".list-cell").stream()
            .map(n -> ((javafx.scene.control.ListCell<?>) n).getText())
            .filter(t -> t != null)
            .toList())
        .containsExactly(
            "ci-bot  " + BearerToken.hashOf(TOKEN.toCharArray()).substring(0, 13) + "\u2026")
        .noneMatch(t -> t.contains(TOKEN));

    robot.clickOn("#realm-disabled-407");
    robot.clickOn("#save-editor");
    LiveWindow.await(
        () -> live.warden().settings().realms().get(0).auth().disabledUserStatus() == 407);
    Realm saved = live.warden().settings().realms().get(0);
    assertThat(saved.auth().schemes()).containsExactly("negotiate", "ntlm", "basic", "bearer");
    assertThat(saved.tokens()).extracting(BearerToken::name).containsExactly("ci-bot");
  }
}
