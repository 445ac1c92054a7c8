package dev.warden.core.auth;

import java.util.List;
import java.util.Objects;

/**
 * What the 407 enforcement looks at in one request. Carries the raw Proxy-Authorization values: never
 * log or record this value; record {@link AuthDecision#redactedCredentials()} instead.
 *
 * @param method request method, e.g. {@code GET} or {@code CONNECT}
 * @param host destination host, lower case, without brackets for IPv6
 * @param port destination port
 * @param proxyAuthorization every Proxy-Authorization field value of the request, in order
 * @param target the request-target exactly as sent (absolute-form, or the authority of a CONNECT):
 *     Digest's {@code uri} must name it
 * @param client the client's IP address, without port or brackets (failures are counted per
 *     address), or empty when unknown (then not counted per address)
 * @param connection what the client connection remembers for connection-bound schemes (NTLM); a
 *     request made outside a connection gets one of its own, so no handshake spans two of them
 * @param body the request body when the stage held it for judging ({@link AuthPolicy#needsBody}), else
 *     {@link RequestBody#NOT_HELD}
 */
public record AuthRequest(
    String method,
    String host,
    int port,
    List<String> proxyAuthorization,
    String target,
    String client,
    ConnectionAuth connection,
    RequestBody body) {
  public AuthRequest {
    Objects.requireNonNull(method);
    Objects.requireNonNull(host);
    proxyAuthorization = List.copyOf(proxyAuthorization);
    Objects.requireNonNull(target);
    client = client == null ? "" : client;
    Objects.requireNonNull(connection);
    Objects.requireNonNull(body);
  }

  /** A request judged from its head alone. */
  public AuthRequest(
      String method,
      String host,
      int port,
      List<String> proxyAuthorization,
      String target,
      String client,
      ConnectionAuth connection) {
    this(method, host, port, proxyAuthorization, target, client, connection, RequestBody.NOT_HELD);
  }

  /** This request with its body held. */
  public AuthRequest withBody(RequestBody value) {
    return new AuthRequest(
        method, host, port, proxyAuthorization, target, client, connection, value);
  }

  /** A request from {@code client} on a connection of its own. */
  public AuthRequest(
      String method,
      String host,
      int port,
      List<String> proxyAuthorization,
      String target,
      String client) {
    this(method, host, port, proxyAuthorization, target, client, new ConnectionAuth());
  }

  /** A request from an unknown client address. */
  public AuthRequest(
      String method, String host, int port, List<String> proxyAuthorization, String target) {
    this(method, host, port, proxyAuthorization, target, "");
  }

  /** A request whose target is {@code http://host:port/} (or {@code host:port} for CONNECT). */
  public AuthRequest(String method, String host, int port, List<String> proxyAuthorization) {
    this(
        method,
        host,
        port,
        proxyAuthorization,
        "CONNECT".equals(method) ? host + ":" + port : "http://" + host + ":" + port + "/");
  }

  /** This request as sent by {@code address}. */
  public AuthRequest from(String address) {
    return new AuthRequest(
        method, host, port, proxyAuthorization, target, address, connection, body);
  }

  @Override
  public String toString() {
    return "AuthRequest[" + method + " " + host + ":" + port + "]";
  }
}
