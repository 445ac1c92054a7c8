package dev.warden.core.conversation;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.traffic.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Links exchanges into {@link Conversation}s. A 407 starts one; so does a request that carries
 * credentials as the first request of its connection (pre-emptive). While its last step is refused,
 * a conversation takes the client's next request for the same target (the same URL, or {@code
 * host:port} for CONNECT): on the same connection up to {@code sameConnectionLimit} after the
 * refusal (a person may take that long to type a password into a browser's dialog), or from the
 * same client address on another connection within {@code retryWindow}. When the window passes
 * without a retry the conversation is marked given up ({@link ConversationVerdict#NEVER_RETRIED}),
 * by {@link #expire}.
 *
 * <p>Bounded: it holds the latest {@code capacity} conversations (the oldest go first), each with at
 * most {@link Conversation#MAX_STEPS} steps, and remembers the latest {@code capacity} connection ids
 * to tell a connection's first request from the others.
 *
 * <p>Threads: {@link #accept} and {@link #expire} must be called by one thread at a time (the
 * {@link ConversationLog}'s thread), in the order the traffic log recorded the exchanges. {@link
 * #find}, {@link #ofExchange} and {@link #all} may be called from any thread at any time: they read
 * concurrent maps of immutable conversations, so a reader sees each conversation whole, before or
 * after an update.
 */
public final class Conversations {

  private final int capacity;
  private final Duration retryWindow;
  private final Duration sameConnectionLimit;

  // read by any thread
  private final ConcurrentSkipListMap<Long, Conversation> byId = new ConcurrentSkipListMap<>();
  private final ConcurrentHashMap<Long, Long> byExchange = new ConcurrentHashMap<>();

  // writer thread only
  private final Map<Long, Long> openByConnection = new HashMap<>();
  private final Map<ClientTarget, Long> openByClient = new HashMap<>();
  private final Map<Long, Boolean> seenConnections;

  /**
   * @param capacity the most conversations kept
   * @param retryWindow how long after a refusal a retry from another connection of the same client
   *     address still belongs to the conversation, and after which it counts as never retried
   * @param sameConnectionLimit how long after a refusal a retry on the same connection still does
   */
  public Conversations(int capacity, Duration retryWindow, Duration sameConnectionLimit) {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "conversation capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.retryWindow = Objects.requireNonNull(retryWindow);
    this.sameConnectionLimit = Objects.requireNonNull(sameConnectionLimit);
    this.seenConnections = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
        return size() > Conversations.this.capacity;
      }
    };
  }

  /**
   * Takes the next recorded exchange. Writer thread.
   *
   * @return the conversation it started or extended, if any
   */
  public Optional<Conversation> accept(Exchange exchange) {
    boolean firstOnConnection = seenConnections.put(exchange.connectionId(), Boolean.TRUE) == null;
    boolean starts = exchange.auth() instanceof AuthOutcome.Challenged
        || (firstOnConnection && !(exchange.received() instanceof ReceivedCredentials.None));
    // Most exchanges of a busy proxy are authenticated requests with no conversation open for them:
    // they join none, and building their step was most of the linker's cost (a thread that shares
    // the CPUs with the event loops).
    if (!starts && !mayBeOpenFor(exchange)) {
      return Optional.empty();
    }
    ConversationStep step = ConversationStep.of(exchange);
    Conversation open = openFor(step);
    if (open != null) {
      Conversation longer = open.then(step);
      if (longer.steps().size() == open.steps().size()) {
        byExchange.remove(open.steps().get(1).exchangeId()); // the retry then() let go of
      }
      forgetOpen(open);
      put(longer);
      if (longer.awaitingAnswer()) {
        remember(longer);
      }
      return Optional.of(longer);
    }
    if (starts) {
      Conversation fresh = Conversation.start(step);
      put(fresh);
      if (fresh.awaitingAnswer()) {
        remember(fresh);
      }
      evictOverCapacity();
      return Optional.of(fresh);
    }
    return Optional.empty();
  }

  /**
   * Marks the conversations whose retry window passed at {@code now} as given up, and stops waiting
   * for those whose same-connection limit passed. Writer thread.
   *
   * @return the conversations whose verdict changed (now given up)
   */
  public List<Conversation> expire(Instant now) {
    List<Conversation> changed = new ArrayList<>();
    for (Long id : List.copyOf(openByConnection.values())) {
      Conversation c = byId.get(id);
      if (c == null) {
        continue;
      }
      Instant refused = c.last().ended();
      if (!c.givenUp() && now.isAfter(refused.plus(retryWindow))) {
        Conversation gaveUp = c.givingUp();
        put(gaveUp);
        openByClient.remove(clientKey(c.last()), id);
        changed.add(gaveUp);
      }
      if (now.isAfter(refused.plus(sameConnectionLimit))) {
        forgetOpen(c);
      }
    }
    return changed;
  }

  /** Whether some conversation still waits for its retry window to pass. Writer thread. */
  public boolean awaitingAny() {
    return !openByClient.isEmpty();
  }

  /** The conversation with this id (its first exchange's id). Any thread. */
  public Optional<Conversation> find(long conversationId) {
    return Optional.ofNullable(byId.get(conversationId));
  }

  /** The conversation one of whose kept steps is this exchange. Any thread. */
  public Optional<Conversation> ofExchange(long exchangeId) {
    Long id = byExchange.get(exchangeId);
    return id == null ? Optional.empty() : find(id);
  }

  /** The conversations held, oldest first. Any thread. */
  public List<Conversation> all() {
    return List.copyOf(byId.values());
  }

  public int capacity() {
    return capacity;
  }

  public Duration retryWindow() {
    return retryWindow;
  }

  /** Whether a conversation may wait for this exchange: {@link #openFor} can only find one then. */
  private boolean mayBeOpenFor(Exchange exchange) {
    return openByConnection.containsKey(exchange.connectionId())
        || (!openByClient.isEmpty()
            && openByClient.containsKey(
                new ClientTarget(ConversationStep.hostOf(exchange.client()), exchange.url())));
  }

  private Conversation openFor(ConversationStep step) {
    Long byConnection = openByConnection.get(step.connectionId());
    if (byConnection != null) {
      Conversation c = byId.get(byConnection);
      if (c != null && sameTarget(c.last(), step)) {
        return c;
      }
    }
    Long byClient = openByClient.get(clientKey(step));
    if (byClient != null) {
      Conversation c = byId.get(byClient);
      if (c != null
          && !c.givenUp()
          && !step.started().isAfter(c.last().ended().plus(retryWindow))) {
        return c;
      }
    }
    return null;
  }

  private static boolean sameTarget(ConversationStep a, ConversationStep b) {
    return a.url().equals(b.url());
  }

  /** A client address and a target: a key that hashes the two strings' cached hashes, copies neither. */
  private record ClientTarget(String clientHost, String url) {}

  private static ClientTarget clientKey(ConversationStep step) {
    return new ClientTarget(step.clientHost(), step.url());
  }

  /**
   * Stores {@code c} and indexes its last step: a conversation only ever grows by one step (or keeps
   * its steps), so every earlier step was indexed when it was the last. Indexing all of them again
   * on each retry was a quarter of the linker's time on a stream of 407s.
   */
  private void put(Conversation c) {
    byId.put(c.id(), c);
    byExchange.put(c.last().exchangeId(), c.id());
  }

  private void remember(Conversation c) {
    openByConnection.put(c.last().connectionId(), c.id());
    if (!c.givenUp()) {
      openByClient.put(clientKey(c.last()), c.id());
    }
  }

  /**
   * Stops waiting for {@code c}'s retry: {@link #remember} only ever indexes the last step, and every
   * step is forgotten before the next is added, so the last step's keys are the only ones left.
   * (Building a key per step of up to {@value Conversation#MAX_STEPS}, each hashing a fresh string,
   * was a third of the linker's time on a stream of 407s.)
   */
  private void forgetOpen(Conversation c) {
    ConversationStep last = c.last();
    openByConnection.remove(last.connectionId(), c.id());
    openByClient.remove(clientKey(last), c.id());
  }

  private void evictOverCapacity() {
    while (byId.size() > capacity) {
      Map.Entry<Long, Conversation> oldest = byId.pollFirstEntry();
      if (oldest == null) {
        return;
      }
      Conversation gone = oldest.getValue();
      forgetOpen(gone);
      for (ConversationStep s : gone.steps()) {
        byExchange.remove(s.exchangeId(), gone.id());
      }
    }
  }
}
