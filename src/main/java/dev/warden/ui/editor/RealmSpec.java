package dev.warden.ui.editor;

import dev.warden.core.settings.BearerToken;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.RealmFaults;
import java.util.Arrays;
import java.util.List;

/**
 * A realm of the editor as it crosses to Warden's worker thread at Save: plain values, and the new
 * passwords still to be hashed there. {@link #wipe()} zeroes those once Save is done. Immutable
 * apart from the wiping; built on the FX thread, built into a {@link Realm} on the worker.
 */
record RealmSpec(
    String name,
    List<String> patterns,
    RealmAuth auth,
    List<UserDraft.UserSpec> users,
    List<Integer> connectPorts,
    List<BearerToken> tokens,
    RealmFaults faults) {
  Realm build(PasswordHashing hashing) {
    return new Realm(
        name,
        patterns,
        users.stream().map(u -> u.build(hashing, name)).toList(),
        auth,
        connectPorts,
        tokens,
        faults);
  }

  void wipe() {
    users.forEach(u -> {
      if (u.newPassword() != null) {
        Arrays.fill(u.newPassword(), '\0');
      }
    });
  }
}
