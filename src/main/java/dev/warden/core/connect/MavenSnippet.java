package dev.warden.core.connect;

/**
 * The {@code <proxies>} block of Maven's {@code ~/.m2/settings.xml}. Maven answers a proxy with Basic
 * only; the password is {@code ${env.WARDEN_PASSWORD}}, which Maven reads from the environment.
 */
public final class MavenSnippet implements ClientFamily {

  @Override
  public String title() {
    return "Maven";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    StringBuilder out = new StringBuilder("<!-- in ~/.m2/settings.xml, inside <settings>");
    setup
        .userName()
        .ifPresent(u -> out.append(";\n     Maven takes the password from $")
            .append(ClientSetup.PASSWORD_VARIABLE)
            .append(" and answers with Basic only"));
    out.append(" -->\n<proxies>\n  <proxy>\n    <id>warden</id>\n    <active>true</active>\n")
        .append("    <protocol>http</protocol>\n")
        .append("    <host>")
        .append(XmlText.of(setup.host()))
        .append("</host>\n")
        .append("    <port>")
        .append(setup.port())
        .append("</port>\n");
    setup
        .userName()
        .ifPresent(u -> out.append("    <username>")
            .append(XmlText.of(u))
            .append("</username>\n")
            .append("    <password>${env.")
            .append(ClientSetup.PASSWORD_VARIABLE)
            .append("}</password>\n"));
    out.append("    <nonProxyHosts>")
        .append(XmlText.of(setup.noProxy("|", true)))
        .append("</nonProxyHosts>\n")
        .append("  </proxy>\n</proxies>\n");
    return new ClientSnippet(
        title(),
        "Makes Maven download through Warden (paste into ~/.m2/settings.xml).",
        out.toString());
  }
}
