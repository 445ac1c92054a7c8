package dev.warden.core.connect;

/**
 * Python requests with a {@code proxies} dict. requests answers a proxy only with Basic, from the
 * credentials in the proxy URL, which the script builds from {@code $WARDEN_PASSWORD} (or asks).
 */
public final class PythonRequestsSnippet implements ClientFamily {

  @Override
  public String title() {
    return "Python requests";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    StringBuilder out = new StringBuilder();
    out.append("import requests\n");
    setup.userName().ifPresent(u -> {
      out.append("import getpass, os, urllib.parse\n\n");
      if (!setup.offers("basic")) {
        out.append("# requests answers a proxy with Basic only: realm ")
            .append(setup.user().get().realm())
            .append(" does not offer it\n");
      }
      out.append("password = os.environ.get(\"")
          .append(ClientSetup.PASSWORD_VARIABLE)
          .append("\") or getpass.getpass(\"Proxy password for \" + ")
          .append(PythonString.of(u))
          .append(")\n")
          .append("proxy = \"http://\" + urllib.parse.quote(")
          .append(PythonString.of(u))
          .append(", safe=\"\") + \":\" + urllib.parse.quote(password, safe=\"\") + ")
          .append(PythonString.of("@" + setup.authority()))
          .append('\n');
    });
    if (setup.user().isEmpty()) {
      out.append("\nproxy = ").append(PythonString.of(setup.proxyUrl())).append('\n');
    }
    out.append("proxies = {\"http\": proxy, \"https\": proxy}\n")
        .append("response = requests.get(")
        .append(PythonString.of(setup.sampleUrl()))
        .append(", proxies=proxies)\n")
        .append("print(response.status_code)\n");
    return new ClientSnippet(
        title(),
        "Fetches the URL through Warden with requests; the password comes from the environment or a prompt.",
        out.toString());
  }
}
