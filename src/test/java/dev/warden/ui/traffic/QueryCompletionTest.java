package dev.warden.ui.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The search field's completion: keys first, then values for the key, as whole field texts. */
class QueryCompletionTest {

  private final QueryCompletion completion =
      new QueryCompletion(() -> List.of("alice", "albert", "bob"), () -> List.of("Corp", "Lab"));

  @Test
  void offersKeysForAWordWithoutAColon() {
    assertThat(completion.suggest("st")).containsExactly("status:");
    assertThat(completion.suggest("GET r")).containsExactly("GET realm:", "GET reason:");
    assertThat(completion.suggest("-me")).containsExactly("-method:");
  }

  @Test
  void offersTheKeysValuesKeepingWhatCameBefore() {
    assertThat(completion.suggest("status:407 user:al"))
        .containsExactly("status:407 user:alice", "status:407 user:albert");
    assertThat(completion.suggest("realm:")).containsExactly("realm:Corp", "realm:Lab");
    assertThat(completion.suggest("method:co")).containsExactly("method:CONNECT");
    assertThat(completion.suggest("reason:wro")).containsExactly("reason:\"wrong password\"");
  }

  @Test
  void offersAtMostTwelve() {
    QueryCompletion many = new QueryCompletion(
        () -> java.util.stream.IntStream.range(0, 50).mapToObj(i -> "user" + i).toList(), List::of);
    assertThat(many.suggest("user:u")).hasSize(QueryCompletion.MAX).startsWith("user:user0");
  }

  @Test
  void offersNothingForACompleteValueOrAnEmptyWord() {
    assertThat(completion.suggest("user:bob")).isEmpty();
    assertThat(completion.suggest("status:407 ")).isEmpty();
    assertThat(completion.suggest("conn:1")).isEmpty();
  }
}
