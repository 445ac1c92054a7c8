package dev.warden.core.connect;

import dev.warden.core.replay.ShellQuote;

/**
 * git's {@code http.proxy} with the user but no password (git then asks for it, through its
 * credential helpers) and {@code http.proxyAuthMethod} for the realm's scheme.
 */
public final class GitSnippet implements ClientFamily {

  @Override
  public String title() {
    return "git";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    StringBuilder out = new StringBuilder();
    String url = setup
        .encodedUser()
        .map(u -> "http://" + u + "@" + setup.authority())
        .orElse(setup.proxyUrl());
    setup
        .userName()
        .ifPresent(
            u -> out.append("# git asks for ")
                .append(u)
                .append(
                    "'s password when Warden challenges (and keeps it if a credential helper is set)\n"));
    out.append("git config --global http.proxy ").append(ShellQuote.quote(url)).append('\n');
    setup
        .user()
        .ifPresent(user -> out.append("git config --global http.proxyAuthMethod ")
            .append(method(user))
            .append('\n'));
    out.append("# to undo: git config --global --unset http.proxy");
    setup.user().ifPresent(u -> out.append("; git config --global --unset http.proxyAuthMethod"));
    out.append('\n');
    return new ClientSnippet(
        title(),
        "Sends git's http and https remotes through Warden (in ~/.gitconfig).",
        out.toString());
  }

  private static String method(ProxyUser user) {
    long answerable = user.schemes().stream().filter(s -> !s.equals("bearer")).count();
    if (answerable > 1) {
      return "anyauth";
    }
    return user.schemes().stream().filter(s -> !s.equals("bearer")).findFirst().orElse("basic");
  }
}
