package dev.warden.core.connect;

import dev.warden.core.replay.ShellQuote;

/**
 * The {@code gsettings} commands that make Warden GNOME's system proxy (what GNOME applications,
 * and browsers set to "system proxy", use), and the one that switches it back. The panel's toggle
 * does the same and restores the previous values by itself.
 */
public final class GnomeSnippet implements ClientFamily {

  @Override
  public String title() {
    return "GNOME system proxy";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    String host = ShellQuote.quote(setup.host());
    StringBuilder out = new StringBuilder(
        "# note the current values first: gsettings list-recursively org.gnome.system.proxy\n");
    for (String schema : new String[] {"http", "https"}) {
      out.append("gsettings set org.gnome.system.proxy.")
          .append(schema)
          .append(" host ")
          .append(host)
          .append('\n')
          .append("gsettings set org.gnome.system.proxy.")
          .append(schema)
          .append(" port ")
          .append(setup.port())
          .append('\n');
    }
    out.append("gsettings set org.gnome.system.proxy mode 'manual'\n");
    setup
        .userName()
        .ifPresent(u -> out.append("# applications ask for ")
            .append(u)
            .append("'s password themselves when Warden challenges\n"));
    out.append("# back to no proxy: gsettings set org.gnome.system.proxy mode 'none'\n");
    return new ClientSnippet(
        title(),
        "Makes Warden the desktop's proxy; the toggle below does it and restores the old values when switched off or on exit.",
        out.toString());
  }
}
