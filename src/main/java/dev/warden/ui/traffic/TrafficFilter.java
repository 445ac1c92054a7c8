package dev.warden.ui.traffic;

import dev.warden.core.traffic.Exchange;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One immutable filter setting of the traffic table: quick filter, search text (over URL, host and
 * user), and an optional user and realm. Any thread.
 *
 * @param quick the quick filter
 * @param search free text, matched case-insensitively; blank matches all
 * @param user a user name that must match exactly, or null for any
 * @param realm a realm name that must match exactly, or null for any
 */
public record TrafficFilter(QuickFilter quick, String search, String user, String realm)
    implements Predicate<Exchange> {

  public static final TrafficFilter NONE = new TrafficFilter(QuickFilter.ALL, "", null, null);

  public TrafficFilter {
    Objects.requireNonNull(quick);
    search = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean test(Exchange e) {
    if (!quick.test(e)) {
      return false;
    }
    if (user != null && !user.equals(ExchangeFacts.userName(e).orElse(null))) {
      return false;
    }
    if (realm != null && !realm.equals(e.realm().orElse(null))) {
      return false;
    }
    if (search.isEmpty()) {
      return true;
    }
    return e.url().toLowerCase(Locale.ROOT).contains(search)
        || e.host().toLowerCase(Locale.ROOT).contains(search)
        || ExchangeFacts.userName(e).map(u -> u.toLowerCase(Locale.ROOT).contains(search)).orElse(false);
  }

  /** True when nothing is filtered out. */
  public boolean isEmpty() {
    return quick == QuickFilter.ALL && search.isEmpty() && user == null && realm == null;
  }
}
