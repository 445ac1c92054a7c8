package dev.warden.core.connect;

import dev.warden.core.replay.ShellQuote;

/**
 * {@code http_proxy}, {@code https_proxy}, {@code no_proxy} and their upper-case twins as POSIX
 * {@code export} lines: what curl, wget, pip, apt, git, Go and most command-line tools read. With a
 * user the credentials ride in the URL, which tools send with Basic.
 */
public final class EnvironmentSnippet implements ClientFamily {

  @Override
  public String title() {
    return "Environment variables";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    StringBuilder out = new StringBuilder();
    setup
        .userName()
        .ifPresent(u -> out.append(PasswordSource.shellVariable(u))
            .append("# tools send credentials from these URLs with Basic only\n"));
    out.append("export http_proxy=")
        .append(setup.shellProxyUrl())
        .append('\n')
        .append("export https_proxy=\"$http_proxy\"\n")
        .append("export no_proxy=")
        .append(ShellQuote.quote(setup.noProxy(",", false)))
        .append('\n')
        .append(
            "export HTTP_PROXY=\"$http_proxy\" HTTPS_PROXY=\"$http_proxy\" NO_PROXY=\"$no_proxy\"\n");
    return new ClientSnippet(
        title(),
        "Points every tool started from this shell at Warden, except for loopback (NO_PROXY).",
        out.toString());
  }
}
