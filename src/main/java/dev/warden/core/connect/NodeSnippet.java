package dev.warden.core.connect;

import dev.warden.core.replay.ShellQuote;

/**
 * npm's proxy configuration and what makes Node's own {@code fetch} use a proxy: npm reads
 * {@code HTTP_PROXY}/{@code HTTPS_PROXY}, but Node ignores them unless {@code NODE_USE_ENV_PROXY=1}
 * (Node 24 and later) or the application installs undici's {@code EnvHttpProxyAgent}. Credentials
 * ride in the proxy URL, sent with Basic.
 */
public final class NodeSnippet implements ClientFamily {

  @Override
  public String title() {
    return "Node and npm";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    StringBuilder out = new StringBuilder();
    setup
        .userName()
        .ifPresent(u -> out.append(PasswordSource.shellVariable(u))
            .append("# Node and npm send credentials from the proxy URL with Basic only\n"));
    out.append("export HTTP_PROXY=")
        .append(setup.shellProxyUrl())
        .append('\n')
        .append("export HTTPS_PROXY=\"$HTTP_PROXY\" NO_PROXY=")
        .append(ShellQuote.quote(setup.noProxy(",", false)))
        .append('\n')
        .append(
            "# npm reads HTTP_PROXY and HTTPS_PROXY; to keep it in ~/.npmrc instead (in clear text):\n")
        .append(
            "#   npm config set proxy \"$HTTP_PROXY\" && npm config set https-proxy \"$HTTP_PROXY\"\n")
        .append("# Node's fetch() ignores these unless told: Node 24 and later read them with\n")
        .append("export NODE_USE_ENV_PROXY=1\n")
        .append("# older Node: in the application, npm install undici, then\n")
        .append("#   import { setGlobalDispatcher, EnvHttpProxyAgent } from 'undici';\n")
        .append("#   setGlobalDispatcher(new EnvHttpProxyAgent());\n");
    return new ClientSnippet(
        title(),
        "Points npm, and Node's fetch() (Node 24+, or undici's EnvHttpProxyAgent), at Warden from this shell.",
        out.toString());
  }
}
