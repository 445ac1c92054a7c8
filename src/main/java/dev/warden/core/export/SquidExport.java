package dev.warden.core.export;

import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Warden's realms and users as a Squid 5 configuration that Squid starts from as it is: squid.conf,
 * an htpasswd file for {@code basic_ncsa_auth}, a {@code user:realm:HA1} file for
 * {@code digest_file_auth -c}, and a readme of what did not carry over.
 *
 * <p>What Squid reads: bcrypt and APR1 hashes as they are (Debian's libxcrypt {@code crypt()} and
 * Squid's own MD5-crypt); not Warden's PBKDF2, nor {SHA} ({@code basic_ncsa_auth} has no SHA-1): those
 * users need their password typed again. Digest: MD5 only (Squid 5 offers no other algorithm), one
 * realm name per scheme (Warden has one per realm).
 *
 * <p>This class writes squid.conf (listen address, realms as ACLs, auth_param in challenge order)
 * and collects the notes; {@link SquidPasswordFiles} fills the password files user by user and
 * {@link SquidReadme} words the readme.
 *
 * <p>Pure apart from CPU: a typed password is checked against the stored hash (one slow hash) and
 * hashed again with bcrypt, so call it on a worker thread, never the FX thread or a network thread.
 */
public final class SquidExport {

  private SquidExport() {}

  /** The files for {@code settings}, to be written to {@code options.folder()}. */
  public static SquidFiles files(Settings settings, SquidExportOptions options) {
    return new Builder(settings, options).build();
  }

  /** Builds one export; holds the state of the walk over realms and users. */
  private static final class Builder {
    private final Settings settings;
    private final SquidExportOptions options;
    private final List<String> notes = new ArrayList<>();
    private final List<Realm> ordered;
    private final Realm first;
    private final String basicRealm;
    private final String digestRealm;
    private final boolean anyBasic;
    private final boolean anyDigest;
    private final SquidPasswordFiles passwords;

    Builder(Settings settings, SquidExportOptions options) {
      this.settings = settings;
      this.options = options;
      // Warden asks the patterned realms in order and falls back to the default: Squid, top to
      // bottom.
      List<Realm> realms =
          new ArrayList<>(settings.realms().stream().filter(r -> !r.isDefault()).toList());
      settings.defaultRealm().ifPresent(realms::add);
      this.ordered = List.copyOf(realms);
      this.first = settings.defaultRealm().orElse(ordered.isEmpty() ? null : ordered.get(0));
      this.anyBasic = ordered.stream().anyMatch(r -> r.auth().offers(RealmAuth.BASIC));
      this.anyDigest = ordered.stream().anyMatch(r -> r.auth().offers(RealmAuth.DIGEST));
      this.basicRealm = realmOffering(RealmAuth.BASIC);
      this.digestRealm = realmOffering(RealmAuth.DIGEST);
      this.passwords = new SquidPasswordFiles(options, digestRealm, this::note);
    }

    /** The default realm's name when it offers the scheme, otherwise the first realm's that does. */
    private String realmOffering(String scheme) {
      if (first != null && first.auth().offers(scheme)) {
        return first.name();
      }
      return ordered.stream()
          .filter(r -> r.auth().offers(scheme))
          .map(Realm::name)
          .findFirst()
          .orElse("");
    }

    SquidFiles build() {
      StringBuilder conf = new StringBuilder();
      Path folder = options.folder();
      ListenAddress listen = options.listen().orElse(settings.listen());
      int port = listen.port() == 0 ? 3128 : listen.port();
      conf.append(
              "# Squid 5 configuration exported by Warden: its realms and users, loopback defaults.\n")
          .append("# Start in the foreground:  squid -N -f ")
          .append(folder.resolve(SquidFiles.SQUID_CONF))
          .append("\n# Read ")
          .append(folder.resolve(SquidFiles.README))
          .append(" first.\n\n");
      int notesAt = conf.length();
      String host = listen.host().indexOf(':') >= 0 ? "[" + listen.host() + "]" : listen.host();
      conf.append("http_port ").append(host).append(':').append(port).append('\n');
      if (listen.port() == 0) {
        note("Warden listens on any free port (0); Squid needs one: 3128 written");
      }
      conf.append("pid_filename ")
          .append(folder.resolve("squid.pid"))
          .append('\n')
          .append("cache_log ")
          .append(folder.resolve("cache.log"))
          .append('\n')
          .append("access_log stdio:")
          .append(folder.resolve("access.log"))
          .append('\n')
          .append("coredump_dir ")
          .append(folder)
          .append('\n')
          .append("# An inspector's proxy keeps no copies: no cache, no disk store.\n")
          .append("cache deny all\n")
          .append("cache_mem 8 MB\n")
          .append("shutdown_lifetime 1 second\n\n");

      StringBuilder access = new StringBuilder();
      for (Realm realm : ordered) {
        realm(realm, access);
      }
      if (!settings.enforcement()) {
        note("Warden's enforcement is off (no 407); the export asks for credentials all the same");
      }

      if (ordered.stream()
          .anyMatch(r -> r.auth().offers(RealmAuth.NTLM)
              || r.auth().offers(RealmAuth.NEGOTIATE)
              || r.auth().offers(RealmAuth.BEARER))) {
        note(
            "NTLM, Negotiate and Bearer are not exported: Squid needs a Windows domain (ntlm_auth) or a"
                + " Kerberos keytab for the first two and has no static Bearer tokens");
      }
      // Squid challenges in auth_param order: the default realm's scheme order decides.
      List<String> schemeOrder = new ArrayList<>();
      if (first != null) {
        first.auth().schemes().stream()
            .filter(RealmAuth.KNOWN_SCHEMES::contains)
            .forEach(schemeOrder::add);
      }
      for (String scheme : RealmAuth.KNOWN_SCHEMES) {
        boolean used = scheme.equals(RealmAuth.BASIC)
            ? anyBasic
            : scheme.equals(RealmAuth.DIGEST) && anyDigest;
        if (used && !schemeOrder.contains(scheme)) {
          schemeOrder.add(scheme);
        }
      }
      for (String scheme : schemeOrder) {
        if (scheme.equals(RealmAuth.BASIC) && anyBasic) {
          conf.append("auth_param basic program ")
              .append(options.basicHelper())
              .append(' ')
              .append(folder.resolve(SquidFiles.PASSWORDS))
              .append('\n')
              .append("auth_param basic children 5 startup=1 idle=1\n")
              .append("auth_param basic realm ")
              .append(SquidText.line(basicRealm))
              .append('\n')
              .append("auth_param basic credentialsttl 2 hours\n")
              .append(
                  "# Warden also accepts ISO-8859-1 credentials (clients that ignore charset=UTF-8): Squid\n")
              .append("# converts them to UTF-8 for the helper and passes valid UTF-8 as it is.\n")
              .append("auth_param basic utf8 on\n");
        } else if (scheme.equals(RealmAuth.DIGEST) && anyDigest) {
          long nonceSeconds = ordered.stream()
              .filter(r -> r.name().equals(digestRealm))
              .findFirst()
              .map(r -> r.auth().nonceLifetime().toSeconds())
              .orElse(300L);
          conf.append("# Squid's Digest offers MD5 only (no SHA-256, no SHA-512-256).\n")
              .append("auth_param digest program ")
              .append(options.digestHelper())
              .append(" -c ")
              .append(folder.resolve(SquidFiles.DIGEST_PASSWORDS))
              .append('\n')
              .append("auth_param digest children 5 startup=1 idle=1\n")
              .append("auth_param digest realm ")
              .append(SquidText.line(digestRealm))
              .append('\n')
              .append("auth_param digest nonce_max_duration ")
              .append(Math.max(60, nonceSeconds))
              .append(" seconds\n")
              .append("auth_param digest nonce_garbage_interval 5 minutes\n");
        }
      }
      if (anyDigest
          && ordered.stream()
              .anyMatch(r -> r.auth().offers(RealmAuth.DIGEST)
                  && !r.auth().digestAlgorithms().isEmpty()
                  && !r.auth().digestAlgorithms().contains("MD5"))) {
        note("a realm offers Digest without MD5; Squid 5's Digest offers MD5 only");
      }
      for (Realm realm : ordered) {
        if (!realm.auth().schemes().equals(schemeOrder)) {
          note("realm '" + realm.name() + "' offers " + realm.auth().schemes()
              + ": Squid challenges every " + "realm with " + schemeOrder
              + " (its users are in the password file of their schemes only)");
        }
      }
      conf.append('\n').append(access).append("http_access deny all\n");
      if (!passwords.disabled().isEmpty()) {
        note("disabled users are not exported: " + String.join(", ", passwords.disabled()));
      }
      if (!notes.isEmpty()) {
        StringBuilder block = new StringBuilder("# What Squid cannot express as Warden had it:\n");
        notes.forEach(note -> block.append("#   ").append(SquidText.line(note)).append('\n'));
        conf.insert(notesAt, block.append('\n'));
      }
      return new SquidFiles(
          conf.toString(),
          anyBasic ? Optional.of(passwords.basic()) : Optional.empty(),
          anyDigest ? Optional.of(passwords.digest()) : Optional.empty(),
          SquidReadme.text(
              folder,
              anyBasic,
              anyDigest,
              basicRealm,
              digestRealm,
              passwords.needPassword(),
              notes),
          passwords.needPassword(),
          notes);
    }

    private void realm(Realm realm, StringBuilder access) {
      int index = ordered.indexOf(realm) + 1;
      String acl = "realm" + index;
      access
          .append("# realm '")
          .append(SquidText.line(realm.name()))
          .append("'")
          .append(
              realm.isDefault()
                  ? " (default: every other destination)"
                  : ": "
                      + String.join(
                          ", ",
                          realm.hostPatterns().stream().map(SquidText::line).toList()))
          .append('\n');
      if (!realm.isDefault()) {
        SquidDestinations.Acls destinations =
            SquidDestinations.of(acl + "_dst", realm.hostPatterns());
        destinations.lines().forEach(line -> access.append(line).append('\n'));
        destinations.notes().forEach(this::note);
      }
      if (!realm.name().equals(basicRealm) && realm.auth().offers(RealmAuth.BASIC)
          || !realm.name().equals(digestRealm) && realm.auth().offers(RealmAuth.DIGEST)) {
        note("realm '" + realm.name() + "' is challenged with Squid's single realm name per scheme"
            + " (Basic '" + basicRealm + "', Digest '" + digestRealm + "')");
      }
      List<String> members = new ArrayList<>();
      for (User user : realm.users()) {
        if (passwords.add(realm, user)) {
          members.add(user.name());
        }
      }
      String where = realm.isDefault() ? "" : acl + "_dst ";
      if (members.isEmpty()) {
        access
            .append("# no user of this realm could be exported: nobody gets through\n")
            .append("http_access deny ")
            .append(realm.isDefault() ? "all" : acl + "_dst")
            .append("\n\n");
        return;
      }
      // -i off: Warden compares user names exactly, as Squid's proxy_auth does by default.
      access
          .append("acl ")
          .append(acl)
          .append("_users proxy_auth ")
          .append(String.join(" ", members))
          .append('\n')
          // an auth ACL last on a deny line makes Squid challenge again (407), as Warden does
          .append("http_access deny ")
          .append(where)
          .append('!')
          .append(acl)
          .append("_users\n")
          .append("http_access allow ")
          .append(where)
          .append(acl)
          .append("_users\n\n");
    }

    private void note(String note) {
      if (!notes.contains(note)) {
        notes.add(note);
      }
    }
  }
}
