package dev.warden.core.connect;

import dev.warden.core.replay.ShellQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * A curl command through Warden. With a user it is {@code --proxy-user NAME} without a password, so
 * curl asks for it, and the flag for the realm's scheme: one scheme gets its own flag, several get
 * {@code --proxy-anyauth} (curl picks the safest one the 407 offers).
 */
public final class CurlSnippet implements ClientFamily {

  @Override
  public String title() {
    return "curl";
  }

  @Override
  public ClientSnippet snippet(ClientSetup setup) {
    List<String> args =
        new ArrayList<>(List.of("curl", "--proxy", ShellQuote.quote(setup.proxyUrl())));
    StringBuilder notes = new StringBuilder();
    setup.user().ifPresent(user -> {
      args.add("--proxy-user");
      args.add(ShellQuote.quote(user.name()));
      List<String> flags = new ArrayList<>();
      for (String scheme : user.schemes()) {
        switch (scheme) {
          case "basic" -> flags.add("--proxy-basic");
          case "digest" -> flags.add("--proxy-digest");
          case "ntlm" -> flags.add("--proxy-ntlm");
          case "negotiate" -> flags.add("--proxy-negotiate");
          default ->
            notes.append("# curl cannot answer the realm's ").append(scheme).append(" challenge\n");
        }
      }
      if (flags.size() == 1) {
        args.add(flags.get(0));
      } else if (flags.size() > 1) {
        args.add("--proxy-anyauth");
      }
      notes.insert(0, "# curl asks for " + user.name() + "'s password\n");
    });
    args.add("--noproxy");
    args.add(ShellQuote.quote(setup.noProxy(",", false)));
    args.add(ShellQuote.quote(setup.sampleUrl()));
    return new ClientSnippet(
        title(),
        setup.user().isPresent()
            ? "Fetches the URL through Warden; curl prompts for the password and answers the 407 itself."
            : "Fetches the URL through Warden without credentials.",
        notes + String.join(" ", args) + "\n");
  }
}
