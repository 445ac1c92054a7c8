package dev.warden.core.connect;

/**
 * Firefox's manual proxy settings, as the settings page asks for them and as {@code user.js} lines
 * of the same {@code about:config} keys. Firefox asks for the proxy password in its own dialog
 * (Basic, Digest and NTLM) and, by default, never proxies localhost.
 */
public final class FirefoxSnippet implements ClientFamily {

  @Override
  public String title() {
    return "Firefox";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    String host = PythonString.of(setup.host());
    StringBuilder out = new StringBuilder()
        .append("Settings > General > Network Settings > Settings… > Manual proxy configuration\n")
        .append("  HTTP Proxy: ")
        .append(setup.host())
        .append("   Port: ")
        .append(setup.port())
        .append('\n')
        .append("  [x] Also use this proxy for HTTPS\n")
        .append("  No proxy for: ")
        .append(setup.noProxy(", ", false))
        .append('\n');
    setup
        .userName()
        .ifPresent(u -> out.append("Firefox asks for ")
            .append(u)
            .append("'s password when Warden challenges.\n"));
    out.append("\nOr the same in about:config, or as lines of user.js in the profile folder:\n")
        .append("user_pref(\"network.proxy.type\", 1);\n")
        .append("user_pref(\"network.proxy.http\", ")
        .append(host)
        .append(");\n")
        .append("user_pref(\"network.proxy.http_port\", ")
        .append(setup.port())
        .append(");\n")
        .append("user_pref(\"network.proxy.ssl\", ")
        .append(host)
        .append(");\n")
        .append("user_pref(\"network.proxy.ssl_port\", ")
        .append(setup.port())
        .append(");\n")
        .append("user_pref(\"network.proxy.no_proxies_on\", ")
        .append(PythonString.of(setup.noProxy(", ", false)))
        .append(");\n");
    return new ClientSnippet(
        title(),
        "Sends Firefox's HTTP and HTTPS through Warden; Firefox asks for the password.",
        out.toString());
  }
}
