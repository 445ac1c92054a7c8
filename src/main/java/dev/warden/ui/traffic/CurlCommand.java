package dev.warden.ui.traffic;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.traffic.Exchange;
import java.util.Locale;

/**
 * "Copy as curl": a command that replays an exchange through Warden. The password is never known
 * here (only its redacted form is recorded), so it is written as {@code ***} for the user to fill in.
 * Any thread.
 */
public final class CurlCommand {

  private CurlCommand() {}

  /**
   * @param exchange the exchange to replay
   * @param proxy the proxy address, {@code host:port}
   */
  public static String of(Exchange exchange, String proxy) {
    StringBuilder cmd = new StringBuilder("curl");
    cmd.append(" --proxy ").append(quote("http://" + proxy));
    if (!(exchange.auth() instanceof AuthOutcome.NotRequired)) {
      String user = ExchangeFacts.userName(exchange).orElse("NAME");
      cmd.append(" --proxy-user ").append(quote(user + ":***"));
    }
    String method = exchange.method().toUpperCase(Locale.ROOT);
    if (exchange.isConnect()) {
      cmd.append(' ').append(quote("https://" + exchange.url() + "/"));
      return cmd.toString();
    }
    if (!method.equals("GET")) {
      cmd.append(method.equals("HEAD") ? " --head" : " -X " + method);
    }
    cmd.append(' ').append(quote(exchange.url()));
    return cmd.toString();
  }

  /** POSIX single quotes: safe for any text, a quote inside becomes '\''. */
  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
