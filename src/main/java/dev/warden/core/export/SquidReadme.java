package dev.warden.core.export;

import java.nio.file.Path;
import java.util.List;

/**
 * The readme of a Squid export, for the person who starts Squid from it: the files, how to start
 * Squid in the folder, which users need their password typed again, and what Squid cannot express
 * as Warden had it. Stateless; any thread.
 */
final class SquidReadme {

  private SquidReadme() {}

  /**
   * The readme of an export into {@code folder}.
   *
   * @param needPassword {@code realm/user} of users left out until their password is given
   * @param notes what Squid cannot express as Warden had it, one sentence each
   */
  static String text(
      Path folder,
      boolean anyBasic,
      boolean anyDigest,
      String basicRealm,
      String digestRealm,
      List<String> needPassword,
      List<String> notes) {
    StringBuilder out = new StringBuilder();
    out.append("Warden's realms and users as a Squid 5 configuration\n")
        .append("====================================================\n\n")
        .append("Files\n")
        .append("  squid.conf        the configuration; check it with: squid -k parse -f ")
        .append(folder.resolve(SquidFiles.SQUID_CONF))
        .append('\n');
    if (anyBasic) {
      out.append(
          "  passwords         htpasswd file for basic_ncsa_auth (bcrypt and APR1 hashes)\n");
    }
    if (anyDigest) {
      out.append("  digest_passwords  user:realm:HA1 lines for digest_file_auth -c (MD5 only)\n");
    }
    out.append("\nStart\n")
        .append("  squid -N -f ")
        .append(folder.resolve(SquidFiles.SQUID_CONF))
        .append("   (foreground; pid file and logs stay in this folder)\n")
        .append(
            "  Started as root, Squid runs as its own user (proxy on Debian, squid on Fedora), which\n")
        .append("  must read the password files and write the logs here, e.g.\n")
        .append("  chown proxy ")
        .append(folder)
        .append(' ')
        .append(folder)
        .append("/*\n")
        .append("  The password files are owner-only: they are password-equivalent.\n")
        .append("  To serve other machines, change http_port to their network and add an ACL of\n")
        .append("  their addresses; the export listens where Warden listens.\n\n");
    out.append("Users who need their password typed again\n");
    if (needPassword.isEmpty()) {
      out.append("  none\n");
    } else {
      out.append(
              "  Squid cannot read Warden's own PBKDF2 hashes nor {SHA} hashes, and Digest needs MD5 H(A1)\n")
          .append(
              "  for its realm name; these users are left out (of the scheme named) until their\n")
          .append("  password is given at export (warden --headless --user NAME:PASSWORD\n")
          .append(
              "  --export-squid DIR, or the window's export), or added with htpasswd/htdigest:\n");
      needPassword.forEach(who -> out.append("  - ").append(who).append('\n'));
    }
    out.append("\nWhat Squid cannot express\n");
    out.append("  - Squid offers one realm name per scheme (Basic '")
        .append(SquidText.line(basicRealm))
        .append("', Digest '")
        .append(SquidText.line(digestRealm))
        .append("'); a user belongs to a\n")
        .append(
            "    realm through its proxy_auth ACL, and one password per user name serves all realms.\n")
        .append("  - Digest is MD5 only; Digest H(A1) is tied to the realm name above.\n");
    notes.forEach(note -> out.append("  - ").append(note).append('\n'));
    return out.toString();
  }
}
