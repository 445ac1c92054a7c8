package dev.warden.ui.details;

import dev.warden.core.conversation.ClientDiagnosis;
import dev.warden.core.conversation.Conversation;
import dev.warden.core.conversation.ConversationStep;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the details pane says of an exchange's conversation and its client diagnosis, from the core's
 * conversations and the settings in force. Reads thread-safe core structures; called on the FX thread.
 */
public final class ConversationFacts {

  /** No conversations known: nothing to say. */
  public static final ConversationFacts NONE =
      new ConversationFacts(id -> Optional.empty(), () -> null);

  /**
   * @param conversation e.g. "Conversation #12: retried after 4 ms with Basic as alice → 200
   *     (#12 407 → #13 200)", or empty
   * @param diagnosis one sentence each
   */
  public record Shown(String conversation, List<String> diagnosis) {}

  private final LongFunction<Optional<Conversation>> lookup;
  private final Supplier<Settings> settings;

  /**
   * @param lookup the conversation of an exchange id (e.g. {@code ConversationLog::ofExchange})
   * @param settings the settings in force now
   */
  public ConversationFacts(
      LongFunction<Optional<Conversation>> lookup, Supplier<Settings> settings) {
    this.lookup = lookup;
    this.settings = settings;
  }

  public Shown of(Exchange e) {
    Optional<Conversation> c = lookup.apply(e.id());
    String text = c.map(ConversationFacts::describe).orElse("");
    Settings now = settings.get();
    List<String> diagnosis = now == null
        ? List.of()
        : ClientDiagnosis.of(e, c, now).stream()
            .map(ClientDiagnosis.Finding::sentence)
            .toList();
    return new Shown(text, diagnosis);
  }

  static String describe(Conversation c) {
    String steps = c.steps().stream()
        .map(s -> "#" + s.exchangeId() + " " + status(s))
        .collect(Collectors.joining(" → "));
    String more = c.attempts() > c.steps().size() ? " (" + c.attempts() + " requests in all)" : "";
    return "Conversation #" + c.id() + ": " + c.sentence() + "\n" + steps + more;
  }

  private static String status(ConversationStep s) {
    return s.status() == 0 ? "no response" : Integer.toString(s.status());
  }
}
