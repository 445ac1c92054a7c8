package dev.warden.fuzz;

import dev.warden.core.Warden;
import dev.warden.core.auth.AuthState;
import dev.warden.core.auth.LockoutPolicy;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.settings.InMemorySettingsStore;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.testing.TunnelPorts;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the fuzzer runs against: a real Warden on 127.0.0.1 (port 0) with three realms, each
 * guarding an origin of its own on the same port: realm Alpha guards 127.0.0.2 and
 * {@code a.fuzz.test}, realm Beta 127.0.0.3 and {@code b.fuzz.test}, the default realm the rest,
 * including the origin on 127.0.0.1. Each realm has one user, whose password works in no other
 * realm. The names resolve through the test hosts file only ({@code -Djdk.net.hosts.file}), which
 * maps each name to the origin of the realm whose pattern covers it; any other name fails to
 * resolve without reaching the system resolver. Lockouts are off: the fuzzer sends thousands of
 * wrong passwords from one address on purpose.
 */
final class FuzzBed implements AutoCloseable {

  /** One realm: its name, the origin address it guards, the names that reach that address, its user. */
  record Guard(String realm, String address, List<String> names, String user, String password) {
    String basic() {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  static final Guard ALPHA = new Guard(
      "Alpha", "127.0.0.2", List.of("a.fuzz.test", "www.a.fuzz.test"), "ann", "alpha-pass");
  static final Guard BETA =
      new Guard("Beta", "127.0.0.3", List.of("b.fuzz.test", "www.b.fuzz.test"), "bob", "beta-pass");
  static final Guard DEFAULT =
      new Guard("Default", "127.0.0.1", List.of("d.fuzz.test", "localhost"), "dan", "default-pass");
  static final List<Guard> GUARDS = List.of(ALPHA, BETA, DEFAULT);

  private final List<FuzzOrigin> origins = new ArrayList<>();
  private final Warden warden;
  private final AuthState authState = new AuthState(LockoutPolicy.OFF, Clock.systemUTC());

  FuzzBed() throws Exception {
    requireTestHostsFile();
    int port = bindOrigins();
    PasswordHasher hasher = new PasswordHasher();
    List<Realm> realms = new ArrayList<>();
    for (Guard guard : GUARDS) {
      List<String> patterns = new ArrayList<>();
      if (guard != DEFAULT) {
        patterns.add(guard.address());
        guard.names().forEach(name -> patterns.add(name));
      }
      User user = new User(guard.user(), true, hasher.hash(guard.password().toCharArray()));
      realms.add(new Realm(guard.realm(), patterns, List.of(user)));
    }
    Settings settings = Settings.defaults()
        .withListen(new ListenAddress("127.0.0.1", 0))
        .withRealms(realms)
        .withBodyPrefixLimit(1024);
    // the origins' port is where the fuzzer's CONNECTs go: every realm allows it, so tunnels open
    settings = TunnelPorts.allowing(settings, port);
    warden = new Warden(new InMemorySettingsStore(settings), settings, authState);
    if (!warden.start().get(20, TimeUnit.SECONDS).listening()) {
      throw new IllegalStateException("Warden did not start: " + warden.status().message());
    }
  }

  /**
   * Junk host names must never reach the system resolver: the JVM has to run with the test hosts
   * file, and the file has to be the one in use (a name only it knows resolves, a junk one fails).
   */
  static void requireTestHostsFile() {
    if (System.getProperty("jdk.net.hosts.file") == null) {
      throw new IllegalStateException(
          "run with -Djdk.net.hosts.file=src/test/resources/fuzz-hosts: "
              + "the fuzzer's junk host names must not reach the system resolver");
    }
    try {
      if (!InetAddress.getByName("a.fuzz.test").getHostAddress().equals(ALPHA.address())) {
        throw new IllegalStateException("a.fuzz.test does not resolve to " + ALPHA.address());
      }
    } catch (UnknownHostException e) {
      throw new IllegalStateException("the hosts file in use does not name a.fuzz.test", e);
    }
  }

  /** The three origins on one port (so a fuzzed host reaches another realm's origin on the same port). */
  private int bindOrigins() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      FuzzOrigin first = new FuzzOrigin(ALPHA.realm(), InetAddress.getByName(ALPHA.address()), 0);
      try {
        origins.add(first);
        origins.add(
            new FuzzOrigin(BETA.realm(), InetAddress.getByName(BETA.address()), first.port()));
        origins.add(new FuzzOrigin(
            DEFAULT.realm(), InetAddress.getByName(DEFAULT.address()), first.port()));
        return first.port();
      } catch (BindException taken) {
        for (FuzzOrigin origin : origins) {
          origin.close();
        }
        origins.clear();
      }
    }
    throw new IOException("no port free on 127.0.0.1, .2 and .3 at once");
  }

  Warden warden() {
    return warden;
  }

  AuthState authState() {
    return authState;
  }

  int proxyPort() {
    return warden.status().bound().port();
  }

  int originPort() {
    return origins.get(0).port();
  }

  List<FuzzOrigin> origins() {
    return origins;
  }

  long arrivals() {
    return origins.stream().mapToLong(FuzzOrigin::arrivals).sum();
  }

  long wrongAccepts() {
    return origins.stream().mapToLong(FuzzOrigin::wrongAccepts).sum();
  }

  long tunnelDamage() {
    return origins.stream().mapToLong(FuzzOrigin::tunnelDamage).sum();
  }

  List<String> tunnelDamageSamples() {
    return origins.stream().flatMap(o -> o.tunnelDamageSamples().stream()).toList();
  }

  List<String> wrongAcceptSamples() {
    return origins.stream().flatMap(o -> o.wrongAcceptSamples().stream()).toList();
  }

  @Override
  public void close() throws IOException {
    warden.close();
    for (FuzzOrigin origin : origins) {
      origin.close();
    }
  }
}
