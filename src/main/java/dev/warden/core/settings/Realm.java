package dev.warden.core.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A protection space: its name is the {@code realm} of the challenge, it holds its own users, and it
 * applies to the destinations its host patterns match ({@code *.corp.example},
 * {@code api.example.com:8443}). A realm without patterns is the default realm. How it asks for
 * credentials (schemes, Digest algorithms) is its {@link RealmAuth}. Immutable.
 */
public record Realm(String name, List<String> hostPatterns, List<User> users, RealmAuth auth) {

  public Realm {
    Objects.requireNonNull(name, "name");
    hostPatterns = List.copyOf(hostPatterns);
    users = List.copyOf(users);
    Objects.requireNonNull(auth, "auth");
  }

  /** A realm asking for Basic credentials (the {@link RealmAuth#defaults()}). */
  public Realm(String name, List<String> hostPatterns, List<User> users) {
    this(name, hostPatterns, users, RealmAuth.defaults());
  }

  /** The realm that applies when no other realm's patterns match. */
  public boolean isDefault() {
    return hostPatterns.isEmpty();
  }

  public Optional<User> user(String userName) {
    return users.stream().filter(u -> u.name().equals(userName)).findFirst();
  }

  public Realm withName(String value) {
    return new Realm(value, hostPatterns, users, auth);
  }

  public Realm withHostPatterns(List<String> value) {
    return new Realm(name, value, users, auth);
  }

  public Realm withUsers(List<User> value) {
    return new Realm(name, hostPatterns, value, auth);
  }

  public Realm withAuth(RealmAuth value) {
    return new Realm(name, hostPatterns, users, value);
  }
}
