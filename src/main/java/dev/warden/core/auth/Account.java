package dev.warden.core.auth;

import dev.warden.core.settings.DigestSecrets;

/**
 * A user of one {@link ProtectionSpace} as the policy needs it: the stored hash already parsed.
 * Immutable.
 *
 * @param hash the parsed stored hash, or {@code null} when it is in a format Warden cannot verify
 *     (such a user never authenticates with Basic; {@link AuthPolicy#problems()} says why)
 * @param stored the stored hash text: the verification cache key, so a new password misses it
 * @param digest the user's Digest material (H(A1) per base algorithm, for the realm it names)
 */
record Account(
    String name, boolean enabled, PasswordHash hash, String stored, DigestSecrets digest) {

  Account(String name, boolean enabled, PasswordHash hash) {
    this(name, enabled, hash, String.valueOf(System.identityHashCode(hash)), DigestSecrets.NONE);
  }

  @Override
  public String toString() {
    return "Account[" + name + (enabled ? "" : ", disabled") + "]";
  }
}
