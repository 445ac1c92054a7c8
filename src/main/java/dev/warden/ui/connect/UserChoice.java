package dev.warden.ui.connect;

import dev.warden.core.connect.ProxyUser;
import java.util.Optional;

/** One entry of the panel's user picker: a user of a realm, or "(no user)". Immutable. */
public record UserChoice(Optional<ProxyUser> user) {

  public static final UserChoice NONE = new UserChoice(Optional.empty());

  @Override
  public String toString() {
    return user.map(ProxyUser::toString).orElse("(no user)");
  }
}
