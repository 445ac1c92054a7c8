package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {

  private final BasicScheme basic =
      new BasicScheme(new CredentialVerifier(TestPolicies.CHEAP.decoy(), new VerificationPool(1)));

  private static ProtectionSpace realm(String name) {
    return new ProtectionSpace(0, name, List.of(), Map.of(), List.of());
  }

  @Test
  void offersBasicWithTheRealmAndUtf8Charset() {
    assertThat(basic.challenges(realm("Corp"), false)).containsExactly("Basic realm=\"Corp\", charset=\"UTF-8\"");
  }

  @Test
  void escapesQuoteAndBackslashInsideTheRealm() {
    assertThat(basic.challenges(realm("Say \"hi\" C:\\net"), false))
        .containsExactly("Basic realm=\"Say \\\"hi\\\" C:\\\\net\", charset=\"UTF-8\"");
  }

  @Test
  void replacesLineBreaksSoARealmCannotSplitTheHeader() {
    assertThat(QuotedString.of("a\r\nSet-Cookie: x")).isEqualTo("\"a??Set-Cookie: x\"");
  }

  @Test
  void keepsTabsAndNonAsciiInTheRealm() {
    assertThat(QuotedString.of("R\u00e9alm\tA")).isEqualTo("\"R\u00e9alm\tA\"");
  }
}
