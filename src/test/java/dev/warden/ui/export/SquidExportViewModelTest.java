package dev.warden.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.testing.Users;
import dev.warden.ui.feedback.Notifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SquidExportViewModelTest {

  @TempDir
  Path temp;

  final List<Runnable> background = new ArrayList<>();
  final List<String> shown = new ArrayList<>();
  final Notifier notifier = new Notifier() {
    @Override
    public void info(String message) {
      shown.add("info: " + message);
    }

    @Override
    public void error(String message) {
      shown.add("error: " + message);
    }
  };

  final Settings settings = Settings.defaults()
      .withRealms(List.of(new Realm(
          "Warden",
          List.of(),
          List.of(
              new User("april", true, "$apr1$Wq3kP9zA$j0SpeKgNG8on5qRyizppV."),
              Users.user("walter", "w-secret")))));
  final SquidExportViewModel model =
      new SquidExportViewModel(() -> settings, background::add, Runnable::run, notifier);

  void runBackground() {
    List<Runnable> tasks = List.copyOf(background);
    background.clear();
    tasks.forEach(Runnable::run);
  }

  @Test
  void writesNothingOnTheCallingThreadAndIsBusyUntilTheOutcomeIsShown() {
    Path chosen = temp.resolve("export");
    model.export(chosen);

    assertFalse(
        Files.exists(chosen),
        "the FX thread does no I/O: the work waits for the background thread");
    assertTrue(model.busyProperty().get());
    runBackground();
    assertTrue(Files.isRegularFile(chosen.resolve("squid.conf")));
    assertFalse(model.busyProperty().get());
    assertEquals(
        List.of("info: Squid configuration written to " + chosen
            + "; left out until their password is given (see README-export.txt): Warden/walter."),
        shown);
  }

  @Test
  void exportsIntoANewSubfolderWhenTheChosenFolderHoldsFiles() throws Exception {
    Files.writeString(temp.resolve("mine.txt"), "x");
    model.export(temp);
    runBackground();

    assertTrue(
        Files.isRegularFile(temp.resolve(SquidExportViewModel.SUBFOLDER).resolve("squid.conf")));
    assertEquals("x", Files.readString(temp.resolve("mine.txt")));
  }

  @Test
  void saysSoWhenNoFolderCanTakeTheExport() throws Exception {
    Files.writeString(temp.resolve("mine.txt"), "x");
    Files.createDirectories(temp.resolve(SquidExportViewModel.SUBFOLDER))
        .resolve("other.txt")
        .toFile()
        .createNewFile();
    model.export(temp);
    runBackground();

    assertEquals(1, shown.size());
    assertTrue(shown.get(0).startsWith("error: Could not export to Squid: "), shown.get(0));
    assertFalse(model.busyProperty().get());
  }
}
