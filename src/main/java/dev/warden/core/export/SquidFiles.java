package dev.warden.core.export;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of a Squid export folder, ready to write. {@code passwords} and
 * {@code digestPasswords} hold password-equivalent material: never log or show them. Immutable.
 *
 * @param squidConf the {@code squid.conf} text
 * @param passwords the htpasswd file for {@code basic_ncsa_auth}, empty when no realm offers Basic
 * @param digestPasswords the {@code user:realm:HA1} file for {@code digest_file_auth -c}, empty when
 *     no realm offers Digest
 * @param readme {@code README-export.txt}: how to start Squid, and what did not carry over
 * @param needPassword "realm/user" of each user left out because Squid cannot read what Warden
 *     stores for them, with " (for Digest)" or " (for Basic)" when only that scheme lacks them;
 *     typing the password again (an export option) brings them along
 * @param notes what Squid cannot express, one line each (also in the readme and as comments)
 */
public record SquidFiles(
    String squidConf,
    Optional<String> passwords,
    Optional<String> digestPasswords,
    String readme,
    List<String> needPassword,
    List<String> notes) {

  public static final String SQUID_CONF = "squid.conf";
  public static final String PASSWORDS = "passwords";
  public static final String DIGEST_PASSWORDS = "digest_passwords";
  public static final String README = "README-export.txt";

  public SquidFiles {
    Objects.requireNonNull(squidConf);
    Objects.requireNonNull(passwords);
    Objects.requireNonNull(digestPasswords);
    Objects.requireNonNull(readme);
    needPassword = List.copyOf(needPassword);
    notes = List.copyOf(notes);
  }

  /** The file names this export writes, in the order they are written. */
  public List<String> fileNames() {
    List<String> names = new java.util.ArrayList<>(List.of(SQUID_CONF));
    passwords.ifPresent(p -> names.add(PASSWORDS));
    digestPasswords.ifPresent(p -> names.add(DIGEST_PASSWORDS));
    names.add(README);
    return List.copyOf(names);
  }

  /** Never shows the password files. */
  @Override
  public String toString() {
    return "SquidFiles" + fileNames();
  }
}
