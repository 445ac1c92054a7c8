package dev.warden.core.replay;

import dev.warden.core.traffic.Exchange;

/**
 * "Copy as http_proxy lines": the environment most command-line tools read their proxy from,
 * pointing at Warden, as {@code export} lines for a POSIX shell. Credentials are named in a comment
 * and never written: tools that read them from the URL need {@code user:password@} there, which the
 * user types. Pure; any thread.
 */
public final class ProxyEnvironment {

  private ProxyEnvironment() {}

  /**
   * @param exchange the exchange whose client is to be set up like this (its user and scheme)
   * @param proxy Warden's address as clients reach it, {@code host:port}
   */
  public static String of(Exchange exchange, String proxy) {
    String url = ShellQuote.quote("http://" + proxy);
    StringBuilder out = new StringBuilder();
    if (ReplayFacts.sentCredentials(exchange)) {
      out.append("# Warden asks for ")
          .append(schemeName(ReplayFacts.scheme(exchange)))
          .append(" credentials")
          .append(ReplayFacts.user(exchange).map(u -> " (user " + u + ")").orElse(""))
          .append(exchange.realm().map(r -> " in realm " + r).orElse(""))
          .append(": give them to the tool, or put user:password@ before the host yourself\n");
    }
    for (String name : new String[] {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"}) {
      out.append("export ").append(name).append('=').append(url).append('\n');
    }
    return out.toString();
  }

  static String schemeName(String lower) {
    return switch (lower) {
      case "digest" -> "Digest";
      case "ntlm" -> "NTLM";
      case "negotiate" -> "Negotiate";
      default -> "Basic";
    };
  }
}
