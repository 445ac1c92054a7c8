package dev.warden.core.connect;

/**
 * Python's standard urllib: a {@code ProxyHandler} pointing at Warden and the proxy auth handler of
 * the realm's scheme ({@code ProxyDigestAuthHandler} for Digest, {@code ProxyBasicAuthHandler}
 * otherwise), the password from {@code $WARDEN_PASSWORD} or a prompt.
 */
public final class PythonUrllibSnippet implements ClientFamily {

  @Override
  public String title() {
    return "Python urllib";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    StringBuilder out = new StringBuilder("import urllib.request\n");
    String proxy = PythonString.of(setup.proxyUrl());
    out.append(setup.user().isPresent() ? "import getpass, os\n\n" : "\n")
        .append("proxy = urllib.request.ProxyHandler({\"http\": ").append(proxy)
        .append(", \"https\": ").append(proxy).append("})\n");
    if (setup.user().isPresent()) {
      ProxyUser user = setup.user().get();
      boolean digest = user.offers("digest");
      out.append("password = os.environ.get(\"").append(ClientSetup.PASSWORD_VARIABLE)
          .append("\") or getpass.getpass(\"Proxy password for \" + ").append(PythonString.of(user.name())).append(")\n")
          .append("auth = urllib.request.").append(digest ? "ProxyDigestAuthHandler" : "ProxyBasicAuthHandler").append("()\n")
          .append("auth.add_password(").append(PythonString.of(user.realm())).append(", ").append(proxy)
          .append(", ").append(PythonString.of(user.name())).append(", password)\n")
          .append("opener = urllib.request.build_opener(proxy, auth)\n");
    } else {
      out.append("opener = urllib.request.build_opener(proxy)\n");
    }
    out.append("with opener.open(").append(PythonString.of(setup.sampleUrl())).append(") as response:\n")
        .append("    print(response.status)\n");
    return new ClientSnippet(title(), setup.user().isPresent()
        ? "Fetches the URL through Warden with the standard library; the handler answers the 407 for http:// URLs."
        : "Fetches the URL through Warden with the standard library.", out.toString());
  }
}
