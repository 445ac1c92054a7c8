package dev.warden.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.ui.Exchanges;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search language of the traffic table: structured terms, free words, negation and quoting. */
class ExchangeQueryTest {

  private final Exchange aliceOk = Exchanges.ok(1, "http://api.corp/orders", "alice");
  private final Exchange bobStale =
      Exchanges.challenged(2, "http://wiki.corp/start", ChallengeReason.STALE_NONCE, "bob", "Corp");
  private final Exchange missing =
      Exchanges.challenged(3, "http://example.org/", ChallengeReason.MISSING, "", "Warden");
  private final Exchange failed = Exchanges.failed(4, "http://127.0.0.1:9/down");
  private final Exchange post = new Exchange(
      5,
      12,
      "10.0.0.5:41000",
      Instant.now(),
      Duration.ZERO,
      Duration.ZERO,
      "POST",
      "http://api.corp:8443/submit",
      "HTTP/1.1",
      List.of(new Header("Content-Type", "application/json"), new Header("X-Trace", "abc-123")),
      List.of(),
      body("{\"Order\": \"Widget-42\"}"),
      BodyPreview.EMPTY,
      405,
      new AuthOutcome.Authenticated("Basic", "carol", "Corp"),
      null,
      List.of(),
      ReceivedCredentials.NONE);
  private final List<Exchange> all = List.of(aliceOk, bobStale, missing, failed, post);

  private static BodyPreview body(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new BodyPreview(bytes, bytes.length);
  }

  private List<Long> ids(String query) {
    ExchangeQuery q = ExchangeQuery.parse(query);
    return all.stream().filter(q).map(Exchange::id).toList();
  }

  @Test
  void anEmptyQueryMatchesEverything() {
    assertThat(ExchangeQuery.parse("  ").isEmpty()).isTrue();
    assertThat(ids("")).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void matchesAStatusOrAStatusClass() {
    assertThat(ids("status:407")).containsExactly(2L, 3L);
    assertThat(ids("status:4xx")).containsExactly(2L, 3L, 5L);
    assertThat(ids("status:5XX")).containsExactly(4L);
  }

  @Test
  void matchesMethodUserRealmAndConnection() {
    assertThat(ids("method:post")).containsExactly(5L);
    assertThat(ids("user:ALICE")).containsExactly(1L);
    assertThat(ids("user:bob")).as("the user a 407 refused counts too").containsExactly(2L);
    assertThat(ids("realm:corp")).containsExactly(2L, 5L);
    assertThat(ids("conn:12")).containsExactly(5L);
    assertThat(ids("conn:#12")).containsExactly(5L);
  }

  @Test
  void matchesAReasonByAnyOfItsWords() {
    assertThat(ids("reason:stale")).containsExactly(2L);
    assertThat(ids("reason:stale-nonce")).containsExactly(2L);
    assertThat(ids("reason:\"no credentials\"")).containsExactly(3L);
    assertThat(ids("reason:refused")).as("an error's kind is a reason too").contains(4L);
  }

  @Test
  void matchesAClientAddressWithOrWithoutItsPort() {
    assertThat(ids("client:10.0.0.5")).containsExactly(5L);
    assertThat(ids("client:10.0.0")).as("an address, not a prefix of one").isEmpty();
    assertThat(ids("client:10.0.0.5:41000")).containsExactly(5L);
  }

  @Test
  void matchesAHostPatternWithOrWithoutThePort() {
    assertThat(ids("host:*.corp")).containsExactly(1L, 2L, 5L);
    assertThat(ids("host:api.*")).containsExactly(1L, 5L);
    assertThat(ids("host:api.corp:8443")).containsExactly(5L);
    assertThat(ids("host:corp")).isEmpty();
  }

  @Test
  void findsFreeWordsInHeadersAndCapturedBodies() {
    assertThat(ids("widget-42")).as("request body, either case").containsExactly(5L);
    assertThat(ids("hello")).as("response body").containsExactly(1L, 2L, 3L, 4L);
    assertThat(ids("abc-123")).as("a header value").containsExactly(5L);
    assertThat(ids("x-trace")).as("a header name").containsExactly(5L);
    assertThat(ids("wiki")).containsExactly(2L);
  }

  @Test
  void requiresEveryTermAndExcludesNegatedOnes() {
    assertThat(ids("status:407 user:bob")).containsExactly(2L);
    assertThat(ids("status:4xx -status:407")).containsExactly(5L);
    assertThat(ids("-realm:corp -status:5xx")).containsExactly(1L, 3L);
  }

  @Test
  void namesATermThatCannotMatchAsWritten() {
    assertThat(ExchangeQuery.parse("status:abc").problems())
        .containsExactly("status:abc is not a status (407) or a class (4xx)");
    assertThat(ExchangeQuery.parse("conn:x").problems())
        .containsExactly("conn:x is not a connection number");
    assertThat(ExchangeQuery.parse("user:").problems())
        .containsExactly("user: needs a value (user:alice)");
    assertThat(ids("status:abc")).isEmpty();
    assertThat(ExchangeQuery.parse("foo:bar").problems())
        .as("an unknown key is a free word")
        .isEmpty();
  }
}
