package dev.warden.ui.traffic;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.traffic.Exchange;
import java.util.function.Predicate;

/** The one-click filters above the traffic table. */
public enum QuickFilter {
  ALL("All", e -> true),
  CHALLENGED("407", Exchange::isChallenge),
  AUTHENTICATED("Authenticated", e -> e.auth() instanceof AuthOutcome.Authenticated),
  ERRORS("Errors", Exchange::isError);

  private final String label;
  private final Predicate<Exchange> test;

  QuickFilter(String label, Predicate<Exchange> test) {
    this.label = label;
    this.test = test;
  }

  public String label() {
    return label;
  }

  public boolean test(Exchange exchange) {
    return test.test(exchange);
  }
}
