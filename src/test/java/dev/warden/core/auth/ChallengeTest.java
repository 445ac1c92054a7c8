package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.header.AuthHeaderWriter;
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
    assertThat(written(realm("Corp"))).containsExactly("Basic realm=\"Corp\", charset=\"UTF-8\"");
  }

  @Test
  void escapesQuoteAndBackslashInsideTheRealm() {
    assertThat(written(realm("Say \"hi\" C:\\net")))
        .containsExactly("Basic realm=\"Say \\\"hi\\\" C:\\\\net\", charset=\"UTF-8\"");
  }

  @Test
  void aRealmWithALineBreakIsWrittenWithQuestionMarks() {
    assertThat(written(realm("a\r\nSet-Cookie: x")))
        .containsExactly("Basic realm=\"a??Set-Cookie: x\", charset=\"UTF-8\"");
  }

  private List<String> written(ProtectionSpace space) {
    return basic.challenges(space, false).stream().map(AuthHeaderWriter::write).toList();
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
