package dev.warden.core.conversation;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import java.util.ArrayList;
import java.util.List;

/**
 * A challenge and what the client did about it: the 407, each retry for the same target (on the same
 * connection, or from the same client address within the retry window), and the result; or a request
 * that carried credentials before any challenge (pre-emptive) and what followed it. Immutable; any
 * thread. {@link Conversations} replaces a conversation by a longer one as retries arrive.
 *
 * @param id the id of its first exchange
 * @param steps its exchanges in order: the first, then the latest ones up to {@link #MAX_STEPS}
 * @param attempts how many requests it holds, counting those no longer in {@code steps}
 * @param givenUp the retry window passed after the last step was refused: the client gave up
 *     unless a late retry comes on the same connection
 */
public record Conversation(long id, List<ConversationStep> steps, int attempts, boolean givenUp) {

  /** Steps kept per conversation: a client that loops is still one bounded conversation. */
  public static final int MAX_STEPS = 32;

  public Conversation {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a conversation has at least one step");
    }
    if (attempts < steps.size()) {
      throw new IllegalArgumentException("attempts " + attempts + " < steps " + steps.size());
    }
  }

  /** A conversation of one exchange. */
  static Conversation start(ConversationStep first) {
    return new Conversation(first.exchangeId(), List.of(first), 1, false);
  }

  /** This conversation with {@code next} appended (dropping the oldest retry once it is full). */
  Conversation then(ConversationStep next) {
    List<ConversationStep> more = new ArrayList<>(steps);
    if (more.size() == MAX_STEPS) {
      more.remove(1);
    }
    more.add(next);
    return new Conversation(id, more, attempts + 1, false);
  }

  Conversation givingUp() {
    return new Conversation(id, steps, attempts, true);
  }

  public ConversationStep first() {
    return steps.get(0);
  }

  public ConversationStep last() {
    return steps.get(steps.size() - 1);
  }

  /** Whether the client must still answer: its last step is a 407 (or another auth refusal). */
  public boolean awaitingAnswer() {
    return refused(last());
  }

  /** Whether {@code exchangeId} is one of the kept steps. */
  public boolean contains(long exchangeId) {
    return steps.stream().anyMatch(s -> s.exchangeId() == exchangeId);
  }

  public ConversationVerdict verdict() {
    if (first().sentCredentials()) {
      return ConversationVerdict.PRE_EMPTIVE;
    }
    if (attempts == 1) {
      return givenUp ? ConversationVerdict.NEVER_RETRIED : ConversationVerdict.AWAITING_RETRY;
    }
    if (!refused(last())) {
      return ConversationVerdict.AUTHENTICATED;
    }
    return sameWrongAnswers() >= 2
        ? ConversationVerdict.SAME_WRONG_CREDENTIALS
        : ConversationVerdict.REFUSED;
  }

  /**
   * The verdict as one sentence, e.g. "retried after 4 ms with Digest SHA-256 as alice → 200",
   * "never retried (closed after the 407)".
   */
  public String sentence() {
    ConversationStep last = last();
    return switch (verdict()) {
      case AWAITING_RETRY -> "challenged; waiting for a retry";
      case NEVER_RETRIED ->
        "never retried"
            + (first().closedAfter()
                ? " (closed after the 407)"
                : " (no request for this target followed)");
      case PRE_EMPTIVE ->
        "sent credentials before any challenge (pre-emptive) with " + as(first()) + " → "
            + result(first()) + (attempts == 1 ? "" : ", then " + retried());
      case SAME_WRONG_CREDENTIALS ->
        "retried with the same wrong credentials: " + as(last) + ", " + sameWrongAnswers()
            + " times → " + result(last);
      case AUTHENTICATED, REFUSED -> retried();
    };
  }

  private String retried() {
    ConversationStep last = last();
    ConversationStep before = steps.get(steps.size() - 2);
    int retries = attempts - 1;
    String after = "after " + last.after(before).toMillis() + " ms";
    String with = last.sentCredentials() ? " with " + as(last) : " without credentials";
    return (retries == 1 ? "retried " + after : "retried " + retries + " times, the last " + after)
        + with + " → " + result(last);
  }

  /** How many of the latest steps answered with the same scheme and user, refused for the same reason. */
  private int sameWrongAnswers() {
    ConversationStep last = last();
    if (!(last.auth() instanceof AuthOutcome.Challenged c) || !wrongCredentials(c.reason())) {
      return 0;
    }
    int same = 0;
    for (int i = steps.size() - 1; i >= 1; i--) {
      ConversationStep s = steps.get(i);
      if (!(s.auth() instanceof AuthOutcome.Challenged other)
          || other.reason() != c.reason()
          || !s.answeredWith().equals(last.answeredWith())
          || !s.user().equals(last.user())) {
        break;
      }
      same++;
    }
    return same;
  }

  private static boolean wrongCredentials(ChallengeReason reason) {
    return reason == ChallengeReason.WRONG_PASSWORD
        || reason == ChallengeReason.UNKNOWN_USER
        || reason == ChallengeReason.BAD_RESPONSE
        || reason == ChallengeReason.DISABLED_USER
        || reason == ChallengeReason.UNSUPPORTED_SCHEME
        || reason == ChallengeReason.ALGORITHM_NOT_OFFERED;
  }

  private static String as(ConversationStep step) {
    String user = step.user();
    return step.answeredWith() + (user.isEmpty() ? "" : " as " + user);
  }

  private static String result(ConversationStep step) {
    String status = step.status() == 0 ? "no response" : Integer.toString(step.status());
    if (step.auth() instanceof AuthOutcome.Challenged c) {
      return status + " (" + c.reason().label() + ")";
    }
    if (step.auth() instanceof AuthOutcome.PortRefused) {
      return status + " (port not allowed)";
    }
    return status;
  }

  /** A refusal the client can answer with other credentials. */
  static boolean refused(ConversationStep step) {
    return step.auth() instanceof AuthOutcome.Challenged;
  }

  @Override
  public String toString() {
    return "Conversation #" + id + " " + verdict() + ": " + sentence();
  }
}
