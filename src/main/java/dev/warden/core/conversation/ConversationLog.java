package dev.warden.core.conversation;

import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.TrafficLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Conversations} up to date with a {@link TrafficLog}, on a thread of its own.
 *
 * <p>Threads: the traffic log's listener runs on network threads and only reads a flag; the first
 * record after the conversation thread went idle flips it and schedules one read of the log. While
 * traffic flows the thread reads, then lets records gather for {@link #BUSY_INTERVAL} before reading
 * again, so under load the network threads never wake it (a wake per record cost a fifth of the
 * proxy's CPU per request). It never blocks and never links anything itself. The conversation
 * thread reads what the log recorded since its cursor, links it, every {@link #TICK} marks
 * conversations whose retry window passed, and then calls the {@link #onChanged} listeners (on that
 * thread: they must hand UI work to their own thread). What the log
 * overwrote before the thread read it is never linked. Readers ({@link #ofExchange}, {@link #all})
 * may call from any thread.
 */
public final class ConversationLog implements AutoCloseable {

  public static final int DEFAULT_CAPACITY = 10_000;
  /** "Within a few seconds": a client that retries on a new connection does so at once. */
  public static final Duration DEFAULT_RETRY_WINDOW = Duration.ofSeconds(5);
  /** A person typing a password into a browser's proxy dialog before the retry. */
  public static final Duration DEFAULT_SAME_CONNECTION_LIMIT = Duration.ofMinutes(2);
  /** How often given-up conversations are looked for. */
  public static final Duration TICK = Duration.ofMillis(250);

  /**
   * How long records gather while traffic flows: the delay a conversation may take to appear under
   * load, far below what a person notices, and what lets one read carry hundreds of exchanges.
   */
  static final Duration BUSY_INTERVAL = Duration.ofMillis(20);

  private static final int BATCH = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(ConversationLog.class);

  private final TrafficLog log;
  private final Conversations conversations;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean pending = new AtomicBoolean();
  // counted only when a record does wake the thread, so the count costs a busy network thread
  // nothing
  private final AtomicLong wakes = new AtomicLong();
  private final List<Consumer<List<Conversation>>> listeners = new CopyOnWriteArrayList<>();
  private final Runnable unsubscribe;
  // conversation thread only
  private long cursor;

  /** Default capacity and windows, the system clock. */
  public ConversationLog(TrafficLog log) {
    this(
        log,
        new Conversations(DEFAULT_CAPACITY, DEFAULT_RETRY_WINDOW, DEFAULT_SAME_CONNECTION_LIMIT),
        Clock.systemUTC());
  }

  /** Starts reading {@code log} from what it holds now; {@code clock} decides when windows pass. */
  public ConversationLog(TrafficLog log, Conversations conversations, Clock clock) {
    this(log, conversations, clock, Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "warden-conversations");
      t.setDaemon(true);
      return t;
    }));
  }

  /**
   * As the public constructor, on {@code thread}: one thread, which this log shuts down on close
   * (tests pass one that holds the delayed reads).
   */
  ConversationLog(
      TrafficLog log, Conversations conversations, Clock clock, ScheduledExecutorService thread) {
    this.log = Objects.requireNonNull(log);
    this.conversations = Objects.requireNonNull(conversations);
    this.clock = Objects.requireNonNull(clock);
    this.thread = Objects.requireNonNull(thread);
    this.unsubscribe = log.onRecorded(this::wake);
    thread.scheduleWithFixedDelay(
        this::expire, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    wake();
  }

  /**
   * Network threads: schedules one read unless one is pending or the thread is busy. Never blocks;
   * while the thread is busy this is a single volatile read.
   */
  private void wake() {
    if (!pending.get() && !pending.getAndSet(true)) {
      wakes.incrementAndGet();
      schedule(0);
    }
  }

  /** How many times a record (or the constructor) woke the idle conversation thread. Any thread. */
  long wakes() {
    return wakes.get();
  }

  private void schedule(long delayMillis) {
    try {
      thread.schedule(this::follow, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      pending.set(false);
    }
  }

  /**
   * Conversation thread: links what was recorded. While it finds records, {@code pending} stays set
   * and the next read is scheduled after {@link #BUSY_INTERVAL}; when it finds none it clears the
   * flag and reads once more, since a record made just before the clear woke no one.
   */
  private void follow() {
    if (drain() > 0) {
      schedule(BUSY_INTERVAL.toMillis());
      return;
    }
    pending.set(false);
    if (drain() > 0 && !pending.getAndSet(true)) {
      schedule(BUSY_INTERVAL.toMillis());
    }
  }

  /** Conversation thread: links everything recorded so far; returns how many exchanges it read. */
  private long drain() {
    long start = cursor;
    List<Conversation> changed = new ArrayList<>();
    while (true) {
      TrafficLog.Batch batch = log.since(cursor, BATCH);
      for (Exchange e : batch.exchanges()) {
        conversations.accept(e).ifPresent(changed::add);
      }
      cursor = batch.next();
      if (batch.exchanges().size() < BATCH) {
        break;
      }
    }
    changed.addAll(conversations.expire(clock.instant()));
    tell(changed);
    return cursor - start;
  }

  private void expire() {
    if (conversations.awaitingAny()) {
      tell(conversations.expire(clock.instant()));
    }
  }

  private void tell(List<Conversation> changed) {
    if (changed.isEmpty()) {
      return;
    }
    List<Conversation> copy = List.copyOf(changed);
    for (Consumer<List<Conversation>> listener : listeners) {
      try {
        listener.accept(copy);
      } catch (RuntimeException e) {
        // one listener's bug must not stop the linking for everyone
        LOG.warn("conversation listener failed", e);
      }
    }
  }

  /**
   * Registers a listener for conversations started or changed, called on the conversation thread
   * with each batch of them.
   *
   * @return an action that removes it
   */
  public Runnable onChanged(Consumer<List<Conversation>> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Completes once everything the log recorded before this call is linked (and its listeners ran).
   * For tests and tools; any thread.
   */
  public CompletableFuture<Void> caughtUp() {
    return CompletableFuture.runAsync(this::drain, thread);
  }

  /** The conversation this exchange belongs to. Any thread. */
  public Optional<Conversation> ofExchange(long exchangeId) {
    return conversations.ofExchange(exchangeId);
  }

  /** The conversations held, oldest first. Any thread. */
  public List<Conversation> all() {
    return conversations.all();
  }

  /** Stops the thread; the conversations stay readable. */
  @Override
  public void close() {
    unsubscribe.run();
    thread.shutdownNow();
  }
}
