package dev.warden.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bearer tokens in the settings file: only their hash is written, and it reads back as written. */
class BearerTokenStorageTest {

  private static final String TOKEN = "mF_9.B5f-4.1JqM";

  @Test
  void writesOnlyTheHashAndReadsItBack() throws Exception {
    Realm api = new Realm("Api", List.of(), List.of())
        .withTokens(List.of(BearerToken.of("ci-bot", TOKEN.toCharArray())));
    Settings settings = Settings.defaults().withRealms(List.of(api));
    byte[] json = SettingsJson.write(settings);
    assertThat(new String(json, StandardCharsets.UTF_8))
        .doesNotContain(TOKEN)
        .contains("\"tokens\"")
        .contains(BearerToken.hashOf(TOKEN.toCharArray()));
    assertThat(SettingsJson.read(json).settings().realms().get(0).tokens()).isEqualTo(api.tokens());
  }

  @Test
  void leavesTokensOutOfTheFileWhileThereAreNone() {
    assertThat(new String(SettingsJson.write(Settings.defaults()), StandardCharsets.UTF_8))
        .doesNotContain("tokens");
  }

  @Test
  void validatorRefusesAMalformedHashWithoutShowingIt() {
    Realm api = new Realm("Api", List.of(), List.of())
        .withTokens(List.of(new BearerToken("ci-bot", "plain-token")));
    assertThat(new SettingsValidator().problems(Settings.defaults().withRealms(List.of(api))))
        .contains(
            "Realm 'Api': Bearer token 'ci-bot' is not stored as sha256: and 64 lower-case hex digits")
        .noneMatch(p -> p.contains("plain-token"));
  }
}
