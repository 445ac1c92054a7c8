package dev.warden.core.auth;

import dev.warden.core.settings.RealmAuth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authentication schemes a policy can offer, by the name realms give them in the settings: the
 * five built in, then any a caller added to the {@link AuthState} (a name already taken keeps the
 * built-in scheme). Built per compiled policy; the schemes keep their long-lived state in the
 * {@link AuthState}, so a new catalogue forgets nothing. Any thread.
 */
final class SchemeCatalogue {

  private SchemeCatalogue() {}

  /** The schemes by name, in the order they were added. */
  static Map<String, AuthScheme> of(AuthState state) {
    Map<String, AuthScheme> schemes = new LinkedHashMap<>();
    schemes.put(RealmAuth.BASIC, new BasicScheme(state.verifier()));
    schemes.put(RealmAuth.DIGEST, new DigestScheme(state));
    schemes.put(RealmAuth.NTLM, new NtlmScheme(state.clock()));
    schemes.put(RealmAuth.NEGOTIATE, new NegotiateScheme(state.clock()));
    schemes.put(RealmAuth.BEARER, new BearerScheme());
    state.addedSchemes().forEach((key, factory) -> schemes.putIfAbsent(key, factory.apply(state)));
    return schemes;
  }
}
