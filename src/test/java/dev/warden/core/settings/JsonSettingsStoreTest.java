package dev.warden.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSettingsStoreTest {

  private static final String HASH = "$pbkdf2-sha256$310000$c2FsdA$aGFzaA";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
  private static final String KEPT_NAME = "settings.json.corrupt-20260304-050607";
  private static final String MD5_HA1 = "939e7578ed9e3c518a452acee763bce9";
  private static final String SHA256_HA1 =
      "3b8a0c7ad1e8a5d8b0b1d1e1f1a1b1c1d1e1f101112131415161718191a1b1c1";
  /** A format-1 file as Warden wrote it, with an auth and a digest no Warden wrote (to be ignored). */
  private static final String FORMAT_ONE = """
      {
        "format": 1,
        "realms": [
          {
            "name": "Home",
            "hostPatterns": [],
            "users": [
              {
                "name": "alice",
                "enabled": true,
                "passwordHash": "%s",
                "digest": {"realm": "Home", "ha1": {"MD5": "%s"}}
              }
            ],
            "auth": {"schemes": ["digest"]}
          }
        ]
      }
      """.formatted(HASH, MD5_HA1);

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("settings.json");
  }

  private JsonSettingsStore store() {
    return new JsonSettingsStore(file(), CLOCK);
  }

  private static Settings rich() {
    return new Settings(
        ListenAddress.parse("[::1]:8080"),
        false,
        List.of(
            new Realm(
                "Corp Intranet",
                List.of("*.corp.example", "api.example.com:8443"),
                List.of(
                    new User("alice", true, HASH),
                    new User("bob", false, "$2y$10$abcdefghijklmnopqrstuv"))),
            new Realm("Lab", List.of("[::1]:9000"), List.of()),
            new Realm(
                "Everything else", List.of(), List.of(new User("carol", true, "{SHA}x+y/z=")))),
        250_000,
        0,
        true);
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void loadDeletesATempCopyASaveCutShortLeftBehindAndNothingElse() throws Exception {
    store().save(rich());
    // named exactly as a save names its temp file, holding what a killed save would have written
    Path leftover = Files.createTempFile(dir, ".settings.json.", ".tmp");
    Files.write(leftover, Files.readAllBytes(file()));
    Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
    Path inProgress = Files.createTempFile(dir, ".settings.json.", ".tmp");
    Path notOurs = Files.writeString(dir.resolve(".settings.json.notes.tmp"), "kept");
    Files.setLastModifiedTime(notOurs, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));

    LoadedSettings loaded = store().load();

    assertThat(loaded.settings()).isEqualTo(rich());
    assertThat(leftover).doesNotExist();
    assertThat(inProgress).as("a save another Warden is making now").exists();
    assertThat(notOurs).exists();
  }

  @Test
  void missingFileGivesDefaultsWithoutNoticeAndCreatesNothing() throws IOException {
    LoadedSettings loaded = store().load();

    assertThat(loaded).isEqualTo(LoadedSettings.clean(Settings.defaults()));
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void roundTripsRichSettings() throws Exception {
    store().save(rich());

    LoadedSettings loaded = new JsonSettingsStore(file()).load();

    assertThat(loaded.notice()).isEmpty();
    assertThat(loaded.settings()).isEqualTo(rich());
  }

  @Test
  void writesSmallPrettyPrintedFileInFormatTwo() throws Exception {
    Settings settings = Settings.defaults()
        .withRealms(
            List.of(new Realm("Warden", List.of(), List.of(new User("alice", true, HASH)))));

    store().save(settings);

    assertThat(Files.readString(file())).isEqualTo("""
        {
          "format": 2,
          "listen": "127.0.0.1:3128",
          "enforcement": true,
          "closeAfterChallenge": false,
          "trafficCapacity": 10000,
          "bodyPrefixLimit": 65536,
          "limits": {
            "requestHeadMillis": 30000,
            "idleMillis": 60000,
            "refusedBodyMillis": 10000,
            "refusedBodyDrainBytes": 65536,
            "requestLineBytes": 8192,
            "headerBlockBytes": 65536,
            "maxConnections": 20000,
            "connectMillis": 10000,
            "firstByteMillis": 60000
          },
          "realms": [
            {
              "name": "Warden",
              "hostPatterns": [],
              "users": [
                {
                  "name": "alice",
                  "enabled": true,
                  "passwordHash": "$pbkdf2-sha256$310000$c2FsdA$aGFzaA"
                }
              ],
              "auth": {
                "schemes": [
                  "basic"
                ],
                "digestAlgorithms": [
                  "SHA-256",
                  "MD5"
                ],
                "nonceLifetimeSeconds": 300,
                "disabledUserStatus": 403,
                "authInt": false,
                "lockout": {
                  "delayAfter": 10,
                  "lockoutAfter": 50,
                  "lockoutSeconds": 300,
                  "lockedOutStatus": 407
                }
              },
              "connectPorts": [
                443,
                8443
              ]
            }
          ]
        }
        """);
  }

  @Test
  void roundTripsDigestAuthIntOfferedPerRealm() throws Exception {
    Settings settings = Settings.defaults()
        .withRealms(List.of(
            new Realm(
                "Lab",
                List.of(),
                List.of(),
                RealmAuth.defaults().withSchemes(List.of("digest")).withAuthInt(true)),
            new Realm("Other", List.of("*.other.example"), List.of(), RealmAuth.defaults())));

    store().save(settings);
    Settings loaded = new JsonSettingsStore(file()).load().settings();

    assertThat(loaded).isEqualTo(settings);
    assertThat(loaded.realms().get(0).auth().authInt()).isTrue();
    assertThat(loaded.realms().get(1).auth().authInt()).isFalse();
  }

  @Test
  void roundTripsTheConnectPortsAUserAdded() throws Exception {
    Realm lab = new Realm("Lab", List.of(), List.of(new User("alice", true, HASH)))
        .withConnectPorts(List.of(443, 8443, 2222));
    store().save(Settings.defaults().withRealms(List.of(lab)));

    assertThat(store().load().settings().realms().get(0).connectPorts())
        .containsExactly(443, 8443, 2222);
  }

  @Test
  void givesARealmFromAFileWithoutConnectPortsTheDefaultPorts() throws IOException {
    Files.writeString(file(), """
        {"format": 2, "realms": [{"name": "Home", "users": [{"name": "alice", "passwordHash": "h"}]}]}
        """);

    assertThat(store().load().settings().realms().get(0).connectPorts()).containsExactly(443, 8443);
  }

  @Test
  void setsAsideAFileWithAConnectPortOutOfRange() throws IOException {
    Files.writeString(file(), """
        {"format": 2, "realms": [{"name": "Home", "users": [{"name": "alice", "passwordHash": "h"}],
                                  "connectPorts": [443, 70000]}]}
        """);

    LoadedSettings loaded = store().load();

    assertThat(loaded.notice())
        .hasValueSatisfying(n -> assertThat(n).contains("CONNECT port 70000 is outside 1-65535"));
    assertThat(loaded.settings()).isEqualTo(Settings.defaults());
  }

  @Test
  void writesDigestMaterialWithAlgorithmsInSortedOrder() throws Exception {
    User alice = new User(
        "alice",
        true,
        HASH,
        new DigestSecrets("Warden", Map.of("SHA-256", SHA256_HA1, "MD5", MD5_HA1)));
    store()
        .save(Settings.defaults()
            .withRealms(List.of(new Realm("Warden", List.of(), List.of(alice)))));

    assertThat(Files.readString(file())).contains("""
                  "digest": {
                    "realm": "Warden",
                    "ha1": {
                      "MD5": "%s",
                      "SHA-256": "%s"
                    }
                  }
        """.formatted(MD5_HA1, SHA256_HA1));
  }

  @Test
  void roundTripsRealmAuthAndDigestMaterial() throws Exception {
    RealmAuth auth = new RealmAuth(
        List.of("digest", "basic"), List.of("SHA-512-256-sess", "MD5"), Duration.ofHours(1), 407);
    User alice = new User("alice", false, HASH, new DigestSecrets("Corp", Map.of("MD5", MD5_HA1)));
    Settings settings =
        Settings.defaults().withRealms(List.of(new Realm("Corp", List.of(), List.of(alice), auth)));
    store().save(settings);

    assertThat(store().load()).isEqualTo(LoadedSettings.clean(settings));
  }

  @Test
  void roundTripsARealmsLockoutThresholdsAndItsChoiceOf429() throws Exception {
    RealmAuth auth =
        RealmAuth.defaults().withLockout(new RealmLockout(3, 7, Duration.ofSeconds(90), 429));
    Settings settings =
        Settings.defaults().withRealms(List.of(new Realm("Corp", List.of(), List.of(), auth)));
    store().save(settings);

    assertThat(store().load()).isEqualTo(LoadedSettings.clean(settings));
    assertThat(Files.readString(file()))
        .contains("\"lockoutSeconds\": 90", "\"lockedOutStatus\": 429");
  }

  @Test
  void givesARealmSavedBeforePerRealmLockoutsTheDefaultLockout() throws IOException {
    Files.writeString(file(), """
        {"format": 2, "realms": [{"name": "Home", "auth": {"schemes": ["basic"]}},
                                 {"name": "Lab", "hostPatterns": ["lab.test"],
                                  "auth": {"lockout": {"lockoutAfter": 9}}}]}
        """);

    List<Realm> realms = store().load().settings().realms();

    assertThat(realms.get(0).auth().lockout()).isEqualTo(RealmLockout.DEFAULTS);
    assertThat(realms.get(1).auth().lockout()).isEqualTo(RealmLockout.DEFAULTS.withLockoutAfter(9));
  }

  @Test
  void givesAFormatTwoRealmWithoutAuthTheDefaultsAndAUserWithoutDigestNone() throws IOException {
    Files.writeString(file(), """
        {"format": 2, "realms": [{"name": "Home", "users": [{"name": "alice", "passwordHash": "h"}],
                                  "auth": {"schemes": ["digest"]}}]}
        """);

    Realm home = store().load().settings().realms().get(0);

    assertThat(home.auth()).isEqualTo(RealmAuth.defaults().withSchemes(List.of("digest")));
    assertThat(home.users().get(0).digest()).isEqualTo(DigestSecrets.NONE);
  }

  @Test
  void readsFormatOneWithDefaultAuthAndNoDigestAndSaysItWasMigrated() throws IOException {
    Files.writeString(file(), FORMAT_ONE);

    LoadedSettings loaded = store().load();

    assertThat(loaded.notice()).isEmpty();
    assertThat(loaded.migrated()).isTrue();
    assertThat(loaded.migration())
        .hasValue(
            "Settings were migrated from format 1 to format 2; the first save keeps the old file as settings.json.v1");
    assertThat(loaded.settings().realms())
        .containsExactly(new Realm(
            "Home",
            List.of(),
            List.of(new User("alice", true, HASH, DigestSecrets.NONE)),
            RealmAuth.defaults()));
  }

  @Test
  void aFileInTheCurrentFormatIsNotMigrated() throws Exception {
    store().save(rich());

    assertThat(store().load().migrated()).isFalse();
  }

  @Test
  void firstSaveAfterFormatOneKeepsTheExactOriginalBytesAsV1AndWritesFormatTwo() throws Exception {
    Files.writeString(file(), FORMAT_ONE);
    byte[] original = Files.readAllBytes(file());
    JsonSettingsStore store = store();

    store.save(store.load().settings());

    assertThat(dir.resolve("settings.json.v1")).hasBinaryContent(original);
    assertThat(Files.readString(file())).contains("\"format\": 2");
    assertThat(store.load().migrated()).isFalse();
  }

  @Test
  void secondSaveLeavesTheV1CopyAlone() throws Exception {
    Files.writeString(file(), FORMAT_ONE);
    byte[] original = Files.readAllBytes(file());
    JsonSettingsStore store = store();
    store.save(store.load().settings());
    FileTime firstWritten = Files.getLastModifiedTime(dir.resolve("settings.json.v1"));

    store.save(rich());

    assertThat(dir.resolve("settings.json.v1")).hasBinaryContent(original);
    assertThat(Files.getLastModifiedTime(dir.resolve("settings.json.v1"))).isEqualTo(firstWritten);
  }

  @Test
  void neverOverwritesAnExistingV1File() throws Exception {
    Files.writeString(file(), FORMAT_ONE);
    Files.writeString(dir.resolve("settings.json.v1"), "kept by hand");

    store().save(rich());

    assertThat(dir.resolve("settings.json.v1")).hasContent("kept by hand");
    assertThat(store().load().settings()).isEqualTo(rich());
  }

  @Test
  void v1CopyIsReadableByItsOwnerOnly() throws Exception {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX only");
    Files.writeString(file(), FORMAT_ONE);
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

    store().save(rich());

    assertThat(PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("settings.json.v1"))))
        .isEqualTo("rw-------");
  }

  @Test
  void warnsWhenOthersCanReadTheFileAndTheNextSaveMakesItOwnerOnly() throws Exception {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX only");
    store().save(rich());
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

    LoadedSettings loaded = store().load();
    store().save(loaded.settings());

    assertThat(loaded.notice()).isEmpty();
    assertThat(loaded.warnings())
        .containsExactly(
            "settings.json is readable by other users; Warden will write it owner-only on the next save");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
    assertThat(store().load().warnings()).isEmpty();
  }

  @Test
  void doesNotWarnAboutAnOwnerOnlyFile() throws Exception {
    store().save(rich());

    assertThat(store().load().warnings()).isEmpty();
  }

  @Test
  void ignoresUnknownFieldsAndGivesMissingFieldsTheirDefaults() throws IOException {
    Files.writeString(file(), """
        {"format": 1, "addedLater": {"x": [1, 2]}, "trafficCapacity": 500,
         "realms": [{"name": "Home", "users": [{"name": "alice", "passwordHash": "h", "colour": "red"}]}]}
        """);

    LoadedSettings loaded = store().load();

    assertThat(loaded.notice()).isEmpty();
    assertThat(loaded.settings())
        .isEqualTo(Settings.defaults()
            .withTrafficCapacity(500)
            .withRealms(
                List.of(new Realm("Home", List.of(), List.of(new User("alice", true, "h"))))));
  }

  @Test
  void keepsCorruptFileUnderNewNameAndStartsFromDefaults() throws IOException {
    Files.writeString(file(), "{\"format\": 1, \"realms\": [");

    LoadedSettings loaded = store().load();

    Path kept = dir.resolve(KEPT_NAME);
    assertThat(loaded.settings()).isEqualTo(Settings.defaults());
    assertThat(loaded.notice())
        .hasValueSatisfying(notice -> assertThat(notice)
            .contains(file().toString(), kept.toString(), "is not valid JSON", "line 1"));
    assertThat(kept).hasContent("{\"format\": 1, \"realms\": [");
    assertThat(file()).doesNotExist();
  }

  @Test
  void secondCorruptFileDoesNotOverwriteFirstKeptOne() throws IOException {
    Files.writeString(file(), "first broken file");
    store().load();
    Files.writeString(file(), "second broken file");

    LoadedSettings loaded = store().load();

    assertThat(dir.resolve(KEPT_NAME)).hasContent("first broken file");
    assertThat(dir.resolve(KEPT_NAME + "-2")).hasContent("second broken file");
    assertThat(loaded.notice()).hasValueSatisfying(n -> assertThat(n).contains(KEPT_NAME + "-2"));
  }

  @Test
  void keepsValidJsonWithInvalidSettingsLikeCorruptFile() throws IOException {
    String json = """
        {"format": 1, "realms": [
          {"name": "Warden", "users": [{"name": "alice", "passwordHash": "%s"}]},
          {"name": "WARDEN", "hostPatterns": ["*.corp.example"]}]}
        """.formatted(HASH);
    Files.writeString(file(), json);

    LoadedSettings loaded = store().load();

    assertThat(loaded.settings()).isEqualTo(Settings.defaults());
    assertThat(loaded.notice())
        .hasValueSatisfying(notice -> assertThat(notice)
            .contains(
                file().toString(),
                dir.resolve(KEPT_NAME).toString(),
                "Realm name 'WARDEN' is used more than once")
            .doesNotContain(HASH));
    assertThat(dir.resolve(KEPT_NAME)).hasContent(json);
  }

  @Test
  void keepsFileThatDoesNotFitTheFormatAndSaysWhere() throws IOException {
    Files.writeString(
        file(),
        "{\"format\": 1, \"realms\": [{\"name\": \"W\", \"users\": [{\"enabled\": [] }]}]}");

    LoadedSettings loaded = store().load();

    assertThat(loaded.notice())
        .hasValueSatisfying(notice -> assertThat(notice)
            .contains("\"realms[0].users[0].enabled\" should be true or false (line 1, column "));
    assertThat(dir.resolve(KEPT_NAME)).exists();
  }

  @Test
  void keepsJsonWithoutFormatFieldRatherThanTakeItForSettings() throws IOException {
    Files.writeString(file(), "{\"name\": \"some other program\"}");

    LoadedSettings loaded = store().load();

    assertThat(loaded.notice())
        .hasValueSatisfying(n -> assertThat(n).contains("no \"format\" field"));
    assertThat(dir.resolve(KEPT_NAME)).exists();
  }

  @Test
  void leavesAFileOfANewerFormatInPlaceAndSaysANewerWardenWroteIt() throws IOException {
    Files.writeString(file(), "{\"format\": 3, \"future\": true}");

    LoadedSettings loaded = store().load();

    assertThat(loaded.settings()).isEqualTo(Settings.defaults());
    assertThat(loaded.notice())
        .hasValueSatisfying(n -> assertThat(n)
            .contains(
                "it is in format 3, written by a newer version of Warden (this one reads formats 1 to 2)")
            .contains("The file was kept as it is"));
    assertThat(file()).hasContent("{\"format\": 3, \"future\": true}");
    assertThat(filesInDir()).containsExactly("settings.json");
  }

  @Test
  void refusesToSaveOverAFileOfANewerFormat() throws IOException {
    Files.writeString(file(), "{\"format\": 3}");
    JsonSettingsStore store = store();
    store.load();

    assertThatThrownBy(() -> store.save(rich()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("format 3, written by a newer version of Warden");
    assertThat(file()).hasContent("{\"format\": 3}");
  }

  @Test
  void setsAsideAFileOfAFormatNoWardenWrote() throws IOException {
    Files.writeString(file(), "{\"format\": 0}");

    assertThat(store().load().notice()).hasValueSatisfying(n -> assertThat(n).contains("format 0"));
    assertThat(dir.resolve(KEPT_NAME)).exists();
  }

  @Test
  void keepsEmptyFile() throws IOException {
    Files.writeString(file(), "");

    assertThat(store().load().notice()).isPresent();
    assertThat(dir.resolve(KEPT_NAME)).exists();
  }

  @Test
  void refusesInvalidSettingsListingProblemsAndLeavesFileUntouched() throws Exception {
    store().save(rich());
    byte[] before = Files.readAllBytes(file());
    Settings invalid = rich()
        .withTrafficCapacity(1)
        .withRealms(List.of(new Realm("Warden", List.of(), List.of(new User("a:b", true, HASH)))));

    assertThatThrownBy(() -> store().save(invalid))
        .isInstanceOfSatisfying(
            SettingsException.class,
            e -> assertThat(e.problems())
                .containsExactly(
                    "Realm 'Warden': user name 'a:b' contains ':', which Basic authentication cannot carry",
                    "Traffic capacity 1 is outside 100-1,000,000 exchanges"))
        .hasMessageNotContaining(HASH);
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
  }

  @Test
  void failedWriteLeavesPreviousFileByteForByteIntact() throws Exception {
    // Tests may run as root, whom permissions do not stop. A name close to the 255-byte limit
    // works: the target itself fits, but the temporary file beside it (the name plus a suffix) does
    // not, so the write fails before anything touches the target.
    Path target = dir.resolve("s".repeat(245) + ".json");
    Files.writeString(target, "previous content\n");
    JsonSettingsStore store = new JsonSettingsStore(target, CLOCK);

    assertThatThrownBy(() -> store.save(rich()))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("Could not save settings to " + target + ": ")
        .hasMessageNotContaining(HASH)
        .hasCauseInstanceOf(IOException.class);
    assertThat(target).hasContent("previous content\n");
    assertThat(filesInDir()).containsExactly(target.getFileName().toString());
  }

  @Test
  void failedSaveWhenFolderIsAFileSaysSoAndLeavesItIntact() throws IOException {
    Path notAFolder = dir.resolve("warden");
    Files.writeString(notAFolder, "someone else's file");
    Path target = notAFolder.resolve("settings.json");

    assertThatThrownBy(() -> new JsonSettingsStore(target).save(rich()))
        .isInstanceOf(SettingsException.class)
        .hasMessage("Could not save settings to " + target + ": " + notAFolder
            + " is a file, not a folder");
    assertThat(notAFolder).hasContent("someone else's file");
    assertThat(filesInDir()).containsExactly("warden");
  }

  @Test
  void failedSaveOverNonEmptyFolderLeavesFolderIntactAndNoTempFile() throws IOException {
    Files.createDirectories(file());
    Files.writeString(file().resolve("inside.txt"), "keep me");

    assertThatThrownBy(() -> store().save(rich()))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "Could not save settings to " + file() + ": " + file() + " is a folder, not a file");
    assertThat(file().resolve("inside.txt")).hasContent("keep me");
    assertThat(filesInDir()).containsExactly("settings.json");
  }

  @Test
  void saveCreatesMissingFoldersAndLeavesNoTempFile() throws Exception {
    Path target = dir.resolve("a/b/settings.json");

    new JsonSettingsStore(target).save(rich());
    new JsonSettingsStore(target).save(rich().withEnforcement(true));

    assertThat(new JsonSettingsStore(target).load().settings())
        .isEqualTo(rich().withEnforcement(true));
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void savedFileIsReadableByItsOwnerOnly() throws Exception {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX only");

    store().save(rich());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
  }

  @Test
  void concurrentSavesLeaveOneCompleteFile() throws Exception {
    JsonSettingsStore store = store();
    List<Settings> values = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      values.add(rich().withTrafficCapacity(1_000 + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> saves = values.stream()
          .<Callable<Void>>map(v -> () -> {
            store.save(v);
            return null;
          })
          .toList();
      for (Future<Void> done : pool.invokeAll(saves)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }

    LoadedSettings loaded = store.load();
    assertThat(loaded.notice()).isEmpty();
    assertThat(values).contains(loaded.settings());
    assertThat(filesInDir()).containsExactly("settings.json");
  }

  @Test
  void locationIsTheAbsoluteFilePath() {
    assertThat(store().location()).isEqualTo(file().toAbsolutePath().toString());
  }

  @Test
  void readsFileWrittenByHandInUtf8() throws IOException {
    Files.write(file(), """
        {"format": 1, "realms": [{"name": "Warden", "users": [{"name": "zoë", "passwordHash": "h"}]}]}
        """.getBytes(StandardCharsets.UTF_8));

    assertThat(store().load().settings().realms().get(0).users().get(0).name()).isEqualTo("zoë");
  }
}
