package dev.warden.testing;

import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Builds users with real hashes and the Proxy-Authorization values clients would send. */
public final class Users {

  /**
   * Cheaper than Warden's own cost ({@link PasswordHasher#ITERATIONS}): the suite makes and checks
   * hundreds of hashes; what the production cost does is measured by the benchmarks.
   */
  private static final PasswordHasher HASHER = new PasswordHasher(10_000);

  private Users() {}

  public static User user(String name, String password) {
    return new User(name, true, HASHER.hash(password.toCharArray()));
  }

  /** {@code Basic base64(user:password)} with UTF-8 bytes, as the challenge's charset asks. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Defaults with enforcement on and one default realm holding these users. */
  public static Settings realmWith(String realm, User... users) {
    return Settings.defaults().withRealms(List.of(new Realm(realm, List.of(), List.of(users))));
  }
}
