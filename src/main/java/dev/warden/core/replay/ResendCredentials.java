package dev.warden.core.replay;

import java.util.Arrays;
import java.util.Objects;

/** Which proxy credentials a resent request carries. */
public sealed interface ResendCredentials {

  /** None: the request goes without Proxy-Authorization. */
  ResendCredentials NONE = new None();

  /** No proxy credentials. */
  record None() implements ResendCredentials {}

  /**
   * A user's name and password, typed by the user for this resend only. The {@link Resender} wipes
   * the password once it has answered with it; {@link #toString()} never shows it.
   */
  record AsUser(String user, char[] password) implements ResendCredentials {
    public AsUser {
      Objects.requireNonNull(user);
      Objects.requireNonNull(password);
    }

    /** Overwrites the password in place. */
    public void wipe() {
      Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
      return "AsUser[" + user + "]";
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
