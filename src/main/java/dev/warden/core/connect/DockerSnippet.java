package dev.warden.core.connect;

/**
 * Docker's two proxy settings: the daemon's (image pulls, in {@code /etc/docker/daemon.json}) and the
 * client's {@code ~/.docker/config.json}, which Docker copies into the environment of new containers
 * and builds. JSON reads no variable: the password is a placeholder to replace. Inside a container
 * loopback is the container itself, so the container block names the host's gateway instead.
 */
public final class DockerSnippet implements ClientFamily {

  /** The name Docker Desktop defines and {@code --add-host=host.docker.internal:host-gateway} adds on Linux. */
  static final String HOST_FROM_CONTAINER = "host.docker.internal";

  @Override
  public String title() {
    return "Docker";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    StringBuilder out = new StringBuilder();
    setup.userName().ifPresent(u -> out.append(PasswordSource.placeholder("//", u)));
    String daemonProxy = setup.placeholderProxyUrl();
    out.append(
            "// image pulls: /etc/docker/daemon.json (Docker 23 and later), then restart the daemon\n")
        .append("{\n  \"proxies\": {\n")
        .append("    \"http-proxy\": ")
        .append(json(daemonProxy))
        .append(",\n")
        .append("    \"https-proxy\": ")
        .append(json(daemonProxy))
        .append(",\n")
        .append("    \"no-proxy\": ")
        .append(json(setup.noProxy(",", false)))
        .append("\n  }\n}\n\n");
    boolean loopback = setup.host().startsWith("127.")
        || setup.host().equals("::1")
        || setup.host().equals("localhost");
    String containerProxy = loopback
        ? daemonProxy.replace(setup.authority(), HOST_FROM_CONTAINER + ":" + setup.port())
        : daemonProxy;
    out.append("// containers and builds: ~/.docker/config.json\n");
    if (loopback) {
      out.append("// a container reaches the host as ")
          .append(HOST_FROM_CONTAINER)
          .append(" (docker run --add-host=")
          .append(HOST_FROM_CONTAINER)
          .append(":host-gateway),\n")
          .append("// and only if Warden listens on an address containers can reach, not ")
          .append(setup.host())
          .append('\n');
    }
    out.append("{\n  \"proxies\": {\n    \"default\": {\n")
        .append("      \"httpProxy\": ")
        .append(json(containerProxy))
        .append(",\n")
        .append("      \"httpsProxy\": ")
        .append(json(containerProxy))
        .append(",\n")
        .append("      \"noProxy\": ")
        .append(json(setup.noProxy(",", false)))
        .append("\n    }\n  }\n}\n");
    return new ClientSnippet(
        title(),
        "Sends image pulls (daemon) and new containers' traffic (client) through Warden.",
        out.toString());
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
