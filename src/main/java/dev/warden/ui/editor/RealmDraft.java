package dev.warden.ui.editor;

import dev.warden.core.settings.BearerToken;
import dev.warden.core.settings.LifetimeText;
import dev.warden.core.settings.ProxyProfile;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.RealmFaults;
import dev.warden.core.settings.RealmLockout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A realm being edited: name, host patterns as typed, users, and how it asks for credentials
 * (schemes, their order, the Digest algorithm preset and nonce lifetime, the status for disabled
 * users). FX thread.
 */
public final class RealmDraft {

  private final StringProperty name = new SimpleStringProperty();
  private final StringProperty patterns = new SimpleStringProperty("");
  private final StringProperty connectPorts =
      new SimpleStringProperty(portsText(Realm.DEFAULT_CONNECT_PORTS));
  private final ObservableList<UserDraft> users = FXCollections.observableArrayList(
      u -> new javafx.beans.Observable[] {u.nameProperty(), u.enabledProperty()});
  private final BooleanProperty basic = new SimpleBooleanProperty(true);
  private final BooleanProperty digest = new SimpleBooleanProperty(false);
  private final BooleanProperty digestFirst = new SimpleBooleanProperty(true);
  /** Null while the algorithms loaded are none of the presets: they are then kept as they are. */
  private final ObjectProperty<DigestPreset> preset =
      new SimpleObjectProperty<>(DigestPreset.RFC_ORDER);

  private final BooleanProperty disabledGet407 = new SimpleBooleanProperty(false);
  /** The Digest nonce lifetime as typed ({@code 90s}, {@code 5m}, {@code 1h}). */
  private final StringProperty nonceLifetime = new SimpleStringProperty("");

  private final BooleanProperty lockedOutGet429 = new SimpleBooleanProperty(false);
  private final BooleanProperty authInt = new SimpleBooleanProperty(false);
  private final String savedName;
  private final RealmAuth savedAuth;
  /** The realm's Bearer tokens, as loaded and then edited. */
  private TokensDraft tokens = new TokensDraft(List.of());

  private final FaultsDraft faults;
  /** Algorithms a profile chose that no preset has (Squid's MD5 alone); null: as loaded. */
  private List<String> chosenAlgorithms;

  RealmDraft(String name, String patterns) {
    this(name, patterns, null, RealmAuth.defaults(), RealmFaults.NONE);
  }

  private RealmDraft(
      String name, String patterns, String savedName, RealmAuth auth, RealmFaults faults) {
    this.faults = new FaultsDraft(faults);
    this.name.set(name);
    this.patterns.set(patterns);
    this.savedName = savedName;
    this.savedAuth = auth;
    basic.set(auth.offers(RealmAuth.BASIC));
    digest.set(auth.offers(RealmAuth.DIGEST));
    if (basic.get() && digest.get()) {
      digestFirst.set(
          auth.schemes().indexOf(RealmAuth.DIGEST) < auth.schemes().indexOf(RealmAuth.BASIC));
    }
    preset.set(DigestPreset.of(auth.digestAlgorithms()).orElse(null));
    disabledGet407.set(auth.disabledUserStatus() == 407);
    nonceLifetime.set(LifetimeText.format(auth.nonceLifetime()));
    lockedOutGet429.set(auth.lockout().lockedOutStatus() == 429);
    authInt.set(auth.authInt());
  }

  static RealmDraft of(Realm realm) {
    RealmDraft draft = new RealmDraft(
        realm.name(),
        String.join(", ", realm.hostPatterns()),
        realm.name(),
        realm.auth(),
        realm.faults());
    draft.connectPorts.set(portsText(realm.connectPorts()));
    draft.tokens = new TokensDraft(realm.tokens());
    realm.users().forEach(u -> draft.users.add(UserDraft.of(u)));
    return draft;
  }

  /**
   * The realm's auth as drafted: the checked schemes in the chosen order, the preset's algorithms
   * (or the loaded ones when no preset matched them), the disabled-user and locked-out statuses, and
   * the nonce lifetime as typed (as loaded while what is typed is not a duration:
   * {@link #nonceLifetimeProblem} then blocks Save); the lockout thresholds as loaded.
   */
  public RealmAuth auth() {
    List<String> checked = new ArrayList<>();
    if (basic.get()) {
      checked.add(RealmAuth.BASIC);
    }
    if (digest.get()) {
      checked.add(digestFirst.get() ? 0 : checked.size(), RealmAuth.DIGEST);
    }
    // the schemes the editor has no box for (NTLM, Negotiate, Bearer) stay where they were, and
    // Basic and Digest go where the first of them was (after the others when neither was offered)
    List<String> schemes = new ArrayList<>();
    int at = -1;
    for (String scheme : savedAuth.schemes()) {
      if (scheme.equals(RealmAuth.BASIC) || scheme.equals(RealmAuth.DIGEST)) {
        at = at < 0 ? schemes.size() : at;
      } else {
        schemes.add(scheme);
      }
    }
    schemes.addAll(at < 0 ? schemes.size() : at, checked);
    List<String> algorithms =
        preset.get() == null ? loadedAlgorithms() : preset.get().algorithms();
    return savedAuth
        .withSchemes(schemes)
        .withDigestAlgorithms(algorithms)
        .withDisabledUserStatus(disabledGet407.get() ? 407 : 403)
        .withAuthInt(authInt.get())
        .withNonceLifetime(
            LifetimeText.parse(nonceLifetime.get()).orElse(savedAuth.nonceLifetime()))
        .withLockout(savedAuth.lockout().withLockedOutStatus(lockedOutGet429.get() ? 429 : 407));
  }

