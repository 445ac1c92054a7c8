package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.core.auth.HtpasswdFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessOverridesTest {

  private static final HeadlessOverrides.UsersFileReader NO_FILE =
      file -> {
        throw new NoSuchFileException(file.toString());
      };

  private final HeadlessOverrides overrides =
      new HeadlessOverrides(password -> "hash:" + password.length, NO_FILE);

  @Test
  void keepsTheSettingsWhenNoFlagOverridesThem() throws UsageException {
    Settings base = Settings.defaults();

    assertThat(overrides.apply(base, Arguments.parse("--headless"))).isEqualTo(base);
  }

  @Test
  void listensWhereToldAndTurnsEnforcementOff() throws UsageException {
    Settings s = overrides.apply(Settings.defaults(), Arguments.parse("--headless", "--listen", "127.0.0.1:0", "--no-auth"));

    assertThat(s.listen()).isEqualTo(new ListenAddress("127.0.0.1", 0));
    assertThat(s.enforcement()).isFalse();
  }

  @Test
  void renamesTheDefaultRealmAndLeavesOthersAlone() throws UsageException {
    Realm corp = new Realm("Corp", List.of("*.corp.example"), List.of());
    Settings base = Settings.defaults().withRealms(List.of(corp, new Realm("Warden", List.of(), List.of())));

    Settings s = overrides.apply(base, Arguments.parse("--headless", "--realm", "Lab"));

    assertThat(s.realms()).extracting(Realm::name).containsExactly("Corp", "Lab");
  }

  @Test
  void addsADefaultRealmWhenTheSettingsHaveNone() throws UsageException {
    Settings base = Settings.defaults().withRealms(List.of());

    Settings s = overrides.apply(base, Arguments.parse("--headless", "--user", "alice:pw"));

    assertThat(s.defaultRealm()).get().extracting(Realm::name).isEqualTo("Warden");
    assertThat(s.defaultRealm().get().users()).extracting(User::name).containsExactly("alice");
  }

  @Test
  void replacesTheConfiguredUsersWithHashedUsersFromTheFlags() throws UsageException {
    Settings base =
        Settings.defaults()
            .withRealms(List.of(new Realm("Warden", List.of(), List.of(new User("old", true, "x")))));

    Settings s =
        overrides.apply(base, Arguments.parse("--headless", "--user", "alice:s3cret:with:colons", "--user", "bob:pw"));

    assertThat(s.defaultRealm().get().users())
        .containsExactly(new User("alice", true, "hash:18"), new User("bob", true, "hash:2"));
  }

  @Test
  void putsUsersFileUsersBeforeCommandLineUsers() throws UsageException {
    HeadlessOverrides withFile =
        new HeadlessOverrides(p -> "h", file -> List.of(new User("carol", true, "$2y$05$abc")));

    Settings s =
        withFile.apply(Settings.defaults(), Arguments.parse("--headless", "--users-file", "u", "--user", "alice:pw"));

    assertThat(s.defaultRealm().get().users()).extracting(User::name).containsExactly("carol", "alice");
  }

  @Test
  void refusesAUserGivenTwice() {
    assertThatThrownBy(
            () -> overrides.apply(Settings.defaults(), Arguments.parse("--headless", "--user", "a:1", "--user", "a:2")))
        .hasMessage("--user: user 'a' is given more than once");
  }

  @Test
  void refusesAUserOfTheFileGivenAgainOnTheCommandLine() {
    HeadlessOverrides withFile = new HeadlessOverrides(p -> "h", file -> List.of(new User("a", true, "x")));

    assertThatThrownBy(
            () -> withFile.apply(Settings.defaults(), Arguments.parse("--headless", "--users-file", "u", "--user", "a:1")))
        .hasMessage("--user: user 'a' is given more than once");
  }

  @Test
  void saysWhenTheUsersFileDoesNotExist() {
    assertThatThrownBy(
            () -> overrides.apply(Settings.defaults(), Arguments.parse("--headless", "--users-file", "missing.htpasswd")))
        .hasMessage("--users-file: 'missing.htpasswd' does not exist");
  }

  @Test
  void saysWhenTheUsersFileIsNotReadable() {
    HeadlessOverrides denied =
        new HeadlessOverrides(p -> "h", file -> {
          throw new AccessDeniedException(file.toString());
        });

    assertThatThrownBy(() -> denied.apply(Settings.defaults(), Arguments.parse("--headless", "--users-file", "u")))
        .hasMessage("--users-file: 'u' cannot be read (permission denied)");
  }

  @Test
  void passesOnOtherReadFailures() {
    HeadlessOverrides failing =
        new HeadlessOverrides(p -> "h", file -> {
          throw new IOException("Is a directory");
        });

    assertThatThrownBy(() -> failing.apply(Settings.defaults(), Arguments.parse("--headless", "--users-file", "u")))
        .hasMessage("--users-file: 'u' cannot be read: Is a directory");
  }

  @Test
  void passesOnTheLineABadUsersFileNames(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("users.htpasswd");
    Files.writeString(file, "# users\ncarol:abNANd8rmVzhs\n");
    HeadlessOverrides real = new HeadlessOverrides(p -> "h", HtpasswdFile::read);

    assertThatThrownBy(() -> real.apply(Settings.defaults(), Arguments.parse("--headless", "--users-file", file.toString())))
        .hasMessageStartingWith("--users-file: '" + file + "', line 2: ")
        .message()
        .doesNotContain("abNANd8rmVzhs");
  }
}
