package dev.warden.cli;

/** The text {@code warden --help} prints. */
public final class Usage {

  private Usage() {}

  public static final String TEXT =
      """
      Usage: warden [--config FILE] [--listen HOST:PORT]
             warden --headless [--config FILE] [--listen HOST:PORT] [--realm NAME]
                    [--user NAME:PASSWORD]... [--users-file FILE] [--no-auth]

      Warden is a proxy that answers 407 Proxy Authentication Required, so you can see
      how clients authenticate to a proxy. Without --headless it opens its window.

      Options:
        --config FILE          settings file (default: settings.json in Warden's
                               configuration folder)
        --listen HOST:PORT     listen there instead of the configured address;
                               port 0 picks a free port
        --headless             run without a window: print one access-log line per
                               request on standard output; Ctrl-C stops
        -h, --help             print this help and exit
        -V, --version          print the version and exit

      Headless only (these change this run only; the settings file is never written):
        --realm NAME           name of the default realm (sent in the challenge)
        --user NAME:PASSWORD   add a user to the default realm; split at the first ':';
                               repeatable. Other local users can read command lines:
                               prefer --users-file for passwords that matter
        --users-file FILE      add the users of an htpasswd file (bcrypt, SHA, APR1)
        --no-auth              do not ask for credentials (407 enforcement off)

      With --user or --users-file, these users replace the default realm's users.

      Access log fields: time (UTC), client, user or -, method, URL, status,
      authentication outcome, response bytes, milliseconds.

      Exit status: 0 after Ctrl-C or SIGTERM, 1 if the proxy could not start,
      2 for a bad command line or invalid settings.
      """;
}
