package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChallengeTest {

  private final BasicScheme basic = new BasicScheme(new CredentialVerifier(TestPolicies.CHEAP.decoy()));

  @Test
  void offersBasicWithTheRealmAndUtf8Charset() {
    assertThat(basic.challenge("Corp")).isEqualTo("Basic realm=\"Corp\", charset=\"UTF-8\"");
  }

  @Test
  void escapesQuoteAndBackslashInsideTheRealm() {
    assertThat(basic.challenge("Say \"hi\" C:\\net"))
        .isEqualTo("Basic realm=\"Say \\\"hi\\\" C:\\\\net\", charset=\"UTF-8\"");
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
