package dev.warden.ui.traffic;

import dev.warden.core.conversation.Conversation;
import dev.warden.core.conversation.ConversationVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the traffic table groups rows: every exchange, or one row per conversation (its first
 * exchange), of any verdict or of one. Immutable; any thread.
 *
 * @param label what the filter bar shows
 * @param on whether the table shows conversations rather than exchanges
 * @param verdict the one verdict shown, or null for all
 */
public record ConversationMode(String label, boolean on, ConversationVerdict verdict) {

  public static final ConversationMode OFF = new ConversationMode("Exchanges", false, null);
  public static final ConversationMode ALL = new ConversationMode("Conversations", true, null);

  /** Every exchange, all conversations, then one choice per verdict. */
  public static List<ConversationMode> choices() {
    List<ConversationMode> out = new ArrayList<>(List.of(OFF, ALL));
    for (ConversationVerdict v : ConversationVerdict.values()) {
      out.add(new ConversationMode("Conversations: " + v.label(), true, v));
    }
    return List.copyOf(out);
  }

  /** Whether the row of {@code exchangeId}, whose conversation is {@code conversation}, is shown. */
  public boolean shows(long exchangeId, Optional<Conversation> conversation) {
    if (!on) {
      return true;
    }
    return conversation
        .filter(c -> c.id() == exchangeId)
        .filter(c -> verdict == null || c.verdict() == verdict)
        .isPresent();
  }
}
