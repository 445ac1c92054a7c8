package dev.warden.core.auth;

import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Shared fixtures: cheap hashes, settings and requests. */
final class TestPolicies {

  /** Cheap on purpose: the tests make many hashes; the cost itself is measured elsewhere. */
  static final PasswordHasher CHEAP = new PasswordHasher(1_000);

  private TestPolicies() {}

  static User user(String name, String password) {
    return new User(name, true, CHEAP.hash(password.toCharArray()));
  }

  static Settings enforcing(Realm... realms) {
    return new Settings(ListenAddress.DEFAULT, true, List.of(realms), 100, 1024, false);
  }

  static Realm realm(String name, List<String> patterns, User... users) {
    return new Realm(name, patterns, List.of(users));
  }

  static AuthRequest get(String... proxyAuthorization) {
    return new AuthRequest("GET", "example.com", 80, List.of(proxyAuthorization));
  }

  static String basic(String userColonPassword) {
    return basic(userColonPassword, StandardCharsets.UTF_8);
  }

  static String basic(String userColonPassword, Charset charset) {
    return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(charset));
  }

  static String basicBytes(byte... bytes) {
    return "Basic " + Base64.getEncoder().encodeToString(bytes);
  }
}
