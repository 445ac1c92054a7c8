package dev.warden.core.replay;

import dev.warden.core.traffic.Exchange;
import java.util.ArrayList;
import java.util.List;

/**
 * "Copy as Java -D flags": the system properties that send a JVM's HTTP and HTTPS traffic through
 * Warden, shell-quoted, on one line. A client that answered with Basic through a tunnel (CONNECT, or
 * an https URL) also gets {@code jdk.http.auth.tunneling.disabledSchemes} emptied: the JDK refuses
 * Basic on CONNECT by default and never answers the 407. Java has no property for the password; a
 * comment says the client must answer the challenge itself (an {@code Authenticator}). Pure; any
 * thread.
 */
public final class JavaProxyFlags {

  private JavaProxyFlags() {}

  /**
   * @param exchange the exchange whose client is to be set up like this
   * @param proxy Warden's address as clients reach it, {@code host:port}
   */
  public static String of(Exchange exchange, String proxy) {
    String host = ReplayFacts.host(proxy);
    String port = ReplayFacts.port(proxy);
    List<String> flags = new ArrayList<>();
    flags.add("-Dhttp.proxyHost=" + host);
    flags.add("-Dhttp.proxyPort=" + port);
    flags.add("-Dhttps.proxyHost=" + host);
    flags.add("-Dhttps.proxyPort=" + port);
    String scheme = ReplayFacts.scheme(exchange);
    boolean tunnel = exchange.isConnect() || exchange.url().regionMatches(true, 0, "https:", 0, 6);
    if (scheme.equals("basic") && tunnel) {
      flags.add("-Djdk.http.auth.tunneling.disabledSchemes=");
    }
    StringBuilder out = new StringBuilder();
    if (!scheme.isEmpty()) {
      out.append("# the client must answer Warden's 407 itself (java.net.Authenticator) with ")
          .append(ProxyEnvironment.schemeName(scheme))
          .append(" credentials")
          .append(ReplayFacts.user(exchange).map(u -> " of user " + u).orElse(""))
          .append('\n');
    }
    return out.append(String.join(" ", flags.stream().map(ShellQuote::quote).toList()))
        .toString();
  }
}
