package dev.warden.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.settings.JsonSettingsStore;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.testing.Users;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SquidExportCommandIT {

  @TempDir
  Path dir;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) throws UsageException {
    Terminal terminal = new Terminal(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    HeadlessMode mode = new HeadlessMode(
        terminal,
        JsonSettingsStore::new,
        () -> dir.resolve("default-settings.json"),
        new HeadlessOverrides(new PasswordHasher()::hash, UsersFile::read),
        stop -> {
          throw new AssertionError("an export never listens");
        });
    return mode.run(Arguments.parse(args));
  }

  @Test
  void writesTheExportAndNamesTheUsersWhoNeedTheirPassword() throws Exception {
    Path config = dir.resolve("settings.json");
    new JsonSettingsStore(config)
        .save(Settings.defaults()
            .withRealms(List.of(new Realm(
                "Warden",
                List.of(),
                List.of(
                    new User("april", true, "$apr1$Wq3kP9zA$j0SpeKgNG8on5qRyizppV."),
                    new User("shay", true, "{SHA}KkPcK3XYeA35EhWhKYmaCyAgadY="),
                    Users.user("walter", "w-secret"))))));
    Path export = dir.resolve("export");

    int status = run(
        "--export-squid",
        export.toString(),
        "--config",
        config.toString(),
        "--headless",
        "--user",
        "walter:w-secret",
        "--user",
        "nobody:x");

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertEquals(
        "warden: warning: --user: no user 'nobody' in the settings; its password is not used\n",
        err.toString(StandardCharsets.UTF_8));
    assertTrue(
        printed.startsWith("wrote squid.conf, passwords, README-export.txt to " + export + "\n"),
        printed);
    assertTrue(printed.contains("(--user NAME:PASSWORD): Warden/shay\n"), printed);
    String passwords = Files.readString(export.resolve("passwords"));
    assertTrue(
        passwords.contains("april:$apr1$") && passwords.contains("walter:$2y$10$"),
        "--user gave walter's password and replaced no user");
  }

  @Test
  void takesTheHeadlessFlagsWithoutHeadlessAndRefusesReplaceWithoutAnExport() throws Exception {
    Arguments args = Arguments.parse("--export-squid", "out", "--user", "a:b", "--replace-export");
    assertEquals(java.util.Optional.of(Path.of("out")), args.exportSquid());
    assertTrue(args.replaceExport());
    UsageException refused = org.junit.jupiter.api.Assertions.assertThrows(
        UsageException.class, () -> Arguments.parse("--headless", "--replace-export"));
    assertEquals("--replace-export: only with --export-squid DIR", refused.getMessage());
  }

  @Test
  void exportsAndExitsInItsOwnProcessWithoutOpeningAWindow() throws Exception {
    Path export = dir.resolve("export");
    try (WardenProcess warden = WardenProcess.start("--export-squid", export.toString())) {
      assertEquals(0, warden.awaitExit());
      assertEquals(
          "wrote squid.conf, passwords, README-export.txt to " + export,
          warden.out().get(0));
    }
    assertTrue(
        Files.readString(export.resolve("squid.conf")).contains("\nhttp_port 127.0.0.1:3128\n"));
    try (WardenProcess again = WardenProcess.start("--export-squid", export.toString())) {
      assertEquals(Terminal.USAGE, again.awaitExit());
      assertEquals(
          java.util.List.of("warden: --export-squid: '" + export
              + "' is not empty (choose an empty folder or add --replace-export)"),
          again.err());
    }
  }

  @Test
  void refusesAFileAsTheFolderWithOneLineAndStatusTwo() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");

    assertEquals(Terminal.USAGE, run("--export-squid", file.toString()));
    assertEquals(
        "warden: --export-squid: '" + file + "' is a file, not a folder\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals("x", Files.readString(file));
  }

  @Test
  void refusesAFolderThatIsNotEmptyUnlessToldToReplace() throws Exception {
    Path export = Files.createDirectory(dir.resolve("export"));
    Files.writeString(export.resolve("mine.txt"), "x");

    assertEquals(Terminal.USAGE, run("--export-squid", export.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not empty"));
    assertEquals(0, run("--export-squid", export.toString(), "--replace-export"));
    assertTrue(Files.isRegularFile(export.resolve("squid.conf")));
  }
}
