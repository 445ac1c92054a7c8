package dev.warden.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.BearerToken;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The token editing model: what it stores, what it refuses, and that the typed token is wiped. */
class TokensDraftTest {

  @Test
  void storesTheHashUnderTheNameAndWipesTheTypedToken() {
    TokensDraft draft = new TokensDraft(List.of());
    draft.nameProperty().set("  ci-bot ");
    char[] typed = "abc-DEF_1".toCharArray();
    int before = draft.revisionProperty().get();
    assertThat(draft.add(typed)).isTrue();
    assertThat(draft.tokens())
        .containsExactly(new BearerToken("ci-bot", BearerToken.hashOf("abc-DEF_1".toCharArray())));
    assertThat(typed).containsOnly('\0');
    assertThat(draft.nameProperty().get()).isEmpty();
    assertThat(draft.revisionProperty().get()).isGreaterThan(before);
  }

  @Test
  void wipesARefusedTokenTooAndKeepsTheTypedName() {
    TokensDraft draft = new TokensDraft(List.of(BearerToken.of("kept", "k".toCharArray())));
    draft.nameProperty().set("deploy");
    char[] typed = "bad token".toCharArray();
    assertThat(draft.add(typed)).isFalse();
    assertThat(typed).containsOnly('\0');
    assertThat(draft.nameProperty().get()).isEqualTo("deploy");
    assertThat(draft.tokens()).extracting(BearerToken::name).containsExactly("kept");
    assertThat(draft.errorProperty().get()).startsWith("Character 4 of the token is a space");
  }

  @Test
  void showsTheNameAndTheStartOfTheHashNeverTheToken() {
    BearerToken token = BearerToken.of("ci-bot", "s3cr3t-token".toCharArray());
    assertThat(TokensDraft.shown(token))
        .isEqualTo("ci-bot  " + token.hash().substring(0, 13) + "\u2026")
        .doesNotContain("s3cr3t");
  }

  @Test
  void acceptsEveryB64TokenCharacterAndTrailingPadding() {
    assertThat(BearerToken.syntaxProblem("AZaz09-._~+/==".toCharArray())).isNull();
    assertThat(BearerToken.syntaxProblem("=abc".toCharArray()))
        .startsWith("The token cannot start with '='");
    assertThat(BearerToken.syntaxProblem("a\tb".toCharArray()))
        .startsWith("Character 2 of the token is a space");
    assertThat(BearerToken.syntaxProblem("a\u0001b".toCharArray()))
        .startsWith("Character 2 of the token is U+0001");
    assertThat(BearerToken.syntaxProblem("a\"b".toCharArray()))
        .startsWith("Character 2 of the token is '\"'");
  }
}