  /**
   * One line on the schemes the editor has no box for, e.g. "NTLM, Bearer"; what to do when there
   * are none (the Bearer tokens have their own list, {@link #tokensDraft()}).
   */
  public String otherSchemesText() {
    List<String> names = new ArrayList<>();
    for (String scheme : savedAuth.schemes()) {
      switch (scheme) {
        case RealmAuth.NTLM -> names.add("NTLM");
        case RealmAuth.NEGOTIATE -> names.add("Negotiate (NTLM inside; Kerberos not emulated)");
        case RealmAuth.BEARER -> names.add("Bearer");
        default -> {}
      }
    }
    return names.isEmpty()
        ? "None (NTLM, Negotiate and Bearer are set with --schemes or in the settings file)"
        : String.join(", ", names);
  }

  /** The Bearer tokens as they would be saved. */
  public List<BearerToken> tokens() {
    return List.copyOf(tokens.tokens());
  }

  /** The Bearer tokens being edited. */
  public TokensDraft tokensDraft() {
    return tokens;
  }

  /** The fault knobs as typed. */
  public FaultsDraft faultsDraft() {
    return faults;
  }

  /**
   * Makes this realm behave like {@code profile}: its schemes (Basic and Digest, in the profile's
   * order), its Digest algorithms when it names them, and its fault knobs; users and patterns stay.
   */
  public void apply(ProxyProfile profile) {
    basic.set(profile.schemes().contains(RealmAuth.BASIC));
    digest.set(profile.schemes().contains(RealmAuth.DIGEST));
    if (basic.get() && digest.get()) {
      digestFirst.set(
          profile.schemes().indexOf(RealmAuth.DIGEST) < profile.schemes().indexOf(RealmAuth.BASIC));
    }
    if (!profile.digestAlgorithms().isEmpty()) {
      chosenAlgorithms = profile.digestAlgorithms();
      preset.set(DigestPreset.of(profile.digestAlgorithms()).orElse(null));
    }
    faults.show(profile);
  }

  /**
   * Which profile this realm follows, or which it is closest to and what differs: "Behaves like
   * Squid 5.7 (Basic)", "Custom: tinyproxy 1.11 with status=407".
   */
  public String profileNote(List<ProxyProfile> profiles) {
    return ProxyProfile.note(
        new Realm("", List.of(), List.of(), auth(), List.of(), List.of(), faults.faults()),
        profiles);
  }

  /** Why the typed nonce lifetime cannot be read, or null (its range is the validator's to judge). */
  public String nonceLifetimeProblem() {
    if (LifetimeText.parse(nonceLifetime.get()).isPresent()) {
      return null;
    }
    String label = name.get() == null || name.get().isBlank()
        ? "A realm"
        : "Realm '" + name.get().strip() + "'";
    return label + ": nonce lifetime '" + nonceLifetime.get() + "' is not a duration; use "
        + LifetimeText.FORMS;
  }

  /** The Digest algorithms as loaded, for when no preset matches them. */
  public List<String> loadedAlgorithms() {
    return chosenAlgorithms != null ? chosenAlgorithms : savedAuth.digestAlgorithms();
  }

  /** Whether this realm was saved under another name (its users' Digest material then no longer applies). */
  public boolean renamed() {
    return savedName != null
        && !savedName.equals(name.get() == null ? "" : name.get().strip());
  }

  /** The typed patterns split at commas, spaces and new lines. */
  public List<String> patternList() {
    return Arrays.stream(patterns.get().split("[,\\s]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * The typed CONNECT ports split at commas and spaces; a token that is not a whole number becomes
   * 0, which the validator names as outside 1-65535.
   */
  public List<Integer> connectPortList() {
    return Arrays.stream(connectPorts.get().split("[,\\s]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(RealmDraft::port)
        .toList();
  }

  private static int port(String token) {
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }

  private static String portsText(List<Integer> ports) {
    return String.join(", ", ports.stream().map(String::valueOf).toList());
  }

  public StringProperty connectPortsProperty() {
    return connectPorts;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty patternsProperty() {
    return patterns;
  }

  public BooleanProperty basicProperty() {
    return basic;
  }

  public BooleanProperty digestProperty() {
    return digest;
  }

  /** Whether Digest is challenged before Basic when both are on. */
  public BooleanProperty digestFirstProperty() {
    return digestFirst;
  }

  public ObjectProperty<DigestPreset> presetProperty() {
    return preset;
  }

  /** Whether a disabled user with the right password gets 407 (true) or 403. */
  public BooleanProperty disabledGet407Property() {
    return disabledGet407;
  }

  /** The Digest nonce lifetime as typed: {@code 90}, {@code 90s}, {@code 5m}, {@code 1h}. */
  public StringProperty nonceLifetimeProperty() {
    return nonceLifetime;
  }

  /** Whether a locked-out client or user gets 429 Too Many Requests (true) or 407. */
  public BooleanProperty lockedOutGet429Property() {
    return lockedOutGet429;
  }

  /** The realm's lockout as loaded (thresholds and duration are edited in the settings file). */
  public RealmLockout loadedLockout() {
    return savedAuth.lockout();
  }

  /** Whether Digest also offers {@code qop=auth-int}. */
  public BooleanProperty authIntProperty() {
    return authInt;
  }

  public ObservableList<UserDraft> users() {
    return users;
  }

  public String name() {
    return name.get();
  }

  @Override
  public String toString() {
    return name.get();
  }
}
