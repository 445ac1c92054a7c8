package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.ProxyProfile;
import dev.warden.core.settings.ProxyProfiles;
import dev.warden.core.settings.Settings;
import dev.warden.testing.RawResponse;
import dev.warden.ui.traffic.ExchangeFacts;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The editor's Faults tab in the real window: profiles, knobs with their sentences, the marked rows. */
@ExtendWith(ApplicationExtension.class)
class FaultsTabIT {

  private LiveWindow live;

  @Start
  void start(Stage stage) throws Exception {
    live = new LiveWindow(Settings.defaults());
    live.show(stage);
  }

  @AfterEach
  void close() {
    live.close();
  }

  @Test
  void showsOneSentencePerKnob(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#open-editor");
    robot.clickOn("Faults");
    for (FaultKnob knob : FaultKnob.values()) {
      assertThat(
              robot.lookup("#knob-sentence-" + knob.knob()).queryAs(Label.class).getText())
          .isEqualTo(knob.sentence());
    }
    assertThat(robot.lookup("#realm-profile-note").queryAs(Label.class).getText())
        .isEqualTo("Behaves like Strict RFC");
  }

  @Test
  void aKnobTypedAndSavedShapesTheNextRefusalAndItsRowIsMarked(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#open-editor");
    robot.clickOn("Faults");
    robot.clickOn("#knob-connection").write("close");
    assertThat(robot.lookup("#realm-profile-note").queryAs(Label.class).getText())
        .isEqualTo("Custom: Strict RFC with connection=close");
    robot.clickOn("#save-editor");
    LiveWindow.await(
        () -> live.warden().settings().realms().get(0).faults().connection().equals("close"));

    RawResponse response = live.get("/faulted", null, null);
    assertThat(response.status()).isEqualTo(407);
    assertThat(response.header("Connection")).isEqualTo("close");
    LiveWindow.await(() -> LiveWindow.table(robot).getItems().size() == 1);
    LiveWindow.await(() -> robot.lookup(".auth-cell").queryAllAs(Labeled.class).stream()
        .anyMatch(c -> c.getText() != null && c.getText().startsWith(ExchangeFacts.FAULT_MARK)));
  }

  @Test
  void applyingAProfileFillsTheKnobsAndTheSchemes(FxRobot robot) throws Exception {
    live.awaitListening();
    robot.clickOn("#open-editor");
    robot.clickOn("Faults");
    @SuppressWarnings("unchecked")
    ComboBox<ProxyProfile> profile = robot.lookup("#realm-profile").queryAs(ComboBox.class);
    robot.interact(() -> profile.setValue(ProxyProfiles.named("tinyproxy 1.11").orElseThrow()));
    robot.clickOn("#realm-profile-apply");
    assertThat(robot.lookup("#knob-version").queryAs(TextField.class).getText()).isEqualTo("1.0");
    assertThat(robot.lookup("#realm-profile-note").queryAs(Label.class).getText())
        .isEqualTo("Behaves like tinyproxy 1.11");
    robot.clickOn("#save-editor");
    LiveWindow.await(
        () -> live.warden().settings().realms().get(0).faults().httpVersion().equals("1.0"));
    assertThat(live.get("/tiny", null, null).statusLine())
        .isEqualTo("HTTP/1.0 407 Proxy Authentication Required");
  }

  @Test
  void theToolbarPickerMakesTheDefaultRealmBehaveLikeTheChosenProxy(FxRobot robot)
      throws Exception {
    live.awaitListening();
    @SuppressWarnings("unchecked")
    // at the test window's width the picker may sit in the toolbar's overflow menu: find it among
    // the items
    ComboBox<ProxyProfile> picker = (ComboBox<ProxyProfile>)
        robot.lookup(".tool-bar").queryAs(javafx.scene.control.ToolBar.class).getItems().stream()
            .filter(n -> "toolbar-profile".equals(n.getId()))
            .findFirst()
            .orElseThrow();
    assertThat(picker.getValue().name()).isEqualTo("Strict RFC");
    robot.interact(() -> picker.setValue(ProxyProfiles.named("mitmproxy 8").orElseThrow()));
    LiveWindow.await(
        () -> live.warden().settings().realms().get(0).faults().body().equals("mitmproxy"));
    RawResponse response = live.get("/mitm", null, null);
    assertThat(response.headers().stream().map(h -> h[0]).toList())
        .containsExactly("Proxy-Authenticate", "content-length");
  }
}
