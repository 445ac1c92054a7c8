package dev.warden.core.connect;

import dev.warden.core.replay.ShellQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM system properties that send HttpURLConnection's HTTP and HTTPS through Warden, shell-quoted,
 * and the {@code Authenticator} that answers its 407 (no property carries a password). For Basic the
 * JDK's two lists of disabled schemes are emptied: it refuses Basic on CONNECT (https) by default.
 */
public final class JavaSnippet implements ClientFamily {

  /**
   * The flag that lets the JDK proxy loopback: any non-empty {@code http.nonProxyHosts} gets the JDK's
   * own {@code localhost|127.*|[::1]} added (measured on JDK 17), only an empty one bypasses nothing.
   */
  public static final String LOOPBACK_TOO = "'-Dhttp.nonProxyHosts='";

  @Override
  public String title() {
    return "Java";
  }

  /** The {@code -D} flags alone, shell-quoted, on one line. */
  public static String flags(ClientSetup setup) {
    List<String> flags = new ArrayList<>(List.of(
        "-Dhttp.proxyHost=" + setup.host(), "-Dhttp.proxyPort=" + setup.port(),
        "-Dhttps.proxyHost=" + setup.host(), "-Dhttps.proxyPort=" + setup.port()));
    if (setup.offers("basic")) {
      flags.add("-Djdk.http.auth.tunneling.disabledSchemes=");
      flags.add("-Djdk.http.auth.proxying.disabledSchemes=");
    }
    return String.join(" ", flags.stream().map(ShellQuote::quote).toList());
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    StringBuilder out =
        new StringBuilder("# HttpURLConnection through Warden; java.net.http.HttpClient only with\n"
            + "# .proxy(ProxySelector.getDefault())"
            + (setup.user().isPresent() ? " and .authenticator(Authenticator.getDefault())" : "")
            + ";\n"
            + "# the JDK never proxies localhost, 127.* or [::1] (add " + LOOPBACK_TOO
            + " to proxy them too)\n");
    if (setup.offers("basic")) {
      out.append(
          "# the two emptied disabledSchemes let the JDK answer Basic, which it refuses on CONNECT by default\n");
    }
    out.append("java ").append(flags(setup)).append(" -jar app.jar\n");
    setup
        .userName()
        .ifPresent(user -> out.append('\n')
            .append("// in the application, once, before the first request (the password from $")
            .append(ClientSetup.PASSWORD_VARIABLE)
            .append("):\n")
            .append("java.net.Authenticator.setDefault(new java.net.Authenticator() {\n")
            .append("  @Override\n")
            .append("  protected java.net.PasswordAuthentication getPasswordAuthentication() {\n")
            .append("    return getRequestorType() == RequestorType.PROXY\n")
            .append("        ? new java.net.PasswordAuthentication(")
            .append(javaString(user))
            .append(", System.getenv(\"")
            .append(ClientSetup.PASSWORD_VARIABLE)
            .append("\").toCharArray())\n")
            .append("        : null;\n")
            .append("  }\n")
            .append("});\n"));
    return new ClientSnippet(
        title(),
        setup.user().isPresent()
            ? "Starts a JVM whose HTTP and HTTPS go through Warden; the Authenticator answers the 407."
            : "Starts a JVM whose HTTP and HTTPS go through Warden.",
        out.toString());
  }

  /** A Java string literal. */
  static String javaString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
