package dev.warden.ui.traffic;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.traffic.Exchange;
import java.util.Optional;

/**
 * What the traffic table shows of an exchange beyond its own accessors. Pure functions over an
 * immutable value; any thread.
 */
public final class ExchangeFacts {

  private ExchangeFacts() {}

  /** The user name the request carried: the authenticated one, or the one a 407 refused. */
  public static Optional<String> userName(Exchange exchange) {
    if (exchange.auth() instanceof AuthOutcome.Authenticated a) {
      return Optional.of(a.user());
    }
    if (exchange.auth() instanceof AuthOutcome.Challenged c && !c.user().isEmpty()) {
      return Optional.of(c.user());
    }
    return Optional.empty();
  }

  /** Marks the auth cell of an exchange a fault knob shaped. */
  public static final String FAULT_MARK = "fault \u00b7 ";

  /**
   * The auth cell's text: the user when authenticated, the reason when challenged; marked with
   * {@link #FAULT_MARK} when a fault knob shaped the exchange.
   */
  public static String authText(Exchange exchange) {
    return exchange.isFaulted() ? FAULT_MARK + plainAuthText(exchange) : plainAuthText(exchange);
  }

  private static String plainAuthText(Exchange exchange) {
    AuthOutcome auth = exchange.auth();
    // An error row's red icon needs its reason beside it, or it reads as a refused user.
    String failure =
        exchange.error() == null ? "" : " · " + exchange.error().kind().label();
    if (auth instanceof AuthOutcome.Authenticated a) {
      return a.user() + failure;
    }
    if (auth instanceof AuthOutcome.NotRequired && !failure.isEmpty()) {
      return failure.substring(3);
    }
    if (auth instanceof AuthOutcome.Challenged c) {
      return c.user().isEmpty() ? c.reason().label() : c.reason().label() + " (" + c.user() + ")";
    }
    if (auth instanceof AuthOutcome.NotJudged) {
      return "not judged (imported)";
    }
    return "not required";
  }

  /** The row's kind, which picks its colour and icon. */
  public static RowKind kind(Exchange exchange) {
    if (exchange.isChallenge()) {
      return RowKind.CHALLENGED;
    }
    if (exchange.isError()) {
      return RowKind.ERROR;
    }
    if (exchange.auth() instanceof AuthOutcome.Authenticated) {
      return RowKind.AUTHENTICATED;
    }
    return RowKind.OPEN;
  }

  /** Human size: 0 B, 512 B, 1.2 KB, 3.4 MB. */
  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format("%.1f KB", bytes / 1024.0);
    }
    return String.format("%.1f MB", bytes / (1024.0 * 1024));
  }

  /** The kinds of row the table tells apart. */
  public enum RowKind {
    CHALLENGED,
    ERROR,
    AUTHENTICATED,
    OPEN
  }
}
