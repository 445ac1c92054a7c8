package dev.warden.core.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A protection space: its name is the {@code realm} of the challenge, it holds its own users, and it
 * applies to the destinations its host patterns match ({@code *.corp.example},
 * {@code api.example.com:8443}). A realm without patterns is the default realm. Immutable.
 */
public record Realm(String name, List<String> hostPatterns, List<User> users) {

  public Realm {
    Objects.requireNonNull(name, "name");
    hostPatterns = List.copyOf(hostPatterns);
    users = List.copyOf(users);
  }

  /** The realm that applies when no other realm's patterns match. */
  public boolean isDefault() {
    return hostPatterns.isEmpty();
  }

  public Optional<User> user(String userName) {
    return users.stream().filter(u -> u.name().equals(userName)).findFirst();
  }

  public Realm withName(String value) {
    return new Realm(value, hostPatterns, users);
  }

  public Realm withHostPatterns(List<String> value) {
    return new Realm(name, value, users);
  }

  public Realm withUsers(List<User> value) {
    return new Realm(name, hostPatterns, value);
  }
}
