package dev.warden.core.connect;

import dev.warden.core.replay.ShellQuote;

/**
 * Chromium (and Chrome) started with {@code --proxy-server}; it ignores the environment and asks for
 * proxy credentials in its own dialog. Its bypass list is {@code ;}-separated, and it never proxies
 * loopback unless told with {@code <-loopback>}.
 */
public final class ChromiumSnippet implements ClientFamily {

  @Override
  public String title() {
    return "Chromium";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    StringBuilder out = new StringBuilder();
    setup
        .userName()
        .ifPresent(u -> out.append("# Chromium asks for ")
            .append(u)
            .append("'s password when Warden challenges (Basic, Digest, NTLM)\n"));
    out.append("# a separate profile, so an already running Chromium does not swallow the flags\n")
        .append("chromium --user-data-dir=\"$HOME/.config/chromium-warden\" --proxy-server=")
        .append(ShellQuote.quote(setup.proxyUrl()))
        .append(" --proxy-bypass-list=")
        .append(ShellQuote.quote(setup.noProxy(";", true)))
        .append(' ')
        .append(ShellQuote.quote(setup.sampleUrl()))
        .append('\n');
    return new ClientSnippet(
        title(),
        "Starts Chromium with its traffic through Warden; it prompts for the password.",
        out.toString());
  }
}
