package dev.warden.core.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's standard urllib: a {@code ProxyHandler} pointing at Warden and the proxy auth handler of
 * the realm's schemes ({@code ProxyDigestAuthHandler}, {@code ProxyBasicAuthHandler}), the password
 * from {@code $WARDEN_PASSWORD} or a prompt, given for the realm whatever URL the handler asks it for.
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
        .append("proxy = urllib.request.ProxyHandler({\"http\": ")
        .append(proxy)
        .append(", \"https\": ")
        .append(proxy)
        .append("})\n");
    if (setup.user().isPresent()) {
      ProxyUser user = setup.user().get();
      List<String> handlers = new ArrayList<>();
      if (user.offers("digest")) {
        handlers.add("urllib.request.ProxyDigestAuthHandler(passwords)");
      }
      if (user.offers("basic") || handlers.isEmpty()) {
        handlers.add("urllib.request.ProxyBasicAuthHandler(passwords)");
      }
      out.append("password = os.environ.get(\"")
          .append(ClientSetup.PASSWORD_VARIABLE)
          .append("\") or getpass.getpass(\"Proxy password for \" + ")
          .append(PythonString.of(user.name()))
          .append(")\n\n")
          .append("class WardenPassword(urllib.request.HTTPPasswordMgr):\n")
          .append(
              "    # the Digest handler looks the password up by the target URL, the Basic one by the proxy's\n")
          .append("    def find_user_password(self, realm, uri):\n")
          .append("        return (")
          .append(PythonString.of(user.name()))
          .append(", password) if realm == ")
          .append(PythonString.of(user.realm()))
          .append(" else (None, None)\n\n")
          .append("passwords = WardenPassword()\n")
          .append("opener = urllib.request.build_opener(proxy, ")
          .append(String.join(", ", handlers))
          .append(")\n");
    } else {
      out.append("opener = urllib.request.build_opener(proxy)\n");
    }
    out.append("with opener.open(")
        .append(PythonString.of(setup.sampleUrl()))
        .append(") as response:\n")
        .append("    print(response.status)\n");
    return new ClientSnippet(
        title(),
        setup.user().isPresent()
            ? "Fetches the URL through Warden with the standard library; the handler answers the 407 for http:// URLs."
            : "Fetches the URL through Warden with the standard library.",
        out.toString());
  }
}
