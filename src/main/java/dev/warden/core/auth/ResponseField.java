package dev.warden.core.auth;

import java.util.Objects;

/**
 * A header field Warden's authentication adds to a response, e.g. {@code Proxy-Authentication-Info}
 * on an accepted Digest request. Immutable.
 */
public record ResponseField(String name, String value) {
  public ResponseField {
    Objects.requireNonNull(name);
    Objects.requireNonNull(value);
  }
}
