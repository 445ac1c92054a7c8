package dev.warden.core.target;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The request-target of one request, parsed once (RFC 9112 section 3.2, RFC 3986): the only source
 * of the destination for choosing the realm, connecting, recording and logging. The engine forwards
 * {@link Forward#forwardUri()} and connects to {@link Forward#endpoint()}, never to the target as
 * sent, so no second parser can read another destination from it.
 *
 * <p>Four kinds:
 *
 * <ul>
 *   <li>{@link Forward}: absolute-form {@code http://} (or {@code ws://}) URL, to be forwarded.
 *   <li>{@link Tunnel}: CONNECT with authority-form {@code host:port}.
 *   <li>{@link ToProxy}: origin-form {@code /path} (or {@code OPTIONS *}): a request to the proxy
 *       itself, which the engine answers; its Host field never becomes a destination.
 *   <li>{@link Refused}: anything else, with the sentence for the 400 answer. Absolute {@code
 *       https://} URLs are refused with {@link Refusal#HTTPS_NEEDS_CONNECT}: a proxy may forward them
 *       by opening TLS itself, but Warden's engine forwards plain HTTP only.
 * </ul>
 *
 * <p>No kind holds userinfo ({@code user:pass@}): it is dropped while parsing, and {@link
 * Forward#credentialsRemoved()} says only that there was some. The {@code toString()} of every kind
 * is its {@link #display()}.
 */
public sealed interface RequestTarget
    permits RequestTarget.Forward,
        RequestTarget.Tunnel,
        RequestTarget.ToProxy,
        RequestTarget.Refused {

  /**
   * Parses a request-target. Never throws for any text.
   *
   * @param method the request method as sent (case-sensitive: only {@code CONNECT} is CONNECT)
   * @param target the request-target as sent
   * @param hostFields the values of every Host field of the request, in order (none, one, or more)
   */
  static RequestTarget parse(String method, String target, List<String> hostFields) {
    return TargetParser.parse(method, target, hostFields);
  }

  /** {@link #parse(String, String, List)} with a single Host field value, or {@code null} for none. */
  static RequestTarget parse(String method, String target, String hostField) {
    return TargetParser.parse(method, target, hostField == null ? List.of() : List.of(hostField));
  }

  /** What the record, the access log and exports show, secrets masked with {@link QueryMask#DEFAULT}. */
  default String display() {
    return display(QueryMask.DEFAULT);
  }

  /** What the record, the access log and exports show, never a password or a masked secret. */
  String display(QueryMask mask);

  /** Whether the request was to be forwarded or tunnelled rather than answered or refused. */
  default Optional<Endpoint> destination() {
    return Optional.empty();
  }

  /**
   * An absolute-form request to forward.
   *
   * @param scheme {@code http} or {@code ws}, lower case
   * @param endpoint canonical destination (port defaults to 80)
   * @param pathAndQuery path and query byte-exact as sent, starting with {@code /} ({@code /} added
   *     when the URL had no path); may hold secrets: forward it, never show it
   * @param credentialsRemoved whether the URL carried userinfo, now removed
   * @param hostFieldReplaced whether a Host field was present that named another destination (or
   *     several, or an invalid one); it is ignored and replaced (RFC 9112 section 3.2.2)
   */
  record Forward(
      String scheme,
      Endpoint endpoint,
      String pathAndQuery,
      boolean credentialsRemoved,
      boolean hostFieldReplaced)
      implements RequestTarget {

    public Forward {
      Objects.requireNonNull(scheme);
      Objects.requireNonNull(endpoint);
      Objects.requireNonNull(pathAndQuery);
    }

    /** The Host field to send: {@code host}, or {@code host:port} when the port is not 80; IPv6 in brackets. */
    public String hostField() {
      return endpoint.hostField(TargetParser.HTTP_PORT);
    }

    /**
     * The canonical absolute-form to hand the forwarding code: {@code http://} + {@link #hostField()}
     * + {@link #pathAndQuery()}. Always {@code http://}: a {@code ws://} handshake is an HTTP/1.1 GET
     * (RFC 6455 section 4.1) and LittleProxy only strips {@code http(s)://}.
     */
    public String forwardUri() {
      return "http://" + hostField() + pathAndQuery;
    }

    @Override
    public Optional<Endpoint> destination() {
      return Optional.of(endpoint);
    }

    /** {@code http://host[:port]/path?query}, secrets masked. */
    @Override
    public String display(QueryMask mask) {
      return scheme + "://" + hostField() + mask.mask(pathAndQuery);
    }

    @Override
    public String toString() {
      return display();
    }
  }

  /**
   * A CONNECT request.
   *
   * @param endpoint canonical destination, port as sent (required)
   */
  record Tunnel(Endpoint endpoint) implements RequestTarget {

    public Tunnel {
      Objects.requireNonNull(endpoint);
    }

    @Override
    public Optional<Endpoint> destination() {
      return Optional.of(endpoint);
    }

    /** {@code host:port}, IPv6 in brackets. */
    @Override
    public String display(QueryMask mask) {
      return endpoint.authority();
    }

    @Override
    public String toString() {
      return display();
    }
  }

  /**
   * A request to the proxy itself: origin-form {@code /path?query}, or {@code *} for OPTIONS.
   *
   * @param pathAndQuery byte-exact as sent; may hold secrets
   * @param host the canonical Host field, port defaulting to 80; empty when the request has none
   */
  record ToProxy(String pathAndQuery, Optional<Endpoint> host) implements RequestTarget {

    public ToProxy {
      Objects.requireNonNull(pathAndQuery);
      Objects.requireNonNull(host);
    }

    /** The path and query, secrets masked. */
    @Override
    public String display(QueryMask mask) {
      return mask.mask(pathAndQuery);
    }

    @Override
    public String toString() {
      return display();
    }
  }

  /**
   * A request-target Warden will not act on; the engine answers 400 with {@code
   * refusal().sentence()}.
   */
  final class Refused implements RequestTarget {

    private static final int DISPLAY_LIMIT = 300;

    private final Refusal refusal;
    private final String shown;

    /**
     * @param refusal why
     * @param shown what the record may show of the target: userinfo already removed, control and
     *     non-ASCII characters escaped; query secrets are masked on display
     */
    Refused(Refusal refusal, String shown) {
      this.refusal = Objects.requireNonNull(refusal);
      this.shown = Objects.requireNonNull(shown);
    }

    public Refusal refusal() {
      return refusal;
    }

    /** The one sentence for the 400 body. */
    public String reason() {
      return refusal.sentence();
    }

    /** The target as sent, without userinfo (everything up to the last {@code @} goes), secrets masked, shortened. */
    @Override
    public String display(QueryMask mask) {
      String masked = mask.mask(shown);
      return masked.length() <= DISPLAY_LIMIT ? masked : masked.substring(0, DISPLAY_LIMIT) + "...";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Refused other && refusal == other.refusal && shown.equals(other.shown);
    }

    @Override
    public int hashCode() {
      return refusal.hashCode() * 31 + shown.hashCode();
    }

    @Override
    public String toString() {
      return "Refused[" + refusal + ": " + display() + "]";
    }
  }
}
