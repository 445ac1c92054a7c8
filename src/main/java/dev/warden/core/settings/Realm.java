package dev.warden.core.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A protection space: its name is the {@code realm} of the challenge, it holds its own users, and it
 * applies to the destinations its host patterns match ({@code *.corp.example},
 * {@code api.example.com:8443}). A realm without patterns is the default realm. How it asks for
 * credentials (schemes, Digest algorithms) is its {@link RealmAuth}; which ports its users may open
 * tunnels to with CONNECT is {@code connectPorts}. Immutable.
 *
 * @param connectPorts the ports CONNECT may reach in this realm ({@link #DEFAULT_CONNECT_PORTS}
 *     unless the user added some); a CONNECT to another port is answered 403, even when enforcement
 *     is off, so the proxy cannot be used to reach mail or database ports
 * @param tokens the realm's static Bearer tokens, stored hashed (used when it offers {@code bearer})
 * @param faults the realm's fault knobs ({@link RealmFaults#NONE}: none)
 */
public record Realm(
    String name,
    List<String> hostPatterns,
    List<User> users,
    RealmAuth auth,
    List<Integer> connectPorts,
    List<BearerToken> tokens,
    RealmFaults faults) {

  /** The TLS ports, as in Squid's {@code SSL_ports}: 443, and 8443 which many admin consoles use. */
  public static final List<Integer> DEFAULT_CONNECT_PORTS = List.of(443, 8443);

  public Realm {
    Objects.requireNonNull(name, "name");
    hostPatterns = List.copyOf(hostPatterns);
    users = List.copyOf(users);
    Objects.requireNonNull(auth, "auth");
    connectPorts = List.copyOf(connectPorts);
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(faults, "faults");
  }

  /** A realm without fault knobs. */
  public Realm(
      String name,
      List<String> hostPatterns,
      List<User> users,
      RealmAuth auth,
      List<Integer> connectPorts,
      List<BearerToken> tokens) {
    this(name, hostPatterns, users, auth, connectPorts, tokens, RealmFaults.NONE);
  }

  /** A realm without Bearer tokens. */
  public Realm(
      String name,
      List<String> hostPatterns,
      List<User> users,
      RealmAuth auth,
      List<Integer> connectPorts,
      RealmFaults faults) {
    this(name, hostPatterns, users, auth, connectPorts, List.of(), faults);
  }

  /** A realm without Bearer tokens or fault knobs. */
  public Realm(
      String name,
      List<String> hostPatterns,
      List<User> users,
      RealmAuth auth,
      List<Integer> connectPorts) {
    this(name, hostPatterns, users, auth, connectPorts, List.of(), RealmFaults.NONE);
  }

  /** A realm with the default CONNECT ports. */
  public Realm(String name, List<String> hostPatterns, List<User> users, RealmAuth auth) {
    this(name, hostPatterns, users, auth, DEFAULT_CONNECT_PORTS);
  }

  /** A realm asking for Basic credentials (the {@link RealmAuth#defaults()}), default CONNECT ports. */
  public Realm(String name, List<String> hostPatterns, List<User> users) {
    this(name, hostPatterns, users, RealmAuth.defaults());
  }

  /** Whether CONNECT may reach {@code port} in this realm. */
  public boolean allowsConnectTo(int port) {
    return connectPorts.contains(port);
  }

  /** The realm that applies when no other realm's patterns match. */
  public boolean isDefault() {
    return hostPatterns.isEmpty();
  }

  public Optional<User> user(String userName) {
    return users.stream().filter(u -> u.name().equals(userName)).findFirst();
  }

  public Realm withName(String value) {
    return new Realm(value, hostPatterns, users, auth, connectPorts, tokens, faults);
  }

  public Realm withHostPatterns(List<String> value) {
    return new Realm(name, value, users, auth, connectPorts, tokens, faults);
  }

  public Realm withUsers(List<User> value) {
    return new Realm(name, hostPatterns, value, auth, connectPorts, tokens, faults);
  }

  public Realm withAuth(RealmAuth value) {
    return new Realm(name, hostPatterns, users, value, connectPorts, tokens, faults);
  }

  public Realm withConnectPorts(List<Integer> value) {
    return new Realm(name, hostPatterns, users, auth, value, tokens, faults);
  }

  public Realm withFaults(RealmFaults value) {
    return new Realm(name, hostPatterns, users, auth, connectPorts, tokens, value);
  }

  public Realm withTokens(List<BearerToken> value) {
    return new Realm(name, hostPatterns, users, auth, connectPorts, value, faults);
  }
}
