package dev.warden.cli;

/** The text {@code warden --help} prints. */
public final class Usage {

  private Usage() {}

  public static final String TEXT = """
      Usage: warden [--config FILE] [--listen HOST:PORT]
             warden --headless [--config FILE] [--listen HOST:PORT] [--realm NAME]
                    [--user NAME:PASSWORD]... [--users-file FILE]... [--no-auth]
                    [--schemes LIST] [--digest-algorithms LIST]
                    [--nonce-lifetime DURATION] [--lockout SPEC]
                    [--head-timeout DURATION] [--idle-timeout DURATION]
                    [--connect-timeout DURATION] [--first-byte-timeout DURATION]
                    [--max-connections N] [--har FILE] [--profile NAME]
                    [--fault KNOB=VALUE]...
             warden --list-profiles
             warden --export-squid DIR [--replace-export] [headless options]

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
        --about                print the version, the licences and where settings,
                               UI state and log live, and exit
        --list-profiles        print the proxy profiles and the fault knobs, and exit

      Headless only (these change this run only; the settings file is never written):
        --realm NAME           name of the default realm (sent in the challenge)
        --user NAME:PASSWORD   add a user to the default realm; split at the first ':';
                               repeatable. Other local users can read command lines:
                               prefer --users-file for passwords that matter
        --users-file FILE      add the users of an htpasswd file (bcrypt, SHA, APR1)
                               or an htdigest file (user:realm:MD5 HA1, for Digest
                               MD5); repeatable, e.g. one of each. A user only in
                               an htdigest file cannot use Basic. htdigest lines
                               of another realm are skipped with a warning
        --no-auth              do not ask for credentials (407 enforcement off)
        --schemes LIST         schemes the default realm offers, in challenge
                               order, from basic, digest, ntlm, negotiate (NTLM
                               inside; no Kerberos), bearer: e.g. digest,basic or
                               negotiate,ntlm,basic (default: as configured;
                               first run: basic)
        --token NAME:TOKEN     a Bearer token of the default realm, stored hashed;
                               repeatable; replaces the configured tokens. The
                               token is what a client sends (RFC 6750): letters,
                               digits and - . _ ~ + /, then = at the end only
        --digest-algorithms LIST
                               Digest algorithms in challenge order, from MD5,
                               SHA-256, SHA-512-256 and their -sess variants
                               (first run: SHA-256,MD5)
        --nonce-lifetime DURATION
                               how long a Digest nonce is accepted: 90 or 90s,
                               5m, 1h; 1s to 24h (first run: 5m)
        --lockout DELAY_AFTER,LOCKOUT_AFTER,DURATION[,407|429]
                               failed logins a minute (per client address and per
                               user) after which answers are delayed, after which
                               the address or user is locked out, for how long,
                               and whether a lockout is answered 407 or 429
                               (first run: 10,50,5m,407)
        --head-timeout DURATION
                               time a request head may take from its first byte
                               (408 after): 500ms, 30s, 5m; 100ms to 1h (default 30s)
        --idle-timeout DURATION
                               time a connection may wait for its next request
                               before it is closed (default 60s)
        --connect-timeout DURATION
                               time to connect to a destination (504 after;
                               default 10s)
        --first-byte-timeout DURATION
                               time a destination may take to start its response
                               (504 after; default 60s)
        --max-connections N    open client connections; more get 503 (default 20000)
        --har FILE             when the run stops (Ctrl-C, SIGTERM), write every
                               exchange of it to FILE as HAR 1.2, with Warden's
                               verdicts under _warden and the Authorization and
                               Proxy-Authorization values cut to their scheme
        --profile NAME         make the default realm behave like a real proxy:
                               'Squid 5.7 (Basic)', 'Squid 5.7 (Digest)',
                               'tinyproxy 1.11', 'mitmproxy 8', 'Strict RFC',
                               'Windows proxy (Negotiate, NTLM, Basic)'
                               (schemes, algorithms and fault knobs; --schemes and
                               --fault then change it further)
        --fault KNOB=VALUE     set one fault knob of the default realm, e.g.
                               connection=close, status=401, rechallengeEvery=3;
                               repeatable; --list-profiles lists every knob

      Export:
        --export-squid DIR     write the settings (with the headless options applied)
                               as a Squid 5 configuration into DIR and exit: squid.conf,
                               passwords, digest_passwords, README-export.txt. Users
                               stored with Warden's own hash need their password: give
                               it with --user NAME:PASSWORD
        --replace-export       let --export-squid replace a folder that is not empty

      With --user or --users-file, these users replace the default realm's users.
      --user passwords work for Basic and for every Digest algorithm.

      Access log fields: time (UTC), client, user or -, method, URL, status,
      authentication outcome, response bytes, milliseconds.

      Exit status: 0 after Ctrl-C or SIGTERM, 1 if the proxy could not start,
      2 for a bad command line or invalid settings.
      """;
}
