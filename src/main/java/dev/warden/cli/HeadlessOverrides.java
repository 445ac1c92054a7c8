package dev.warden.cli;

import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.auth.HtpasswdFormatException;
import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.auth.digest.HtdigestFile;
import dev.warden.core.auth.digest.HtdigestFormatException;
import dev.warden.core.settings.BearerToken;
import dev.warden.core.settings.DigestSecrets;
import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.RealmFaults;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies the headless flags to the settings a run starts from. The result is for this run only:
 * nothing here saves. Stateless apart from its collaborators; call on one thread.
 *
 * <ul>
 *   <li>{@code --listen} replaces the address; {@code --no-auth} turns enforcement off;
 *   <li>the limit flags ({@link LimitFlags}) replace those limits;
 *   <li>{@code --realm} renames the default realm (or adds one when the settings have none);
 *   <li>{@code --profile} makes the default realm follow a proxy profile (schemes, algorithms, fault
 *       knobs); {@code --schemes}, {@code --digest-algorithms} and {@code --nonce-lifetime} then set
 *       its authentication, and each {@code --fault KNOB=VALUE} sets one fault knob;
 *   <li>{@code --users-file} (each htpasswd or htdigest) then {@code --user}, when either is given,
 *       replace the default realm's users, so a run's users are exactly the ones on its command line.
 *       A {@code --user} gets a password hash and Digest material for the realm's name for this run;
 *       an htdigest entry adds MD5 Digest material to the user of the same name, and a user found only
 *       in htdigest files gets a password hash nobody knows, so Basic refuses them as a wrong password.
 * </ul>
 */
public final class HeadlessOverrides {

  /**
   * Reads one {@code --users-file}; a bad line is an {@link HtpasswdFormatException} or
   * {@link HtdigestFormatException} naming the line.
   */
  @FunctionalInterface
  public interface UsersFileReader {
    UsersFile read(Path file) throws IOException;
  }

  /** Long enough that the hash of a random password of it is never matched. */
  private static final int UNKNOWN_PASSWORD_CHARS = 32;

  private final Function<char[], String> hasher;
  private final UsersFileReader usersFile;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param hasher turns a plain password into a stored hash (slow by design)
   * @param usersFile reads {@code --users-file}
   */
  public HeadlessOverrides(Function<char[], String> hasher, UsersFileReader usersFile) {
    this.hasher = Objects.requireNonNull(hasher);
    this.usersFile = Objects.requireNonNull(usersFile);
  }

  /**
   * As {@link #apply(Settings, Arguments, Consumer)}, dropping the warnings; for callers that show
   * none.
   */
  public Settings apply(Settings base, Arguments args) throws UsageException {
    return apply(base, args, warning -> {});
  }

  /**
   * @param warnings told, one sentence each, what was skipped (e.g. an htdigest entry of another realm)
   * @throws UsageException when a users file cannot be read or a user is given twice
   */
  public Settings apply(Settings base, Arguments args, Consumer<String> warnings)
      throws UsageException {
    Settings settings = base;
    if (args.listen().isPresent()) {
      settings = settings.withListen(args.listen().get());
    }
    if (args.noAuth()) {
      settings = settings.withEnforcement(false);
    }
    if (!args.limits().isEmpty()) {
      settings = settings.withLimits(args.limits().apply(settings.limits()));
    }
    boolean replacesUsers = !args.users().isEmpty() || !args.usersFiles().isEmpty();
    if (args.realm().isEmpty() && !replacesUsers && !args.changesRealmAuth()) {
      return settings;
    }
    List<Realm> realms = new ArrayList<>(settings.realms());
    int index = indexOfDefault(realms);
    Realm realm = index >= 0
        ? realms.get(index)
        : new Realm(args.realm().orElse(Settings.DEFAULT_REALM_NAME), List.of(), List.of());
    if (args.realm().isPresent()) {
      realm = realm.withName(args.realm().get());
    }
    if (args.profile().isPresent()) {
      realm = args.profile().get().applyTo(realm);
    }
    realm = realm.withAuth(auth(realm.auth(), args));
    RealmFaults faults = realm.faults();
    for (String line : args.faults()) {
      faults = FaultKnob.apply(faults, line); // checked when parsed
    }
    realm = realm.withFaults(faults);
    if (replacesUsers) {
      // After the rename: Digest material hashes the realm name the run challenges with.
      realm = realm.withUsers(users(args, realm.name(), warnings));
    }
    if (!args.tokens().isEmpty()) {
      realm = realm.withTokens(tokens(args));
    }
    if (index >= 0) {
      realms.set(index, realm);
    } else {
      realms.add(realm);
    }
    return settings.withRealms(realms);
  }

