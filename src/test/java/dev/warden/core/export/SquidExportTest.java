package dev.warden.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.auth.digest.DigestCalculation;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.testing.Users;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SquidExportTest {

  static final String APR1 =
      "$apr1$Wq3kP9zA$j0SpeKgNG8on5qRyizppV."; // openssl passwd -apr1: apr1-secret
  static final String SHA = "{SHA}KkPcK3XYeA35EhWhKYmaCyAgadY="; // sha-secret
  static final Path FOLDER = Path.of("/srv/squid-export");

  static String bcrypt(String password) {
    return BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, password.toCharArray());
  }

  static SquidExportOptions options() {
    return new SquidExportOptions(
        FOLDER,
        "/usr/lib/squid/basic_ncsa_auth",
        "/usr/lib/squid/digest_file_auth",
        Optional.empty(),
        Map.of());
  }

  static Settings withRealms(Realm... realms) {
    return Settings.defaults().withRealms(List.of(realms));
  }

  @Test
  void exportsBcryptAndApr1HashesAsTheyAre() {
    String bcrypt = bcrypt("b-secret");
    SquidFiles files = SquidExport.files(
        withRealms(new Realm(
            "Warden",
            List.of(),
            List.of(new User("bob", true, bcrypt), new User("april", true, APR1)))),
        options());

    assertEquals("bob:" + bcrypt + "\napril:" + APR1 + "\n", files.passwords().orElseThrow());
    assertTrue(files.needPassword().isEmpty());
    assertTrue(
        files
            .squidConf()
            .contains(
                "auth_param basic program /usr/lib/squid/basic_ncsa_auth /srv/squid-export/passwords\n"));
    assertTrue(files.squidConf().contains("auth_param basic realm Warden\n"));
    assertTrue(files
        .squidConf()
        .contains("acl realm1_users proxy_auth bob april\n"
            + "http_access deny !realm1_users\nhttp_access allow realm1_users\n"));
    assertTrue(files.squidConf().endsWith("http_access deny all\n"));
    assertFalse(files.squidConf().contains("auth_param digest"), "no realm offers Digest");
    assertEquals(Optional.empty(), files.digestPasswords());
  }

  @Test
  void listsPbkdf2AndShaUsersAsNeedingTheirPasswordAndLeavesThemOut() {
    SquidFiles files = SquidExport.files(
        withRealms(new Realm(
            "Warden",
            List.of(),
            List.of(
                Users.user("walter", "w-secret"),
                new User("shay", true, SHA),
                new User("april", true, APR1)))),
        options());

    assertEquals(List.of("Warden/walter", "Warden/shay"), files.needPassword());
    assertEquals("april:" + APR1 + "\n", files.passwords().orElseThrow());
    assertTrue(files.squidConf().contains("acl realm1_users proxy_auth april\n"));
    assertTrue(files.readme().contains("  - Warden/walter\n  - Warden/shay\n"));
  }

  @Test
  void hashesATypedPasswordWithBcryptWhenItMatchesTheStoredOne() {
    Settings settings = withRealms(new Realm(
        "Warden",
        List.of(),
        List.of(Users.user("walter", "w-secret"), Users.user("wendy", "wendy-secret"))));
    SquidFiles files = SquidExport.files(
        settings,
        options()
            .withTypedPasswords(
                Map.of("walter", "w-secret".toCharArray(), "wendy", "not-hers".toCharArray())));

    String line = files.passwords().orElseThrow().strip();
    assertTrue(line.startsWith("walter:$2y$10$"), "one bcrypt line for walter");
    assertTrue(BCrypt.verifyer()
        .verify("w-secret".toCharArray(), line.substring("walter:".length()))
        .verified);
    assertEquals(List.of("Warden/wendy"), files.needPassword());
    assertTrue(files.notes().stream()
        .anyMatch(n -> n.contains("Warden/wendy") && n.contains("not the stored one")));
  }

  @Test
  void writesDigestHa1ForTheSquidRealmInSchemeOrder() {
    User alice = new CredentialMaterial().user("alice", true, "Lab", "a-secret".toCharArray());
    Realm lab = new Realm(
        "Lab",
        List.of(),
        List.of(alice),
        RealmAuth.defaults().withSchemes(List.of("digest", "basic")));
    SquidFiles files = SquidExport.files(withRealms(lab), options());

    String ha1 =
        DigestCalculation.ha1(DigestAlgorithm.MD5, "alice", "Lab", "a-secret".toCharArray());
    assertEquals("alice:Lab:" + ha1 + "\n", files.digestPasswords().orElseThrow());
    String conf = files.squidConf();
    assertTrue(conf.contains("auth_param digest program /usr/lib/squid/digest_file_auth -c "
        + "/srv/squid-export/digest_passwords\n"));
    assertTrue(
        conf.indexOf("auth_param digest program") < conf.indexOf("auth_param basic program"),
        "Squid challenges in auth_param order: Digest first, as the realm asks");
    assertTrue(conf.contains("auth_param digest realm Lab\n"));
    assertEquals(
        List.of("Lab/alice (for Basic)"),
        files.needPassword(),
        "alice's PBKDF2 hash cannot serve Basic");
  }

  @Test
  void namesTheSchemeAnApr1UserWithoutDigestMaterialStillNeedsAPasswordFor() {
    Realm lab = new Realm(
        "Lab",
        List.of(),
        List.of(new User("april", true, APR1)),
        RealmAuth.defaults().withSchemes(List.of("basic", "digest")));
    SquidFiles files = SquidExport.files(withRealms(lab), options());

    assertEquals(List.of("Lab/april (for Digest)"), files.needPassword());
    assertEquals("april:" + APR1 + "\n", files.passwords().orElseThrow());
    assertEquals("", files.digestPasswords().orElseThrow());
  }

  @Test
  void digestOnlyRealmPutsItsUsersInTheDigestFileOnly() {
    User alice = new CredentialMaterial()
        .user("alice", true, "Lab", "a-secret".toCharArray())
        .withPasswordHash(APR1)
        .withDigest(CredentialMaterial.digest("alice", "Lab", "a-secret".toCharArray()));
    Realm lab = new Realm(
        "Lab", List.of(), List.of(alice), RealmAuth.defaults().withSchemes(List.of("digest")));
    SquidFiles files = SquidExport.files(withRealms(lab), options());

    assertEquals(
        Optional.empty(), files.passwords(), "no Basic: an APR1 hash must not open Basic in Squid");
    assertFalse(files.squidConf().contains("auth_param basic"));
    assertTrue(files.digestPasswords().orElseThrow().startsWith("alice:Lab:"));
  }

  @Test
  void translatesEachPatternFormToAnAclInWardensRealmOrder() {
    Realm fallback = new Realm("Warden", List.of(), List.of(new User("dora", true, APR1)));
    Realm corp = new Realm(
        "Corp",
        List.of("*.corp.example", "api.example.com:8443", "10.0.0.5", "[::1]:8080"),
        List.of(new User("carl", true, APR1)));
    Realm lab = new Realm("Lab", List.of("lab.example"), List.of(new User("lars", true, APR1)));
    String conf = SquidExport.files(withRealms(fallback, corp, lab), options()).squidConf();

    assertTrue(conf.contains("""
        acl realm1_dst_1 dstdom_regex -n -i \\.corp\\.example\\.?$
        acl realm1_dst_2_host dstdomain -n api.example.com
        acl realm1_dst_2_port port 8443
        acl realm1_dst_2 all-of realm1_dst_2_host realm1_dst_2_port
        acl realm1_dst_3 dst 10.0.0.5
        acl realm1_dst_4_host dst ::1
        acl realm1_dst_4_port port 8080
        acl realm1_dst_4 all-of realm1_dst_4_host realm1_dst_4_port
        acl realm1_dst any-of realm1_dst_1 realm1_dst_2 realm1_dst_3 realm1_dst_4
        acl realm1_users proxy_auth carl
        http_access deny realm1_dst !realm1_users
        http_access allow realm1_dst realm1_users
        """), conf);
    assertTrue(conf.contains("acl realm2_dst_1 dstdomain -n lab.example\n"));
    assertTrue(conf.indexOf("realm1_dst !realm1_users") < conf.indexOf("realm2_dst !realm2_users"));
    assertTrue(
        conf.indexOf("realm2_dst !realm2_users") < conf.indexOf("http_access deny !realm3_users"),
        "the default realm comes last, whatever its place in Warden's list");
  }

  @Test
  void keepsTheFirstPasswordOfANameInTwoRealmsAndLeavesTheOtherRealmWithout() {
    Realm corp = new Realm("Corp", List.of("corp.example"), List.of(new User("sam", true, APR1)));
    Realm fallback =
        new Realm("Warden", List.of(), List.of(new User("sam", true, bcrypt("other"))));
    SquidFiles files = SquidExport.files(withRealms(corp, fallback), options());

    assertEquals("sam:" + APR1 + "\n", files.passwords().orElseThrow());
    assertTrue(files.notes().stream().anyMatch(n -> n.contains("Warden/sam")));
    assertTrue(files
        .squidConf()
        .contains("# no user of this realm could be exported: nobody gets through\n"
            + "http_access deny all\n"));
  }

  @Test
  void leavesDisabledUsersOutAndDeniesARealmWithoutUsers() {
    Realm corp = new Realm("Corp", List.of("corp.example"), List.of(new User("dee", false, APR1)));
    Realm fallback = new Realm("Warden", List.of(), List.of(new User("ann", true, APR1)));
    SquidFiles files = SquidExport.files(withRealms(corp, fallback), options());

    assertFalse(files.passwords().orElseThrow().contains("dee"));
    assertTrue(files.squidConf().contains("http_access deny realm1_dst\n"));
    assertTrue(files.readme().contains("disabled users are not exported: Corp/dee"));
    assertTrue(files.squidConf().contains("# What Squid cannot express as Warden had it:\n#   "));
    assertTrue(files.squidConf().contains("\n#   disabled users are not exported: Corp/dee\n"));
  }

  @Test
  void listensWhereWardenListensOrWhereToldAndKeepsLogsInTheFolder() {
    Settings settings = withRealms(
            new Realm("Warden", List.of(), List.of(new User("ann", true, APR1))))
        .withListen(new ListenAddress("::1", 8080));
    assertTrue(
        SquidExport.files(settings, options()).squidConf().contains("\nhttp_port [::1]:8080\n"));
    String conf = SquidExport.files(
            settings, options().withListen(new ListenAddress("127.0.0.1", 0)))
        .squidConf();
    assertTrue(conf.contains("\nhttp_port 127.0.0.1:3128\n"));
    assertTrue(conf.contains("\naccess_log stdio:/srv/squid-export/access.log\n"));
    assertTrue(conf.contains("\npid_filename /srv/squid-export/squid.pid\n"));
    assertTrue(conf.contains("\ncache deny all\n"));
  }

  @Test
  void keepsALineBreakInARealmNameOutOfSquidConf() {
    Realm odd =
        new Realm("Lab\nhttp_access allow all", List.of(), List.of(new User("ann", true, APR1)));
    Realm odder = new Realm(
        "Corp\nhttp_access allow all",
        List.of("corp.example"),
        List.of(new User("cat", true, APR1)));
    String conf = SquidExport.files(withRealms(odd, odder), options()).squidConf();
    assertTrue(conf.contains("auth_param basic realm Lab http_access allow all\n"));
    assertFalse(
        conf.contains("\nhttp_access allow all"),
        "neither in the realm line nor in a note's comment");
  }
}
