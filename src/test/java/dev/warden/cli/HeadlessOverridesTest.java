package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.settings.BearerToken;
import dev.warden.core.settings.DigestSecrets;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.SettingsValidator;
import dev.warden.core.settings.User;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessOverridesTest {

  private static final HeadlessOverrides.UsersFileReader NO_FILE = file -> {
    throw new NoSuchFileException(file.toString());
  };

  private static final String MD5_HA1 = "939e7578ed9e3c518a452acee763bce9";
  private static final String BCRYPT = "$2y$05$" + "a".repeat(53);

  private final HeadlessOverrides overrides =
      new HeadlessOverrides(password -> "hash:" + password.length, NO_FILE);

  @Test
  void keepsTheSettingsWhenNoFlagOverridesThem() throws UsageException {
    Settings base = Settings.defaults();

    assertThat(overrides.apply(base, Arguments.parse("--headless"))).isEqualTo(base);
  }

  @Test
  void offersNtlmNegotiateAndBearerWithTokensStoredHashed() throws UsageException {
    Settings s = overrides.apply(
        Settings.defaults(),
        Arguments.parse(
            "--headless",
            "--schemes",
            "negotiate,ntlm,bearer,basic",
            "--token",
            "ci-bot:t0k3n-abc",
            "--token",
            "deploy:other"));

    Realm realm = s.realms().get(0);
    assertThat(realm.auth().schemes()).containsExactly("negotiate", "ntlm", "bearer", "basic");
    assertThat(realm.tokens()).extracting(BearerToken::name).containsExactly("ci-bot", "deploy");
    assertThat(realm.tokens().get(0).hash())
        .isEqualTo(BearerToken.hashOf("t0k3n-abc".toCharArray()))
        .doesNotContain("t0k3n-abc");
  }

  @Test
  void refusesATokenNameGivenTwice() {
    assertThatThrownBy(() -> overrides.apply(
            Settings.defaults(),
            Arguments.parse("--headless", "--token", "ci:one", "--token", "ci:two")))
        .isInstanceOf(UsageException.class)
        .hasMessage("--token: token 'ci' is given more than once");
  }

  @Test
  void listensWhereToldAndTurnsEnforcementOff() throws UsageException {
    Settings s = overrides.apply(
        Settings.defaults(), Arguments.parse("--headless", "--listen", "127.0.0.1:0", "--no-auth"));

    assertThat(s.listen()).isEqualTo(new ListenAddress("127.0.0.1", 0));
    assertThat(s.enforcement()).isFalse();
  }

  @Test
  void replacesTheLimitsTheFlagsGiveAndKeepsTheOthers() throws UsageException {
    Settings base = Settings.defaults()
        .withLimits(
            dev.warden.core.settings.Limits.DEFAULTS.withConnect(java.time.Duration.ofSeconds(3)));

    Settings s = overrides.apply(
        base, Arguments.parse("--headless", "--idle-timeout", "5s", "--max-connections", "9"));

    assertThat(s.limits())
        .isEqualTo(base.limits().withIdle(java.time.Duration.ofSeconds(5)).withMaxConnections(9));
  }

  @Test
  void renamesTheDefaultRealmAndLeavesOthersAlone() throws UsageException {
    Realm corp = new Realm("Corp", List.of("*.corp.example"), List.of());
    Settings base =
        Settings.defaults().withRealms(List.of(corp, new Realm("Warden", List.of(), List.of())));

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
    Settings base = Settings.defaults()
        .withRealms(List.of(new Realm("Warden", List.of(), List.of(new User("old", true, "x")))));

    Settings s = overrides.apply(
        base,
        Arguments.parse("--headless", "--user", "alice:s3cret:with:colons", "--user", "bob:pw"));

    assertThat(s.defaultRealm().get().users())
        .containsExactly(
            new User(
                "alice",
                true,
                "hash:18",
                CredentialMaterial.digest("alice", "Warden", "s3cret:with:colons".toCharArray())),
            new User(
                "bob",
                true,
                "hash:2",
                CredentialMaterial.digest("bob", "Warden", "pw".toCharArray())));
  }

  @Test
  void givesACommandLineUserDigestMaterialForTheRenamedRealm() throws UsageException {
    Settings s = overrides.apply(
        Settings.defaults(),
        Arguments.parse(
            "--headless", "--realm", "Lab", "--schemes", "digest", "--user", "alice:pw"));

    User alice = s.defaultRealm().get().users().get(0);
    assertThat(alice.digest())
        .isEqualTo(CredentialMaterial.digest("alice", "Lab", "pw".toCharArray()));
    assertThat(new SettingsValidator().digestGaps(s)).isEmpty();
  }

  @Test
  void setsTheDefaultRealmsSchemesAlgorithmsAndNonceLifetime() throws UsageException {
    Realm corp = new Realm("Corp", List.of("*.corp.example"), List.of());
    Settings base =
        Settings.defaults().withRealms(List.of(corp, new Realm("Warden", List.of(), List.of())));

    Settings s = overrides.apply(
        base,
        Arguments.parse(
            "--headless",
            "--schemes",
            "digest,basic",
            "--digest-algorithms",
            "MD5,SHA-256-sess",
            "--nonce-lifetime",
            "1h"));

    assertThat(s.defaultRealm().get().auth())
        .isEqualTo(new RealmAuth(
            List.of("digest", "basic"), List.of("MD5", "SHA-256-sess"), Duration.ofHours(1), 403));
    assertThat(s.realm("Corp")).contains(corp);
  }

  @Test
  void keepsTheConfiguredAuthOfWhatNoFlagSets() throws UsageException {
    RealmAuth configured =
        RealmAuth.defaults().withDisabledUserStatus(407).withDigestAlgorithms(List.of("MD5"));
    Settings base = Settings.defaults()
        .withRealms(List.of(new Realm("Warden", List.of(), List.of(), configured)));

    Settings s = overrides.apply(base, Arguments.parse("--headless", "--schemes", "digest"));

    assertThat(s.defaultRealm().get().auth()).isEqualTo(configured.withSchemes(List.of("digest")));
  }

  @Test
  void combinesAnHtpasswdAndAnHtdigestFileUserByUser(@TempDir Path dir)
      throws UsageException, IOException {
    Path htpasswd = Files.writeString(dir.resolve("users.htpasswd"), "carol:" + BCRYPT + "\n");
    Path htdigest = Files.writeString(
        dir.resolve("users.htdigest"),
        "carol:Warden:" + MD5_HA1 + "\ndave:Warden:" + MD5_HA1.toUpperCase() + "\n");
    HeadlessOverrides real =
        new HeadlessOverrides(p -> "random:" + new String(p).length(), UsersFile::read);

    Settings s = real.apply(
        Settings.defaults(),
        Arguments.parse(
            "--headless",
            "--schemes",
            "digest,basic",
            "--users-file",
            htpasswd.toString(),
            "--users-file",
            htdigest.toString()));

    DigestSecrets md5 = new DigestSecrets("Warden", Map.of("MD5", MD5_HA1));
    assertThat(s.defaultRealm().get().users())
        .containsExactly(
            new User("carol", true, BCRYPT, md5), new User("dave", true, "random:32", md5));
  }

  @Test
  void skipsAnHtdigestEntryOfAnotherRealmWithAWarning(@TempDir Path dir)
      throws UsageException, IOException {
    Path htdigest = Files.writeString(
        dir.resolve("users.htdigest"),
        "erin:Other realm:" + MD5_HA1 + "\nfrank:Corp:" + MD5_HA1 + "\n");
    HeadlessOverrides real = new HeadlessOverrides(p -> "h", UsersFile::read);
    List<String> warnings = new ArrayList<>();

    Settings s = real.apply(
        Settings.defaults(),
        Arguments.parse("--headless", "--realm", "Corp", "--users-file", htdigest.toString()),
        warnings::add);

    assertThat(s.defaultRealm().get().users()).extracting(User::name).containsExactly("frank");
    assertThat(warnings)
        .containsExactly("--users-file: '" + htdigest
            + "': user 'erin' is for realm 'Other realm', not 'Corp'; skipped");
  }

  @Test
  void refusesTheSameUserInTwoHtpasswdFiles() {
    HeadlessOverrides twice = new HeadlessOverrides(
        p -> "h", file -> new UsersFile.Htpasswd(List.of(new User("a", true, "x"))));

    assertThatThrownBy(() -> twice.apply(
            Settings.defaults(),
            Arguments.parse("--headless", "--users-file", "one", "--users-file", "two")))
        .hasMessage("--users-file: user 'a' appears more than once");
  }

  @Test
  void passesOnTheLineABadHtdigestFileNamesWithoutTheHash(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(
        dir.resolve("users.htdigest"),
        "carol:Warden:" + MD5_HA1 + "\ndave:Warden:" + MD5_HA1 + "0\n");
    HeadlessOverrides real = new HeadlessOverrides(p -> "h", UsersFile::read);

    assertThatThrownBy(() -> real.apply(
            Settings.defaults(), Arguments.parse("--headless", "--users-file", file.toString())))
        .hasMessage("--users-file: '" + file + "', line 2: HA1 must be 32 hex digits")
        .message()
        .doesNotContain(MD5_HA1);
  }

  @Test
  void refusesAUsersFileThatIsNotUtf8(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("users"), new byte[] {'z', (byte) 0xf6, ':', 'x'});
    HeadlessOverrides real = new HeadlessOverrides(p -> "h", UsersFile::read);

    assertThatThrownBy(() -> real.apply(
            Settings.defaults(), Arguments.parse("--headless", "--users-file", file.toString())))
        .hasMessage("--users-file: '" + file + "', the file is not UTF-8 text");
  }

  @Test
  void putsUsersFileUsersBeforeCommandLineUsers() throws UsageException {
    HeadlessOverrides withFile = new HeadlessOverrides(
        p -> "h", file -> new UsersFile.Htpasswd(List.of(new User("carol", true, "$2y$05$abc"))));

    Settings s = withFile.apply(
        Settings.defaults(),
        Arguments.parse("--headless", "--users-file", "u", "--user", "alice:pw"));

    assertThat(s.defaultRealm().get().users())
        .extracting(User::name)
        .containsExactly("carol", "alice");
  }

  @Test
  void refusesAUserGivenTwice() {
    assertThatThrownBy(() -> overrides.apply(
            Settings.defaults(), Arguments.parse("--headless", "--user", "a:1", "--user", "a:2")))
        .hasMessage("--user: user 'a' is given more than once");
  }

  @Test
  void refusesAUserOfTheFileGivenAgainOnTheCommandLine() {
    HeadlessOverrides withFile = new HeadlessOverrides(
        p -> "h", file -> new UsersFile.Htpasswd(List.of(new User("a", true, "x"))));

    assertThatThrownBy(() -> withFile.apply(
            Settings.defaults(),
            Arguments.parse("--headless", "--users-file", "u", "--user", "a:1")))
        .hasMessage("--user: user 'a' is given more than once");
  }

  @Test
  void saysWhenTheUsersFileDoesNotExist() {
    assertThatThrownBy(() -> overrides.apply(
            Settings.defaults(), Arguments.parse("--headless", "--users-file", "missing.htpasswd")))
        .hasMessage("--users-file: 'missing.htpasswd' does not exist");
  }

  @Test
  void saysWhenTheUsersFileIsNotReadable() {
    HeadlessOverrides denied = new HeadlessOverrides(p -> "h", file -> {
      throw new AccessDeniedException(file.toString());
    });

    assertThatThrownBy(() ->
            denied.apply(Settings.defaults(), Arguments.parse("--headless", "--users-file", "u")))
        .hasMessage("--users-file: 'u' cannot be read (permission denied)");
  }

  @Test
  void passesOnOtherReadFailures() {
    HeadlessOverrides failing = new HeadlessOverrides(p -> "h", file -> {
      throw new IOException("Is a directory");
    });

    assertThatThrownBy(() ->
            failing.apply(Settings.defaults(), Arguments.parse("--headless", "--users-file", "u")))
        .hasMessage("--users-file: 'u' cannot be read: Is a directory");
  }

  @Test
  void passesOnTheLineABadUsersFileNames(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("users.htpasswd");
    Files.writeString(file, "# users\ncarol:abNANd8rmVzhs\n");
    HeadlessOverrides real = new HeadlessOverrides(p -> "h", UsersFile::read);

    assertThatThrownBy(() -> real.apply(
            Settings.defaults(), Arguments.parse("--headless", "--users-file", file.toString())))
        .hasMessageStartingWith("--users-file: '" + file + "', line 2: ")
        .message()
        .doesNotContain("abNANd8rmVzhs");
  }
}
