package dev.warden.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.warden.core.auth.CredentialMaterial;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export served by the real Squid (5.x, {@code /usr/sbin/squid}; skipped where it is not
 * installed, scripts/test installs it): {@code squid -k parse} accepts it, and a Squid started from
 * it on a free loopback port admits each exported user of the realm guarding the origin, by Basic
 * (bcrypt, APR1, a password typed at export) and Digest, and answers 407 to a wrong password, to no
 * credentials and to a user of another realm. Only 127.0.0.1 is ever contacted.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SquidServesExportIT {

  static final Path SQUID = Path.of("/usr/sbin/squid");

  @TempDir
  Path temp;

  @Test
  void squidStartsFromTheExportAndAuthenticatesEachUser() throws Exception {
    assumeTrue(Files.isExecutable(SQUID), "Squid is not installed");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    try (TestOrigin origin = new TestOrigin()) {
      User alice =
          new CredentialMaterial().user("alice", true, "Lab proxy", "a-secret".toCharArray());
      Realm lab = new Realm(
          "Lab proxy",
          List.of("127.0.0.1:" + origin.port()),
          List.of(
              new User(
                  "bob",
                  true,
                  BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(5, "b-secret".toCharArray())),
              new User("april", true, SquidExportTest.APR1),
              new User(
                  "uma",
                  true,
                  BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(5, "pässwörd".toCharArray())),
              Users.user("walter", "w-secret"),
              alice),
          RealmAuth.defaults().withSchemes(List.of("basic", "digest")));
      Realm fallback =
          new Realm("Warden", List.of(), List.of(new User("dora", true, SquidExportTest.APR1)));
      Settings settings = Settings.defaults().withRealms(List.of(fallback, lab));

      int port = freePort();
      Path folder = temp.resolve("export");
      SquidExportOptions options = SquidExportOptions.forFolder(folder)
          .withListen(new ListenAddress("127.0.0.1", port))
          .withTypedPasswords(Map.of("walter", "w-secret".toCharArray()));
      SquidExportFolder.write(folder, SquidExport.files(settings, options), false);
      // Started as root, Squid and its helpers run as the proxy user: it must read and write here.
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
      Path conf = folder.resolve(SquidFiles.SQUID_CONF);

      Result parse = run(
          List.of(SQUID.toString(), "-k", "parse", "-f", conf.toString()), Duration.ofSeconds(60));
      assertEquals(0, parse.status(), "squid -k parse:\n" + parse.output());

      Process squid = new ProcessBuilder(SQUID.toString(), "-N", "-f", conf.toString())
          .redirectErrorStream(true)
          .redirectOutput(temp.resolve("squid.out").toFile())
          .start();
      try {
        String url = origin.url("/");
        awaitAnswer(squid, port, url, folder);
        assertEquals("200", curl(port, url, "--proxy-user", "bob:b-secret"), "bcrypt user, Basic");
        assertEquals(
            "200", curl(port, url, "--proxy-user", "april:apr1-secret"), "APR1 user, Basic");
        assertEquals(
            "200", curl(port, url, "--proxy-user", "walter:w-secret"), "password typed at export");
        assertEquals(
            "200",
            curl(port, url, "--proxy-user", "uma:pässwörd"),
            "UTF-8 password, passed as sent");
        String latin1 = java.util.Base64.getEncoder()
            .encodeToString("uma:pässwörd".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(
            "200",
            curl(port, url, "--proxy-header", "Proxy-Authorization: Basic " + latin1),
            "ISO-8859-1 password, accepted as Warden accepts it");
        assertEquals("407", curl(port, url, "--proxy-user", "bob:wrong"), "wrong password");
        assertEquals("407", curl(port, url), "no credentials");
        assertEquals(
            "407", curl(port, url, "--proxy-user", "dora:apr1-secret"), "user of another realm");
        assertEquals(
            "200",
            curl(port, url, "--proxy-digest", "--proxy-user", "alice:a-secret"),
            "Digest MD5");
        assertEquals(
            "407",
            curl(port, url, "--proxy-digest", "--proxy-user", "alice:wrong"),
            "Digest, wrong");
      } finally {
        run(
            List.of(SQUID.toString(), "-k", "shutdown", "-f", conf.toString()),
            Duration.ofSeconds(20));
        if (!squid.waitFor(15, TimeUnit.SECONDS)) {
          squid.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    }
  }

  @Test
  void squidParsesEveryPatternFormAndSchemeMix() throws Exception {
    assumeTrue(Files.isExecutable(SQUID), "Squid is not installed");
    User alice = new CredentialMaterial().user("alice", true, "Corp", "a-secret".toCharArray());
    Realm corp = new Realm(
        "Corp",
        List.of("*.corp.example", "api.example.com:8443", "10.0.0.5", "[::1]:8080"),
        List.of(alice, new User("april", true, SquidExportTest.APR1)),
        RealmAuth.defaults().withSchemes(List.of("digest", "basic")));
    Realm empty = new Realm("Empty", List.of("empty.example"), List.of());
    Realm digestOnly = new Realm(
        "Lab",
        List.of("lab.example:80"),
        List.of(new User("dee", false, SquidExportTest.APR1)),
        RealmAuth.defaults().withSchemes(List.of("digest")));
    Realm fallback = new Realm(
        "Warden default", List.of(), List.of(new User("dora", true, SquidExportTest.APR1)));
    Settings settings = Settings.defaults()
        .withRealms(List.of(corp, empty, fallback, digestOnly))
        .withListen(new ListenAddress("::1", 3128));
    Path folder = temp.resolve("export");
    SquidExportFolder.write(
        folder, SquidExport.files(settings, SquidExportOptions.forFolder(folder)), false);

    Result parse = run(
        List.of(
            SQUID.toString(),
            "-k",
            "parse",
            "-f",
            folder.resolve(SquidFiles.SQUID_CONF).toString()),
        Duration.ofSeconds(60));
    assertEquals(0, parse.status(), "squid -k parse:\n" + parse.output());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Squid answers once its helpers run: any status from it means it is up. */
  private void awaitAnswer(Process squid, int port, String url, Path folder) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      if (!squid.isAlive()) {
        throw new AssertionError("squid exited " + squid.exitValue() + ":\n"
            + log(temp.resolve("squid.out")) + log(folder.resolve("cache.log")));
      }
      if (!curl(port, url).equals("000")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "squid did not answer within 60 s:\n" + log(folder.resolve("cache.log")));
  }

  private static String log(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  private static String curl(int port, String url, String... credentials) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        "/usr/bin/curl",
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "--max-time",
        "10",
        "--noproxy",
        "",
        "--proxy",
        "http://127.0.0.1:" + port));
    command.addAll(List.of(credentials));
    command.add(url);
    return run(command, Duration.ofSeconds(20)).output().strip();
  }

  record Result(int status, String output) {}

  private static Result run(List<String> command, Duration limit) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command.get(0) + " did not end within " + limit);
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
