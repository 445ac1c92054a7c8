package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.testing.RawResponse;
import java.time.Duration;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Offering Digest qop=auth-int from the realm's Authentication tab: saved and in the next challenge. */
@ExtendWith(ApplicationExtension.class)
class AuthIntEditorIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    Realm lab = new Realm(
        "Lab",
        List.of(),
        List.of(),
        new RealmAuth(List.of("digest"), List.of("SHA-256"), Duration.ofMinutes(5), 403));
    live = new LiveWindow(Settings.defaults().withRealms(List.of(lab)));
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  @Test
  void offeringAuthIntChangesTheNextChallenge(FxRobot robot) throws Exception {
    live.awaitListening();
    assertThat(live.get("/before", null, null).header("Proxy-Authenticate"))
        .contains("qop=\"auth\"");

    robot.clickOn("#open-editor");
    robot.clickOn("Authentication");
    robot.clickOn("#realm-auth-int");
    robot.clickOn("#save-editor");
    LiveWindow.await(() -> live.warden().settings().realms().get(0).auth().authInt());

    RawResponse after = live.get("/after", null, null);
    assertThat(after.header("Proxy-Authenticate")).contains("qop=\"auth,auth-int\"");
  }
}
