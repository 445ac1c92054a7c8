package dev.warden.core.replay;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.traffic.Exchange;
import java.util.Locale;
import java.util.Optional;

/**
 * What a replay needs to know of an exchange's credentials: the user name and the scheme the client
 * used, never the secret (Warden never has it). Pure; any thread.
 */
final class ReplayFacts {

  private ReplayFacts() {}

  /** The user the client named: the authenticated or refused user, or the one read from its field. */
  static Optional<String> user(Exchange e) {
    if (e.auth() instanceof AuthOutcome.Authenticated a) {
      return Optional.of(a.user());
    }
    if (e.auth() instanceof AuthOutcome.Challenged c && !c.user().isEmpty()) {
      return Optional.of(c.user());
    }
    if (e.received() instanceof ReceivedCredentials.SchemeAndUser s && !s.user().isEmpty()) {
      return Optional.of(s.user());
    }
    if (e.received() instanceof ReceivedCredentials.DigestParams d
        && !d.userhash()
        && !d.username().isEmpty()) {
      return Optional.of(d.username());
    }
    return Optional.empty();
  }

  /** The scheme the client answered with, lower case; empty when it sent no credentials. */
  static String scheme(Exchange e) {
    String sent = e.received().scheme();
    if (sent.isEmpty() && e.auth() instanceof AuthOutcome.Authenticated a) {
      sent = a.scheme();
    }
    if (sent.isEmpty() && e.auth() instanceof AuthOutcome.Challenged c) {
      sent = c.scheme();
    }
    if (sent.isEmpty()) {
      sent = e.requestHeader("Proxy-Authorization")
          .map(v -> v.strip().split(" ", 2)[0])
          .orElse("");
    }
    return sent.toLowerCase(Locale.ROOT);
  }

  /** Whether the exchange carried proxy credentials. */
  static boolean sentCredentials(Exchange e) {
    return !scheme(e).isEmpty();
  }

  /** The proxy's host without IPv6 brackets, from {@code host:port}. */
  static String host(String proxy) {
    int colon = proxy.lastIndexOf(':');
    String host = colon < 0 ? proxy : proxy.substring(0, colon);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The proxy's port from {@code host:port}. */
  static String port(String proxy) {
    int colon = proxy.lastIndexOf(':');
    return colon < 0 ? "3128" : proxy.substring(colon + 1);
  }
}
