package dev.warden.core.connect;

/**
 * {@code systemProp} lines for {@code ~/.gradle/gradle.properties}: the JDK's proxy properties for
 * HTTP and HTTPS, the user, and for Basic the emptied disabled-scheme lists. A properties file reads
 * no variable, so the password line has a placeholder to replace, or is passed with {@code -D}.
 */
public final class GradleSnippet implements ClientFamily {

  @Override
  public String title() {
    return "Gradle";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    StringBuilder out = new StringBuilder("# in ~/.gradle/gradle.properties\n");
    setup
        .userName()
        .ifPresent(u -> out.append(
                "# replace PASSWORD below, or drop those two lines and run gradle with\n#   -Dhttp.proxyPassword=\"$")
            .append(ClientSetup.PASSWORD_VARIABLE)
            .append("\" -Dhttps.proxyPassword=\"$")
            .append(ClientSetup.PASSWORD_VARIABLE)
            .append("\"\n"));
    for (String protocol : new String[] {"http", "https"}) {
      out.append(line(protocol + ".proxyHost", setup.host()))
          .append(line(protocol + ".proxyPort", "" + setup.port()));
      setup
          .userName()
          .ifPresent(u -> out.append(line(protocol + ".proxyUser", u))
              .append("systemProp.")
              .append(protocol)
              .append(".proxyPassword=PASSWORD\n"));
    }
    out.append(
        "# the JDK never proxies localhost, 127.* or [::1] unless systemProp.http.nonProxyHosts= is empty\n");
    if (setup.offers("basic")) {
      out.append("# lets the JDK answer Basic, which it refuses on CONNECT (https) by default\n")
          .append(line("jdk.http.auth.tunneling.disabledSchemes", ""))
          .append(line("jdk.http.auth.proxying.disabledSchemes", ""));
    }
    return new ClientSnippet(
        title(),
        "Makes Gradle download through Warden (paste into ~/.gradle/gradle.properties).",
        out.toString());
  }

  private static String line(String key, String value) {
    return "systemProp." + key + "=" + escape(value) + "\n";
  }

  /** A properties-file value: backslash, a leading space and non-ASCII escaped, as Properties.load reads them. */
  static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || (c == ' ' && i == 0)) {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
