package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.RealmFaults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which realms make the policy read credentials before the body arrives. */
class MayNeedBodyTest {

  private static ProtectionSpace space(List<AuthScheme> schemes, boolean authInt) {
    return new ProtectionSpace(
        0,
        "Lab",
        List.of(),
        Map.of(),
        schemes,
        RealmAuth.defaults().withAuthInt(authInt),
        List.of(),
        Map.of(),
        List.of(),
        RealmFaults.NONE);
  }

  @Test
  void onlyDigestInARealmOfferingAuthIntMayNeedTheBody() {
    try (AuthState state = new AuthState()) {
      Map<String, AuthScheme> all = SchemeCatalogue.of(state);
      AuthScheme digest = all.get(RealmAuth.DIGEST);

      assertThat(space(List.of(digest), true).mayNeedBody()).isTrue();
      assertThat(space(List.copyOf(all.values()), true).mayNeedBody()).isTrue();
      assertThat(space(List.of(digest), false).mayNeedBody()).isFalse();
      List<AuthScheme> others = all.values().stream().filter(s -> s != digest).toList();
      assertThat(space(others, true).mayNeedBody()).isFalse();
    }
  }
}
