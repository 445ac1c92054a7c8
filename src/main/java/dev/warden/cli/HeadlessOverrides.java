package dev.warden.cli;

import dev.warden.core.auth.HtpasswdFormatException;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies the headless flags to the settings a run starts from. The result is for this run only:
 * nothing here saves. Stateless apart from its collaborators; call on one thread.
 *
 * <ul>
 *   <li>{@code --listen} replaces the address; {@code --no-auth} turns enforcement off;
 *   <li>{@code --realm} renames the default realm (or adds one when the settings have none);
 *   <li>{@code --users-file} then {@code --user}, when either is given, replace the default realm's
 *       users, so a run's users are exactly the ones on its command line.
 * </ul>
 */
public final class HeadlessOverrides {

  /** Reads an htpasswd file; a bad line is an {@link HtpasswdFormatException} naming the line. */
  @FunctionalInterface
  public interface UsersFileReader {
    List<User> read(Path file) throws IOException;
  }

  private final Function<char[], String> hasher;
  private final UsersFileReader usersFile;

  /**
   * @param hasher turns a plain password into a stored hash (slow by design)
   * @param usersFile reads {@code --users-file}
   */
  public HeadlessOverrides(Function<char[], String> hasher, UsersFileReader usersFile) {
    this.hasher = Objects.requireNonNull(hasher);
    this.usersFile = Objects.requireNonNull(usersFile);
  }

  /**
   * @throws UsageException when the users file cannot be read or a user is given twice
   */
  public Settings apply(Settings base, Arguments args) throws UsageException {
    Settings settings = base;
    if (args.listen().isPresent()) {
      settings = settings.withListen(args.listen().get());
    }
    if (args.noAuth()) {
      settings = settings.withEnforcement(false);
    }
    boolean replacesUsers = !args.users().isEmpty() || args.usersFile().isPresent();
    if (args.realm().isEmpty() && !replacesUsers) {
      return settings;
    }
    List<Realm> realms = new ArrayList<>(settings.realms());
    int index = indexOfDefault(realms);
    Realm realm =
        index >= 0
            ? realms.get(index)
            : new Realm(args.realm().orElse(Settings.DEFAULT_REALM_NAME), List.of(), List.of());
    if (args.realm().isPresent()) {
      realm = realm.withName(args.realm().get());
    }
    if (replacesUsers) {
      realm = realm.withUsers(users(args));
    }
    if (index >= 0) {
      realms.set(index, realm);
    } else {
      realms.add(realm);
    }
    return settings.withRealms(realms);
  }

  private static int indexOfDefault(List<Realm> realms) {
    for (int i = 0; i < realms.size(); i++) {
      if (realms.get(i).isDefault()) {
        return i;
      }
    }
    return -1;
  }

  private List<User> users(Arguments args) throws UsageException {
    List<User> users = new ArrayList<>();
    Set<String> names = new HashSet<>();
    if (args.usersFile().isPresent()) {
      for (User user : readUsersFile(args.usersFile().get())) {
        if (!names.add(user.name())) {
          throw new UsageException("--users-file: user '" + user.name() + "' appears more than once");
        }
        users.add(user);
      }
    }
    for (UserCredential credential : args.users()) {
      if (!names.add(credential.name())) {
        throw new UsageException("--user: user '" + credential.name() + "' is given more than once");
      }
      char[] password = credential.password();
      try {
        users.add(new User(credential.name(), true, hasher.apply(password)));
      } finally {
        Arrays.fill(password, '\0');
      }
    }
    return users;
  }

  private List<User> readUsersFile(Path file) throws UsageException {
    try {
      return usersFile.read(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("--users-file: '" + file + "' does not exist");
    } catch (AccessDeniedException e) {
      throw new UsageException("--users-file: '" + file + "' cannot be read (permission denied)");
    } catch (HtpasswdFormatException e) {
      throw new UsageException("--users-file: '" + file + "', " + e.getMessage());
    } catch (IOException e) {
      throw new UsageException("--users-file: '" + file + "' cannot be read: " + e.getMessage());
    }
  }
}
