package dev.warden.core.auth;

import dev.warden.core.settings.DigestSecrets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Which account an NTLM Type 3 names, and the NT hash stored for it: what {@link NtlmHandshake}
 * checks the client's proof against. Stateless; any thread.
 */
final class NtlmAccounts {

  /** The key the NT hash is stored under in a user's credential material. */
  static final String NT_KEY = "NT";

  private NtlmAccounts() {}

  /**
   * The account named {@code user}: exactly, else the one whose name differs only in case (as
   * Windows); null when there is none, or more than one differing only in case.
   */
  static Account named(ProtectionSpace space, String user) {
    Account exact = space.account(user);
    if (exact != null) {
      return exact;
    }
    Account found = null;
    for (Account account : space.accounts().values()) {
      if (account.name().toLowerCase(Locale.ROOT).equals(user.toLowerCase(Locale.ROOT))) {
        if (found != null) {
          return null; // two names differ only in case: which one is meant cannot be told
        }
        found = account;
      }
    }
    return found;
  }

  /** The 16-byte NT hash stored in {@code secrets}, or null when there is none (or it is bad). */
  static byte[] ntHash(DigestSecrets secrets) {
    String hex = secrets.ha1().get(NT_KEY);
    if (hex == null || hex.length() != 32) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