  /** The {@code --token} flags, hashed; a name given twice is refused. */
  private static List<BearerToken> tokens(Arguments args) throws UsageException {
    List<BearerToken> tokens = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (UserCredential token : args.tokens()) {
      if (!names.add(token.name())) {
        throw new UsageException("--token: token '" + token.name() + "' is given more than once");
      }
      char[] secret = token.password();
      try {
        tokens.add(BearerToken.of(token.name(), secret));
      } finally {
        Arrays.fill(secret, '\0');
      }
    }
    return tokens;
  }

  private static RealmAuth auth(RealmAuth auth, Arguments args) {
    RealmAuth result = auth;
    if (args.schemes().isPresent()) {
      result = result.withSchemes(args.schemes().get());
    }
    if (args.digestAlgorithms().isPresent()) {
      result = result.withDigestAlgorithms(args.digestAlgorithms().get());
    }
    if (args.nonceLifetime().isPresent()) {
      result = result.withNonceLifetime(args.nonceLifetime().get());
    }
    if (args.lockout().isPresent()) {
      result = result.withLockout(args.lockout().get());
    }
    return result;
  }

  private static int indexOfDefault(List<Realm> realms) {
    for (int i = 0; i < realms.size(); i++) {
      if (realms.get(i).isDefault()) {
        return i;
      }
    }
    return -1;
  }

  private List<User> users(Arguments args, String realmName, Consumer<String> warnings)
      throws UsageException {
    Map<String, User> basic = new LinkedHashMap<>();
    Map<String, String> md5 = new LinkedHashMap<>();
    for (Path file : args.usersFiles()) {
      UsersFile content = readUsersFile(file);
      if (content instanceof UsersFile.Htpasswd htpasswd) {
        for (User user : htpasswd.users()) {
          if (basic.putIfAbsent(user.name(), user) != null) {
            throw new UsageException(
                "--users-file: user '" + user.name() + "' appears more than once");
          }
        }
      } else if (content instanceof UsersFile.Htdigest htdigest) {
        for (HtdigestFile.Entry entry : htdigest.entries()) {
          if (!entry.realm().equals(realmName)) {
            warnings.accept("--users-file: '" + file + "': user '" + entry.user()
                + "' is for realm '" + entry.realm() + "', not '" + realmName + "'; skipped");
          } else if (md5.putIfAbsent(entry.user(), entry.ha1()) != null) {
            throw new UsageException("--users-file: user '" + entry.user() + "' of realm '"
                + realmName + "' appears in more than one htdigest file");
          }
        }
      }
    }
    List<User> users = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (User user : basic.values()) {
      names.add(user.name());
      String ha1 = md5.get(user.name());
      users.add(ha1 == null ? user : user.withDigest(md5Only(realmName, ha1)));
    }
    for (Map.Entry<String, String> entry : md5.entrySet()) {
      if (names.add(entry.getKey())) {
        users.add(new User(
            entry.getKey(), true, unknownPasswordHash(), md5Only(realmName, entry.getValue())));
      }
    }
    for (UserCredential credential : args.users()) {
      if (!names.add(credential.name())) {
        throw new UsageException(
            "--user: user '" + credential.name() + "' is given more than once");
      }
      char[] password = credential.password();
      try {
        users.add(new User(
            credential.name(),
            true,
            hasher.apply(password),
            CredentialMaterial.digest(credential.name(), realmName, password)));
      } finally {
        Arrays.fill(password, '\0');
      }
    }
    return users;
  }

  private static DigestSecrets md5Only(String realmName, String ha1) {
    return new DigestSecrets(realmName, Map.of(DigestAlgorithm.MD5.token(), ha1));
  }

  /**
   * The hash of a random password, forgotten at once: the user has no password Basic could check,
   * and a stored hash must still be one Warden verifies, at the usual cost.
   */
  private String unknownPasswordHash() {
    char[] password = new char[UNKNOWN_PASSWORD_CHARS];
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('!' + random.nextInt('~' - '!' + 1));
    }
    try {
      return hasher.apply(password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private UsersFile readUsersFile(Path file) throws UsageException {
    try {
      return usersFile.read(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("--users-file: '" + file + "' does not exist");
    } catch (AccessDeniedException e) {
      throw new UsageException("--users-file: '" + file + "' cannot be read (permission denied)");
    } catch (HtpasswdFormatException | HtdigestFormatException e) {
      throw new UsageException("--users-file: '" + file + "', " + e.getMessage());
    } catch (CharacterCodingException e) {
      throw new UsageException("--users-file: '" + file + "', the file is not UTF-8 text");
    } catch (IOException e) {
      throw new UsageException("--users-file: '" + file + "' cannot be read: " + e.getMessage());
    }
  }
}
