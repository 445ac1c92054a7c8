package dev.warden.core.settings;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A user's Digest credential material: H(A1) = H(user ":" realm ":" password) for each base
 * algorithm ({@code MD5}, {@code SHA-256}, {@code SHA-512-256}), as lower-case hex. Each value is
 * password-equivalent for that realm (whoever has it can answer any Digest challenge of the realm),
 * so the settings file is written owner-only. The values are tied to the realm name they were made
 * for: after a rename they are useless and the password must be given again. Immutable.
 *
 * @param realm the realm name the values were computed with
 * @param ha1 base algorithm token to H(A1) hex; also {@code NT} to NTLM's NT hash (MD4 of the
 *     UTF-16LE password, as hex), which does not depend on the realm and is just as password-equivalent
 */
public record DigestSecrets(String realm, Map<String, String> ha1) {

  public static final DigestSecrets NONE = new DigestSecrets("", Map.of());

  public DigestSecrets {
    Objects.requireNonNull(realm, "realm");
    ha1 = Map.copyOf(new TreeMap<>(ha1));
  }

  /** Whether these values answer Digest in {@code realmName} with {@code baseAlgorithm}. */
  public boolean covers(String realmName, String baseAlgorithm) {
    return realm.equals(realmName) && ha1.containsKey(baseAlgorithm);
  }

  public boolean isEmpty() {
    return ha1.isEmpty();
  }

  /** Never prints a value: each is password-equivalent. */
  @Override
  public String toString() {
    return "DigestSecrets[" + realm + ", " + ha1.keySet() + "]";
  }
}
