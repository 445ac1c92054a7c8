package dev.warden.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.Warden;
import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.settings.DigestSecrets;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.RealmLockout;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.ui.feedback.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The editor's rules and its Save, against a real (not listening) Warden; no toolkit. */
class EditorViewModelTest {

  private final List<String> notices = new ArrayList<>();
  private final List<String> hashedOn = new ArrayList<>();
  private final Warden warden =
      new Warden(new InMemorySettingsStore(Settings.defaults()), Settings.defaults());
  private final PasswordHashing hashing = password -> {
    hashedOn.add(Thread.currentThread().getName());
    return fakeHash(new String(password));
  };

  /**
   * A cheap hash in a format Warden verifies ({SHA}, as htpasswd -s writes it), so Warden accepts the
   * settings; deterministic, so tests can name the exact value stored.
   */
  private static String fakeHash(String password) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
          .digest(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "{SHA}" + java.util.Base64.getEncoder().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private final EditorViewModel model =
      new EditorViewModel(warden, hashing, Runnable::run, new Notifier() {
        @Override
        public void info(String message) {
          notices.add("info: " + message);
        }

        @Override
        public void error(String message) {
          notices.add("error: " + message);
        }
      });

  @AfterEach
  void close() {
    warden.close();
  }

  private void fillUser(String name, String password, String repeat) {
    model.beginAddUser();
    model.formNameProperty().set(name);
    model.formPasswordProperty().set(password);
    model.formRepeatProperty().set(repeat);
  }

  @Test
  void warnsThatARealmWithoutUsersChallengesEverything() {
    assertThat(model.problems()).isEmpty();
    assertThat(model.warnings())
        .containsExactly("Realm 'Warden' has no users: every request will be challenged");
  }

  @Test
  void refusesAColonInAUserName() {
    fillUser("a:b", "pw", "pw");
    assertThat(model.commitUser()).isFalse();
    assertThat(model.formProblemProperty().get()).contains("contains ':'");
  }

  @Test
  void refusesPasswordsThatDiffer() {
    fillUser("alice", "one", "two");
    assertThat(model.commitUser()).isFalse();
    assertThat(model.formProblemProperty().get()).isEqualTo("The two passwords differ");
  }

  @Test
  void refusesADuplicateUserInARealm() {
    fillUser("alice", "pw", "pw");
    assertThat(model.commitUser()).isTrue();
    fillUser("alice", "pw2", "pw2");
    assertThat(model.commitUser()).isFalse();
    assertThat(model.formProblemProperty().get()).contains("already has a user 'alice'");
  }

  @Test
  void flagsEmptyAndDuplicateRealmNames() {
    model.addRealm();
    model.selectedRealmProperty().get().nameProperty().set("warden");
    model.selectedRealmProperty().get().patternsProperty().set("*.corp.example");
    assertThat(model.problems())
        .anyMatch(p -> p.startsWith("Realm name 'warden' is used more than once"));
    model.selectedRealmProperty().get().nameProperty().set(" ");
    assertThat(model.problems()).contains("Realm #2 has no name");
  }

  @Test
  void aSecondRealmNeedsAHostPatternUnlessItIsTheDefault() {
    model.addRealm();
    assertThat(model.problems()).anyMatch(p -> p.contains("needs a host pattern"));
    model.makeDefault(model.selectedRealmProperty().get());
    assertThat(model.problems()).anyMatch(p -> p.startsWith("Realm 'Warden' needs a host pattern"));
  }

  @Test
  void saveHashesNewPasswordsOffTheCallingThreadAndPutsTheRealmsInForce() throws Exception {
    model.selectedRealmProperty().get().nameProperty().set("Corp");
    fillUser("alice", "s3cret", "s3cret");
    assertThat(model.commitUser()).isTrue();
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();

    Realm realm = warden.settings().realms().get(0);
    assertThat(realm.name()).isEqualTo("Corp");
    assertThat(realm.users())
        .extracting(User::name, User::enabled, User::passwordHash)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", true, fakeHash("s3cret")));
    assertThat(hashedOn).containsExactly("warden-worker");
    assertThat(model.dirtyProperty().get()).isFalse();
    assertThat(notices).anyMatch(n -> n.startsWith("info: Realms and users saved"));
  }

  @Test
  void editingAUserWithABlankPasswordKeepsTheStoredHash() throws Exception {
    warden
        .update(s -> s.withRealms(List.of(
            new Realm("Warden", List.of(), List.of(new User("alice", true, fakeHash("old")))))))
        .get(10, TimeUnit.SECONDS);
    model.load(warden.settings());
    UserDraft alice = model.selectedRealmProperty().get().users().get(0);
    assertThat(alice.passwordState()).isEqualTo("stored");
    model.beginEditUser(alice);
    assertThat(model.formPasswordProperty().get()).isEmpty();
    model.formEnabledProperty().set(false);
    assertThat(model.commitUser()).isTrue();
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(warden.settings().realms().get(0).users())
        .containsExactly(new User("alice", false, fakeHash("old")));
    assertThat(hashedOn).isEmpty();
  }

  @Test
  void aUserAddedWithAPasswordGetsDigestMaterialForTheRealmName() throws Exception {
    model.selectedRealmProperty().get().nameProperty().set("Corp");
    fillUser("alice", "s3cret", "s3cret");
    assertThat(model.commitUser()).isTrue();
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();

    User alice = warden.settings().realms().get(0).users().get(0);
    assertThat(alice.digest().realm()).isEqualTo("Corp");
    assertThat(alice.digest().ha1()).containsOnlyKeys("MD5", "SHA-256", "SHA-512-256", "NT");
    assertThat(alice.digest())
        .isEqualTo(CredentialMaterial.digest("alice", "Corp", "s3cret".toCharArray()));
  }

  @Test
  void keepsDigestMaterialWhileNothingIsRenamedAndDropsItOnARename() throws Exception {
    DigestSecrets corp = CredentialMaterial.digest("alice", "Corp", "pw".toCharArray());
    DigestSecrets bobs = CredentialMaterial.digest("bob", "Corp", "pw".toCharArray());
    warden
        .update(s -> s.withRealms(List.of(new Realm(
            "Corp",
            List.of(),
            List.of(
                new User("alice", true, fakeHash("pw"), corp),
                new User("bob", true, fakeHash("pw"), bobs))))))
        .get(10, TimeUnit.SECONDS);
    model.load(warden.settings());
    model.setEnabled(model.selectedRealmProperty().get().users().get(0), false);
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(warden.settings().realms().get(0).users())
        .extracting(User::digest)
        .containsExactly(corp, bobs);

    model.selectedRealmProperty().get().users().get(1).nameProperty().set("robert");
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(warden.settings().realms().get(0).users())
        .extracting(User::digest)
        .containsExactly(corp, DigestSecrets.NONE);

    model.selectedRealmProperty().get().nameProperty().set("Corp2");
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(warden.settings().realms().get(0).users())
        .extracting(User::digest)
        .containsOnly(DigestSecrets.NONE);
    assertThat(hashedOn).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(DigestPreset.class)
  void eachDigestPresetIsSavedAsItsAlgorithmsAndReadBack(DigestPreset preset) throws Exception {
    RealmDraft realm = model.selectedRealmProperty().get();
    realm.digestProperty().set(true);
    realm.presetProperty().set(preset);
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();

    RealmAuth saved = warden.settings().realms().get(0).auth();
    assertThat(saved.digestAlgorithms()).isEqualTo(preset.algorithms());
    assertThat(saved.schemes()).containsExactly("digest", "basic");
    assertThat(model.selectedRealmProperty().get().presetProperty().get()).isEqualTo(preset);
    assertThat(model.selectedRealmProperty().get().digestProperty().get()).isTrue();
  }

  @Test
  void theLockedOutStatusIsSavedKeepingTheLoadedThresholds() throws Exception {
    RealmDraft realm = model.selectedRealmProperty().get();
    realm.lockedOutGet429Property().set(true);
    assertThat(model.dirtyProperty().get()).isTrue();
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();

    assertThat(warden.settings().realms().get(0).auth().lockout())
        .isEqualTo(RealmLockout.DEFAULTS.withLockedOutStatus(429));
    assertThat(model.selectedRealmProperty().get().lockedOutGet429Property().get())
        .isTrue();
  }

  @Test
  void schemesAreSavedInTheChosenOrderAndReadBack() throws Exception {
    RealmDraft realm = model.selectedRealmProperty().get();
    assertThat(realm.auth().schemes()).containsExactly("basic");
    realm.digestProperty().set(true);
    realm.digestFirstProperty().set(false);
    realm.disabledGet407Property().set(true);
    assertThat(model.dirtyProperty().get()).isTrue();
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();
    RealmAuth saved = warden.settings().realms().get(0).auth();
    assertThat(saved.schemes()).containsExactly("basic", "digest");
    assertThat(saved.disabledUserStatus()).isEqualTo(407);
    RealmDraft reloaded = model.selectedRealmProperty().get();
    assertThat(reloaded.digestFirstProperty().get()).isFalse();
    assertThat(reloaded.disabledGet407Property().get()).isTrue();

    reloaded.basicProperty().set(false);
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(warden.settings().realms().get(0).auth().schemes()).containsExactly("digest");

    model.selectedRealmProperty().get().digestProperty().set(false);
    assertThat(model.problems()).anyMatch(p -> p.contains("offers no authentication scheme"));
  }

  @Test
  void keepsSchemesWithoutABoxInPlaceAndTheBearerTokensThroughAnEdit() throws Exception {
    RealmAuth windows =
        RealmAuth.defaults().withSchemes(List.of("negotiate", "ntlm", "basic", "bearer"));
    List<dev.warden.core.settings.BearerToken> tokens =
        List.of(dev.warden.core.settings.BearerToken.of("ci-bot", "t0k3n".toCharArray()));
    warden
        .update(s -> s.withRealms(
            List.of(new Realm("Warden", List.of(), List.of(), windows).withTokens(tokens))))
        .get(10, TimeUnit.SECONDS);
    model.load(warden.settings());
    RealmDraft realm = model.selectedRealmProperty().get();
    realm.digestProperty().set(true);
    realm.digestFirstProperty().set(true);
    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();

    Realm saved = warden.settings().realms().get(0);
    assertThat(saved.auth().schemes())
        .containsExactly("negotiate", "ntlm", "digest", "basic", "bearer");
    assertThat(saved.tokens()).isEqualTo(tokens);
    assertThat(model.selectedRealmProperty().get().otherSchemesText())
        .isEqualTo("Negotiate (NTLM inside; Kerberos not emulated), NTLM, Bearer");
    assertThat(model.selectedRealmProperty().get().tokensDraft().tokens()).isEqualTo(tokens);
  }

  @Test
  void algorithmsThatMatchNoPresetAreKeptAsLoaded() throws Exception {
    RealmAuth custom = RealmAuth.defaults()
        .withSchemes(List.of("digest"))
        .withDigestAlgorithms(List.of("SHA-512-256", "MD5-sess"))
        .withNonceLifetime(java.time.Duration.ofSeconds(42));
    warden
        .update(s -> s.withRealms(List.of(new Realm("Warden", List.of(), List.of(), custom))))
        .get(10, TimeUnit.SECONDS);
    model.load(warden.settings());
    RealmDraft realm = model.selectedRealmProperty().get();
    assertThat(realm.presetProperty().get()).isNull();
    assertThat(realm.auth()).isEqualTo(custom);
  }

  @Test
  void showsDigestGapsOfTheSelectedRealmAndARenameNote() throws Exception {
    DigestSecrets alices = CredentialMaterial.digest("alice", "Corp", "pw".toCharArray());
    warden
        .update(s -> s.withRealms(List.of(new Realm(
            "Corp",
            List.of(),
            List.of(
                new User("alice", true, fakeHash("pw"), alices),
                new User("bob", true, fakeHash("pw")))))))
        .get(10, TimeUnit.SECONDS);
    model.load(warden.settings());
    RealmDraft corp = model.selectedRealmProperty().get();
    assertThat(model.selectedDigestGaps()).isEmpty(); // Basic only: no gap matters
    assertThat(model.selectedRenameNoteProperty().get()).isEmpty();

    corp.digestProperty().set(true);
    assertThat(model.selectedDigestGaps())
        .containsExactly(
            "bob cannot use Digest in realm 'Corp' until their password is set again (it was stored before Digest was on)");

    model.beginEditUser(corp.users().get(1));
    model.formPasswordProperty().set("new");
    model.formRepeatProperty().set("new");
    assertThat(model.commitUser()).isTrue();
    assertThat(model.selectedDigestGaps()).isEmpty();

    corp.nameProperty().set("Corp2");
    assertThat(model.selectedRenameNoteProperty().get())
        .isEqualTo(
            "Renaming needs each user's password again for Digest (H(A1) contains the realm name)");
    assertThat(model.selectedDigestGaps())
        .containsExactly(
            "alice cannot use Digest in realm 'Corp2' until their password is set again (the realm was renamed)");

    assertThat(model.save().get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(warden.settings().realms().get(0).users())
        .extracting(u -> u.digest().realm())
        .containsExactly("", "Corp2");
    assertThat(model.selectedRenameNoteProperty().get()).isEmpty();
    assertThat(model.selectedDigestGaps())
        .containsExactly(
            "alice cannot use Digest in realm 'Corp2' until their password is set again (it was stored before Digest was on)");
  }
}
