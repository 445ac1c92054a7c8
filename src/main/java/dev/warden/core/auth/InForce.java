package dev.warden.core.auth;

import dev.warden.core.settings.Settings;
import java.util.Objects;

/**
 * The settings in force and the policy compiled from them, published together as one immutable
 * value behind one reference, so a request can never pair new settings with an old policy (or the
 * reverse). Network threads read it once per request.
 */
public record InForce(Settings settings, AuthPolicy policy) {
  public InForce {
    Objects.requireNonNull(settings);
    Objects.requireNonNull(policy);
  }
}
