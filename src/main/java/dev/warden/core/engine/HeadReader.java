package dev.warden.core.engine;

import dev.warden.core.auth.AuthRequest;
import dev.warden.core.auth.ConnectionAuth;
import dev.warden.core.auth.InForce;
import dev.warden.core.settings.Limits;
import dev.warden.core.target.Endpoint;
import dev.warden.core.target.RequestTarget;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a request head into what the policy judges: checks its framing and target
 * ({@link HeadCheck}), names the destination canonically in the head LittleProxy will see, and
 * builds the {@link AuthRequest}. One per client connection, reused for every head so that reading
 * makes no object of its own: after a {@link #read} that returned null, {@link #display},
 * {@link #inForce} and {@link #request} describe that head until the next read.
 *
 * <p>Threads: the client channel's event loop only.
 */
final class HeadReader {

  private final Limits limits;
  private final Channel channel;
  private final Supplier<InForce> inForceNow;
  /** The client's IP address alone: failed authentications are counted per address, not per port. */
  private final String clientAddress;

  private final ConnectionAuth connectionAuth;
  private String display;
  private InForce inForce;
  private AuthRequest request;

  HeadReader(
      Limits limits,
      Channel channel,
      Supplier<InForce> inForceNow,
      String clientAddress,
      ConnectionAuth connectionAuth) {
    this.limits = limits;
    this.channel = channel;
    this.inForceNow = inForceNow;
    this.clientAddress = clientAddress;
    this.connectionAuth = connectionAuth;
  }

  /**
   * Reads {@code head}, rewriting its URI (and Host) to the one destination it names when it may go
   * on.
   *
   * @return the failure to answer with, the head untouched; or null when the head may be judged
   */
  HeadCheck.Failure read(HttpRequest head) {
    String sent = head.uri();
    HeadCheck.Failure failure = HeadCheck.framing(head, limits);
    RequestTarget target = null;
    if (failure == null) {
      target = RequestTarget.parse(
          head.method().name(), sent, head.headers().getAll(HttpHeaderNames.HOST));
      failure = HeadCheck.target(target, head, channel.localAddress());
    }
    if (failure != null) {
      return failure;
    }
    Endpoint endpoint = target.destination().orElseThrow();
    // One parse decides everything: LittleProxy connects to exactly this host and port, because the
    // request it sees names them canonically (the Host field never chooses the destination).
    if (target instanceof RequestTarget.Forward forward) {
      head.setUri(forward.forwardUri());
      head.headers().set(HttpHeaderNames.HOST, forward.hostField());
    } else {
      head.setUri(endpoint.authority());
    }
    inForce = inForceNow.get();
    List<String> credentials = head.headers().getAll(HttpHeaderNames.PROXY_AUTHORIZATION);
    request = new AuthRequest(
        head.method().name(),
        endpoint.host().text(),
        endpoint.port(),
        credentials,
        sent,
        clientAddress,
        connectionAuth);
    display = target.display();
    return null;
  }

  /** The target as the record shows it (no userinfo, secrets masked). */
  String display() {
    return display;
  }

  /** The settings and policy in force when the head was read: it is judged under them. */
  InForce inForce() {
    return inForce;
  }

  /** What the policy judges. */
  AuthRequest request() {
    return request;
  }
}
