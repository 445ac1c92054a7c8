package dev.warden.core.conversation;

import static dev.warden.core.conversation.Steps.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationsTest {

  private final Conversations conversations =
      new Conversations(100, Duration.ofSeconds(5), Duration.ofMinutes(2));

  @Test
  void linksTheRetryOnTheSameConnectionToItsChallenge() {
    conversations.accept(Steps.challenge(1, 7, "10.0.0.5:5000", 0));
    Conversation c =
        conversations.accept(Steps.accepted(2, 7, "10.0.0.5:5000", 5, "alice")).orElseThrow();

    assertThat(c.id()).isEqualTo(1);
    assertThat(c.steps()).extracting(ConversationStep::exchangeId).containsExactly(1L, 2L);
    assertThat(c.verdict()).isEqualTo(ConversationVerdict.AUTHENTICATED);
    assertThat(c.sentence()).isEqualTo("retried after 4 ms with Basic as alice → 200");
    assertThat(conversations.ofExchange(2)).contains(c);
  }

  @Test
  void linksARetryFromAnotherConnectionOfTheSameClientWithinTheWindow() {
    conversations.accept(Steps.challenge(
        1, 7, "10.0.0.5:5000", 0, ChallengeReason.MISSING, ReceivedCredentials.NONE, true));
    Conversation c = conversations
        .accept(Steps.accepted(2, 8, "10.0.0.5:5001", 3_000, "alice"))
        .orElseThrow();

    assertThat(c.id()).isEqualTo(1);
    assertThat(c.verdict()).isEqualTo(ConversationVerdict.AUTHENTICATED);
  }

  @Test
  void doesNotLinkAnotherClientAddress() {
    conversations.accept(Steps.challenge(1, 7, "10.0.0.5:5000", 0));
    Conversation c =
        conversations.accept(Steps.accepted(2, 8, "10.0.0.6:5001", 5, "alice")).orElseThrow();

    assertThat(c.id()).isEqualTo(2);
    assertThat(c.verdict()).isEqualTo(ConversationVerdict.PRE_EMPTIVE);
    assertThat(conversations.find(1).orElseThrow().attempts()).isEqualTo(1);
  }

  @Test
  void doesNotLinkAnotherConnectionAfterTheWindow() {
    conversations.accept(Steps.challenge(1, 7, "10.0.0.5:5000", 0));
    Conversation c = conversations
        .accept(Steps.accepted(2, 8, "10.0.0.5:5001", 6_000, "alice"))
        .orElseThrow();

    assertThat(c.id()).isEqualTo(2);
  }

  @Test
  void linksALateRetryOnTheSameConnectionAfterTheWindow() {
    conversations.accept(Steps.challenge(1, 7, "10.0.0.5:5000", 0));
    conversations.expire(T0.plusSeconds(6));
    assertThat(conversations.find(1).orElseThrow().verdict())
        .isEqualTo(ConversationVerdict.NEVER_RETRIED);

    Conversation c = conversations
        .accept(Steps.accepted(2, 7, "10.0.0.5:5000", 20_000, "alice"))
        .orElseThrow();
    assertThat(c.id()).isEqualTo(1);
    assertThat(c.verdict()).isEqualTo(ConversationVerdict.AUTHENTICATED);
  }

  @Test
  void waitsForTheRetryUntilTheWindowPasses() {
    conversations.accept(Steps.challenge(
        1, 7, "10.0.0.5:5000", 0, ChallengeReason.MISSING, ReceivedCredentials.NONE, true));
    assertThat(conversations.expire(T0.plusSeconds(4))).isEmpty();
    assertThat(conversations.find(1).orElseThrow().verdict())
        .isEqualTo(ConversationVerdict.AWAITING_RETRY);

    List<Conversation> changed = conversations.expire(T0.plusSeconds(6));

    assertThat(changed).singleElement().satisfies(c -> {
      assertThat(c.verdict()).isEqualTo(ConversationVerdict.NEVER_RETRIED);
      assertThat(c.sentence()).isEqualTo("never retried (closed after the 407)");
    });
  }

  @Test
  void saysTheSameWrongCredentialsWereRepeated() {
    conversations.accept(Steps.challenge(1, 7, "10.0.0.5:5000", 0));
    conversations.accept(Steps.wrong(2, 7, "10.0.0.5:5000", 10, "bob"));
    Conversation once = conversations.find(1).orElseThrow();
    assertThat(once.verdict()).isEqualTo(ConversationVerdict.REFUSED);
    assertThat(once.sentence())
        .isEqualTo("retried after 9 ms with Basic as bob → 407 (wrong password)");

    Conversation twice =
        conversations.accept(Steps.wrong(3, 7, "10.0.0.5:5000", 20, "bob")).orElseThrow();

    assertThat(twice.verdict()).isEqualTo(ConversationVerdict.SAME_WRONG_CREDENTIALS);
    assertThat(twice.sentence())
        .isEqualTo(
            "retried with the same wrong credentials: Basic as bob, 2 times → 407 (wrong password)");
  }

  @Test
  void anotherUserAfterAWrongOneIsNotTheSameWrongCredentials() {
    conversations.accept(Steps.challenge(1, 7, "10.0.0.5:5000", 0));
    conversations.accept(Steps.wrong(2, 7, "10.0.0.5:5000", 10, "bob"));
    Conversation c =
        conversations.accept(Steps.wrong(3, 7, "10.0.0.5:5000", 20, "carol")).orElseThrow();

    assertThat(c.verdict()).isEqualTo(ConversationVerdict.REFUSED);
    assertThat(c.sentence()).startsWith("retried 2 times, the last after 9 ms with Basic as carol");
  }

  @Test
  void credentialsOnAConnectionsFirstRequestArePreEmptive() {
    Conversation c =
        conversations.accept(Steps.accepted(1, 7, "10.0.0.5:5000", 0, "alice")).orElseThrow();

    assertThat(c.verdict()).isEqualTo(ConversationVerdict.PRE_EMPTIVE);
    assertThat(c.sentence())
        .isEqualTo("sent credentials before any challenge (pre-emptive) with Basic as alice → 200");
  }

  @Test
  void laterCredentialedRequestsOnTheConnectionStartNothing() {
    conversations.accept(Steps.accepted(1, 7, "10.0.0.5:5000", 0, "alice"));

    assertThat(conversations.accept(Steps.accepted(2, 7, "10.0.0.5:5000", 10, "alice")))
        .isEmpty();
    assertThat(conversations.accept(Steps.plain(3, 9, "10.0.0.5:5002", 10))).isEmpty();
    assertThat(conversations.all()).hasSize(1);
  }

  @Test
  void anAnsweredConversationTakesNoFurtherRequests() {
    conversations.accept(Steps.challenge(1, 7, "10.0.0.5:5000", 0));
    conversations.accept(Steps.accepted(2, 7, "10.0.0.5:5000", 5, "alice"));

    assertThat(conversations.accept(Steps.accepted(3, 7, "10.0.0.5:5000", 9, "alice")))
        .isEmpty();
    assertThat(conversations.find(1).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void namesTheDigestAlgorithmTheClientAnsweredWith() {
    conversations.accept(Steps.challenge(1, 7, "10.0.0.5:5000", 0));
    ReceivedCredentials digest = new ReceivedCredentials.DigestParams(
        "alice", false, "Corp", "n", null, "00000001", "c", "auth", "SHA-256", "/page", true);
    Exchange retry = new Exchange(
        2,
        7,
        "10.0.0.5:5000",
        T0.plusMillis(5),
        null,
        Duration.ofMillis(1),
        "GET",
        Steps.URL,
        "HTTP/1.1",
        List.of(),
        List.of(),
        BodyPreview.EMPTY,
        BodyPreview.EMPTY,
        200,
        new AuthOutcome.Authenticated("Digest", "alice", "Corp"),
        null,
        List.of(),
        digest);

    assertThat(conversations.accept(retry).orElseThrow().sentence())
        .isEqualTo("retried after 4 ms with Digest SHA-256 as alice → 200");
  }

  @Test
  void keepsOnlyTheLatestConversations() {
    Conversations small = new Conversations(3, Duration.ofSeconds(5), Duration.ofMinutes(2));
    for (int i = 1; i <= 10; i++) {
      small.accept(Steps.challenge(i, i, "10.0.0." + i + ":5000", i));
    }

    assertThat(small.all()).extracting(Conversation::id).containsExactly(8L, 9L, 10L);
    assertThat(small.ofExchange(1)).isEmpty();
  }

  @Test
  void aLoopingClientStaysOneBoundedConversation() {
    conversations.accept(Steps.challenge(1, 7, "10.0.0.5:5000", 0));
    for (int i = 2; i <= 500; i++) {
      conversations.accept(Steps.wrong(i, 7, "10.0.0.5:5000", i, "bob"));
    }

    Conversation c = conversations.find(1).orElseThrow();
    assertThat(c.attempts()).isEqualTo(500);
    assertThat(c.steps()).hasSize(Conversation.MAX_STEPS);
    assertThat(c.first().exchangeId()).isEqualTo(1);
    assertThat(c.last().exchangeId()).isEqualTo(500);
    assertThat(conversations.ofExchange(2)).isEmpty();
    assertThat(conversations.ofExchange(500)).contains(c);
    for (ConversationStep kept : c.steps()) {
      assertThat(conversations.ofExchange(kept.exchangeId()))
          .as("step %d", kept.exchangeId())
          .contains(c);
    }
  }

  @Test
  void remembersOnlyTheLatestConnections() {
    Conversations small = new Conversations(3, Duration.ofSeconds(5), Duration.ofMinutes(2));
    small.accept(Steps.plain(1, 1, "10.0.0.1:5000", 0));
    assertThat(small.accept(Steps.accepted(2, 1, "10.0.0.1:5000", 1, "alice"))).isEmpty();
    for (int conn = 2; conn <= 10; conn++) {
      small.accept(Steps.plain(conn + 10, conn, "10.0.0.1:" + (5000 + conn), conn));
    }

    // connection 1 was forgotten: its next credentialed request reads as its first
    assertThat(small.accept(Steps.accepted(30, 1, "10.0.0.1:5000", 30, "alice")))
        .isPresent();
  }
}
