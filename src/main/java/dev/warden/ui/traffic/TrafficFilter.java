package dev.warden.ui.traffic;

import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeQuery;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One immutable filter setting of the traffic table: quick filter, search (an {@link ExchangeQuery}:
 * structured terms such as {@code status:407} and free words over URL, host, user, headers and
 * bodies), and an optional user and realm. Any thread.
 *
 * @param quick the quick filter
 * @param query the search field's query, parsed once
 * @param user a user name that must match exactly, or null for any
 * @param realm a realm name that must match exactly, or null for any
 */
public record TrafficFilter(QuickFilter quick, ExchangeQuery query, String user, String realm)
    implements Predicate<Exchange> {

  public static final TrafficFilter NONE =
      new TrafficFilter(QuickFilter.ALL, ExchangeQuery.ALL, null, null);

  public TrafficFilter {
    Objects.requireNonNull(quick);
    Objects.requireNonNull(query);
  }

  /** The filter with the search field's {@code search} text parsed. */
  public static TrafficFilter of(QuickFilter quick, String search, String user, String realm) {
    return new TrafficFilter(quick, ExchangeQuery.parse(search), user, realm);
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
    return query.test(e);
  }

  /** True when nothing is filtered out. */
  public boolean isEmpty() {
    return quick == QuickFilter.ALL && query.isEmpty() && user == null && realm == null;
  }
}
