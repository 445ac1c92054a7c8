package dev.warden.core.traffic;

import java.util.Objects;

/** One header field as it was sent (name case kept). Immutable. */
public record Header(String name, String value) {
  public Header {
    Objects.requireNonNull(name);
    Objects.requireNonNull(value);
  }
}
