package dev.warden.core.auth;

import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.auth.digest.DigestCalculation;
import dev.warden.core.auth.ntlm.NtlmV2;
import dev.warden.core.settings.DigestSecrets;
import dev.warden.core.settings.User;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a password typed once into everything Warden stores for a user of one realm: the salted slow
 * hash Basic is checked against, and H(A1) for each Digest base algorithm (MD5, SHA-256,
 * SHA-512-256), so switching Digest or another algorithm on later needs no password; renaming the
 * realm does (H(A1) hashes the realm name).
 *
 * <p>Thread-safe. Costs one slow hash: call it on a worker thread, never the FX thread or a network
 * thread. The password is neither kept nor changed.
 */
public final class CredentialMaterial {

  private final PasswordHasher hasher;

  public CredentialMaterial() {
    this(new PasswordHasher());
  }

  public CredentialMaterial(PasswordHasher hasher) {
    this.hasher = hasher;
  }

  /** A user of {@code realm} with this password. */
  public User user(String name, boolean enabled, String realm, char[] password) {
    return new User(name, enabled, hasher.hash(password), digest(name, realm, password));
  }

  /**
   * Only the fast-hash material of {@code name} in {@code realm}: H(A1) for each Digest base algorithm
   * and, under {@code NT}, NTLM's NT hash (MD4 of the UTF-16LE password; it does not depend on the
   * realm). Cheap: four fast hashes.
   */
  public static DigestSecrets digest(String name, String realm, char[] password) {
    Map<String, String> ha1 = new LinkedHashMap<>();
    for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
      if (!algorithm.isSession()) {
        ha1.put(algorithm.token(), DigestCalculation.ha1(algorithm, name, realm, password));
      }
    }
    ha1.put(NtlmAccounts.NT_KEY, HexFormat.of().formatHex(NtlmV2.ntHash(password)));
    return new DigestSecrets(realm, ha1);
  }
}
