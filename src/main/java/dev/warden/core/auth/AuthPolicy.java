package dev.warden.core.auth;

import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import java.util.List;

/**
 * The 407 enforcement compiled from one {@link Settings} value. Immutable and thread-safe; a new
 * policy replaces it when the settings change, so every request is judged by the settings in force
 * when it arrived.
 */
public final class AuthPolicy {

  private final Settings settings;

  private AuthPolicy(Settings settings) {
    this.settings = settings;
  }

  /** Compiles the settings. Cheap: no hashing happens here. Any thread. */
  public static AuthPolicy of(Settings settings) {
    return new AuthPolicy(settings);
  }

  /**
   * Judges one request. Called on network threads: never blocks on I/O and never throws.
   */
  public AuthDecision decide(AuthRequest request) {
    if (!settings.enforcement()) {
      return new AuthDecision(new AuthOutcome.NotRequired(), List.of(), "");
    }
    String realm = settings.defaultRealm().map(Realm::name).orElse(Settings.DEFAULT_REALM_NAME);
    return new AuthDecision(
        new AuthOutcome.Challenged(ChallengeReason.MISSING, "", realm, "", ""),
        List.of("Basic realm=\"" + realm + "\", charset=\"UTF-8\""),
        "");
  }
}
