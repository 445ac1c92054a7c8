package dev.warden.core.connect;

import dev.warden.core.replay.ShellQuote;
import dev.warden.core.settings.ListenAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every snippet is built from: where a client on this machine reaches Warden (a wildcard
 * listen address becomes loopback), the user it is set up for (none: no credentials), the hosts
 * that bypass the proxy and the URL the examples fetch. Holds no password: snippets read it from
 * {@link #PASSWORD_VARIABLE} or let the tool ask. Immutable; any thread.
 *
 * @param host the proxy host as clients write it, IPv6 without brackets
 * @param noProxy hosts that bypass the proxy, as {@code NO_PROXY} lists them
 * @param sampleUrl the URL a snippet's example request fetches
 */
public record ClientSetup(
    String host, int port, Optional<ProxyUser> user, List<String> noProxy, String sampleUrl) {

  /** The environment variable snippets take the password from. */
  public static final String PASSWORD_VARIABLE = "WARDEN_PASSWORD";
  /** Loopback in its three spellings: a client never sends its own machine's traffic through Warden. */
  public static final List<String> DEFAULT_NO_PROXY = List.of("localhost", "127.0.0.1", "::1");

  public static final String DEFAULT_SAMPLE_URL = "https://example.com/";

  public ClientSetup {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    noProxy = List.copyOf(noProxy);
    Objects.requireNonNull(sampleUrl, "sampleUrl");
  }

  /** Set-up for {@code listen} as reached from this machine, with the default bypass list and sample URL. */
  public static ClientSetup of(ListenAddress listen, Optional<ProxyUser> user) {
    return new ClientSetup(
        listen.reachableHost(), listen.port(), user, DEFAULT_NO_PROXY, DEFAULT_SAMPLE_URL);
  }

  public ClientSetup withSampleUrl(String value) {
    return new ClientSetup(host, port, user, noProxy, value);
  }

  /** The host as written in a URL: an IPv6 literal in brackets. */
  public String urlHost() {
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }

  /** {@code host:port} as written in a URL. */
  public String authority() {
    return urlHost() + ":" + port;
  }

  /** {@code http://host:port}, without credentials. */
  public String proxyUrl() {
    return "http://" + authority();
  }

  /** The user's name, or empty. */
  public Optional<String> userName() {
    return user.map(ProxyUser::name);
  }

  /** Whether the chosen user's realm offers {@code scheme}; false without a user. */
  public boolean offers(String scheme) {
    return user.map(u -> u.offers(scheme)).orElse(false);
  }

  /** The user's name percent-encoded for a URL's user part (UTF-8, everything but unreserved characters). */
  public Optional<String> encodedUser() {
    return userName().map(ClientSetup::percentEncode);
  }

  /**
   * The proxy URL as one shell word: with a user, {@code http://NAME:$WARDEN_PASSWORD@host:port} where
   * the name is percent-encoded and quoted and only the variable is expanded.
   */
  public String shellProxyUrl() {
    return encodedUser()
        .map(u -> ShellQuote.quote("http://" + u + ":") + "\"$" + PASSWORD_VARIABLE + "\""
            + ShellQuote.quote("@" + authority()))
        .orElse(ShellQuote.quote(proxyUrl()));
  }

  /** The proxy URL with a visible placeholder where the password goes, for files that cannot read a variable. */
  public String placeholderProxyUrl() {
    return encodedUser().map(u -> "http://" + u + ":PASSWORD@" + authority()).orElse(proxyUrl());
  }

  /** The bypass list joined with {@code separator}, IPv6 literals as {@code bracketed} asks. */
  public String noProxy(String separator, boolean bracketed) {
    return String.join(
        separator,
        noProxy.stream()
            .map(h -> bracketed && h.indexOf(':') >= 0 ? "[" + h + "]" : h)
            .toList());
  }

  static String percentEncode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
