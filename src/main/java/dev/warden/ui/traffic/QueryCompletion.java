package dev.warden.ui.traffic;

import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.traffic.ExchangeQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the search field offers while a word is typed: the structured keys ({@code sta} →
 * {@code status:}), then values for the key ({@code user:a} → {@code user:alice}), each as the whole
 * text the field would hold. At most {@link #MAX} suggestions. Stateless apart from the name
 * sources; FX thread (the names are the table's).
 */
final class QueryCompletion {

  static final int MAX = 12;
  private static final List<String> STATUSES =
      List.of("407", "200", "4xx", "5xx", "2xx", "403", "429", "502", "504");
  private static final List<String> METHODS =
      List.of("CONNECT", "GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS");

  private final Supplier<List<String>> users;
  private final Supplier<List<String>> realms;

  QueryCompletion(Supplier<List<String>> users, Supplier<List<String>> realms) {
    this.users = users;
    this.realms = realms;
  }

  /** Whole-field texts that complete the last word of {@code text}; empty when nothing fits. */
  List<String> suggest(String text) {
    int start = text.lastIndexOf(' ') + 1;
    String head = text.substring(0, start);
    String word = text.substring(start);
    boolean negated = word.startsWith("-");
    String sign = negated ? "-" : "";
    String body = negated ? word.substring(1) : word;
    List<String> out = new ArrayList<>();
    int colon = body.indexOf(':');
    if (colon < 0) {
      if (body.isEmpty()) {
        return out;
      }
      for (String key : ExchangeQuery.KEYS) {
        if (key.startsWith(body.toLowerCase(Locale.ROOT)) && out.size() < MAX) {
          out.add(head + sign + key + ":");
        }
      }
      return out;
    }
    String key = body.substring(0, colon).toLowerCase(Locale.ROOT);
    String typed = body.substring(colon + 1).toLowerCase(Locale.ROOT);
    for (String value : values(key)) {
      if (value.toLowerCase(Locale.ROOT).startsWith(typed)
          && !value.equalsIgnoreCase(typed)
          && out.size() < MAX) {
        out.add(head + sign + key + ":" + (value.contains(" ") ? "\"" + value + "\"" : value));
      }
    }
    return out;
  }

  private List<String> values(String key) {
    return switch (key) {
      case "status" -> STATUSES;
      case "method" -> METHODS;
      case "user" -> users.get();
      case "realm" -> realms.get();
      case "reason" ->
        java.util.Arrays.stream(ChallengeReason.values())
            .map(ChallengeReason::label)
            .toList();
      default -> List.of();
    };
  }
}
