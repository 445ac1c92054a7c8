package dev.warden.core.connect;

import dev.warden.core.replay.ShellQuote;

/**
 * A wget command through Warden, its proxy given with {@code -e} so no file is changed. wget answers
 * a proxy only with Basic and takes the password on the command line: it comes from
 * {@code $WARDEN_PASSWORD}.
 */
public final class WgetSnippet implements ClientFamily {

  @Override
  public String title() {
    return "wget";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    StringBuilder out = new StringBuilder();
    String proxy = ShellQuote.quote(setup.proxyUrl());
    setup.user().ifPresent(user -> {
      out.append("# wget answers a proxy with Basic only");
      out.append(user.offers("basic") ? "\n" : ": realm " + user.realm() + " does not offer it\n");
      out.append("# ")
          .append(user.name())
          .append("'s password comes from $")
          .append(ClientSetup.PASSWORD_VARIABLE)
          .append(": set it first, without echo: read -rs ")
          .append(ClientSetup.PASSWORD_VARIABLE)
          .append(" (bash, zsh)\n");
    });
    out.append("wget -e use_proxy=on -e http_proxy=")
        .append(proxy)
        .append(" -e https_proxy=")
        .append(proxy)
        .append(" -e no_proxy=")
        .append(ShellQuote.quote(setup.noProxy(",", false)));
    setup
        .userName()
        .ifPresent(u -> out.append(" --proxy-user=")
            .append(ShellQuote.quote(u))
            .append(" --proxy-password=\"$")
            .append(ClientSetup.PASSWORD_VARIABLE)
            .append('"'));
    out.append(' ').append(ShellQuote.quote(setup.sampleUrl())).append('\n');
    return new ClientSnippet(
        title(),
        "Downloads the URL through Warden (Basic only), without touching ~/.wgetrc.",
        out.toString());
  }
}
