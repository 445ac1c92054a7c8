package dev.warden.core.engine;

import dev.warden.core.auth.AuthDecision;
import dev.warden.core.auth.AuthPolicy;
import dev.warden.core.auth.AuthRequest;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.ExchangeError;
import dev.warden.core.traffic.Header;
import dev.warden.core.traffic.TrafficLog;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.littleshoot.proxy.HttpFiltersAdapter;

/**
 * Warden's part in one request's life: decides 407 enforcement before LittleProxy looks at the
 * destination (so an unauthenticated request never resolves a name or opens a connection), removes
 * the proxy credentials before forwarding, captures what passes, and records the finished
 * {@link Exchange}.
 *
 * <p>Threads: LittleProxy calls the request callbacks on the client connection's event loop and the
 * response callbacks on the server connection's event loop; its own hand-over between the two
 * (a task queued on the other loop) orders them, and the fields shared across are volatile. Nothing
 * here blocks; the slow password hash runs only on a verification-cache miss inside
 * {@link AuthPolicy#decide}.
 */
final class ExchangeFilters extends HttpFiltersAdapter {

  private final long connectionId;
  private final String client;
  private final AuthPolicy policy;
  private final Settings settings;
  private final TrafficLog traffic;
  private final Instant started = Instant.now();
  private final long startedNanos = System.nanoTime();
  private final BodyCapture requestBody;
  private final BodyCapture responseBody;

  private volatile RequestCapture request;
  private volatile HttpResponse response;
  private volatile List<Header> responseHeaders = List.of();
  private volatile long firstByteNanos = -1;
  private volatile ExchangeError error;
  private volatile boolean connecting;
  private volatile boolean connected;
  private volatile boolean recorded;

  /** What was learnt from the request head; immutable once made. */
  private record RequestCapture(
      String method, String url, String protocol, List<Header> headers, AuthDecision decision) {}

  ExchangeFilters(
      HttpRequest originalRequest,
      ChannelHandlerContext ctx,
      long connectionId,
      String client,
      AuthPolicy policy,
      Settings settings,
      TrafficLog traffic) {
    super(originalRequest, ctx);
    this.connectionId = connectionId;
    this.client = client;
    this.policy = policy;
    this.settings = settings;
    this.traffic = traffic;
    this.requestBody = new BodyCapture(settings.bodyPrefixLimit());
    this.responseBody = new BodyCapture(settings.bodyPrefixLimit());
  }

  @Override
  public HttpResponse clientToProxyRequest(HttpObject httpObject) {
    if (httpObject instanceof HttpRequest head) {
      AuthDecision decision = judge(head);
      // Consumed by this proxy (RFC 9110 §11.7.2): never forwarded, whatever LittleProxy does later.
      head.headers().remove(HttpHeaderNames.PROXY_AUTHORIZATION);
      if (!decision.allowed()) {
        return challenge(head, decision);
      }
      prepareClientChannel(head);
    }
    if (httpObject instanceof HttpContent content && request != null && request.decision().allowed()) {
      requestBody.add(content.content());
    }
    return null;
  }

  /** Decides enforcement from the request head alone and remembers what the log needs of it. */
  private AuthDecision judge(HttpRequest head) {
    Destination destination = Destination.of(head);
    List<String> credentials = head.headers().getAll(HttpHeaderNames.PROXY_AUTHORIZATION);
    AuthDecision decision =
        policy.decide(new AuthRequest(head.method().name(), destination.host(), destination.port(), credentials));
    request =
        new RequestCapture(
            head.method().name(),
            destination.url(),
            head.protocolVersion().text(),
            HeaderCopy.redacted(head.headers(), decision.redactedCredentials()),
            decision);
    return decision;
  }

  /** The 407, with its challenges handed to {@link ChallengeRestorer} for the way out. */
  private HttpResponse challenge(HttpRequest head, AuthDecision decision) {
    FullHttpResponse challenge = ChallengeResponse.build(head, settings.closeAfterChallenge());
    ctx.channel().attr(ChallengeRestorer.PENDING).set(ChallengeResponse.pending(challenge, decision, head));
    return challenge;
  }

  /** Arms the per-channel handlers an allowed request needs: close when asked, watch a CONNECT. */
  private void prepareClientChannel(HttpRequest head) {
    if (!HttpUtil.isKeepAlive(head)) {
      ctx.channel().attr(CloseWhenAsked.REQUESTED).set(Boolean.TRUE);
    }
    if (HttpMethod.CONNECT.equals(head.method())) {
      ChannelPipeline pipeline = ctx.pipeline();
      if (pipeline.get(TunnelWatcher.NAME) != null) {
        pipeline.remove(TunnelWatcher.NAME);
      }
      pipeline.addBefore(ctx.name(), TunnelWatcher.NAME, new TunnelWatcher(this));
    }
  }

  @Override
  public void proxyToServerResolutionFailed(String hostAndPort) {
    error = new ExchangeError(ExchangeError.Kind.DNS_FAILURE, hostAndPort + ": name not resolved");
  }

  @Override
  public void proxyToServerConnectionStarted() {
    connecting = true;
  }

  @Override
  public void proxyToServerConnectionSucceeded(ChannelHandlerContext serverCtx) {
    connected = true;
  }

  @Override
  public void serverToProxyResponseTimedOut() {
    error = new ExchangeError(ExchangeError.Kind.TIMEOUT, "no response from the destination in time");
  }

  /** Called by {@link TunnelWatcher} when LittleProxy has answered an allowed CONNECT with 2xx. */
  void tunnelEstablished(HttpResponse established) {
    connected = true;
    firstByteNanos = System.nanoTime();
    responseHeaders = HeaderCopy.of(established.headers());
    finish(established.status().code());
  }

  @Override
  public HttpObject proxyToClientResponse(HttpObject httpObject) {
    if (httpObject instanceof HttpResponse head) {
      response = head;
      firstByteNanos = System.nanoTime();
      responseHeaders = withChallenges(head);
    }
    if (httpObject instanceof HttpContent content) {
      responseBody.add(content.content());
    }
    if (httpObject instanceof LastHttpContent) {
      HttpResponse head = response;
      finish(head == null ? 0 : head.status().code());
    }
    return httpObject;
  }

  /**
   * The headers as the client receives them: for Warden's own 407, LittleProxy strips the challenge
   * after this callback and {@link ChallengeRestorer} puts it back, so add it to the record here.
   */
  private List<Header> withChallenges(HttpResponse head) {
    List<Header> headers = HeaderCopy.of(head.headers());
    RequestCapture r = request;
    if (r != null && !r.decision().allowed() && head.status() == ChallengeResponse.STATUS) {
      List<Header> all = new ArrayList<>(headers.size() + r.decision().challenges().size());
      for (String challenge : r.decision().challenges()) {
        all.add(new Header("Proxy-Authenticate", challenge));
      }
      all.addAll(headers);
      return all;
    }
    return headers;
  }

  /**
   * LittleProxy reports a refused connection only after it has sent the 502, so a 502 is explained
   * here from what was seen: resolution failed (reported before), the connection never came up, or
   * it came up and the destination closed it without answering.
   */
  private ExchangeError failureFor(int status, RequestCapture r) {
    ExchangeError known = error;
    if (known != null || status != 502 || !r.decision().allowed()) {
      return known;
    }
    if (connecting && !connected) {
      return new ExchangeError(ExchangeError.Kind.CONNECT_FAILED, r.url() + ": connection refused or unreachable");
    }
    if (connected) {
      return new ExchangeError(ExchangeError.Kind.SERVER_ABORTED, r.url() + ": closed without a response");
    }
    return new ExchangeError(ExchangeError.Kind.CONNECT_FAILED, r.url() + ": no usable destination");
  }

  private void finish(int status) {
    RequestCapture r = request;
    if (recorded || r == null) {
      return;
    }
    recorded = true;
    long now = System.nanoTime();
    long firstByte = firstByteNanos;
    ExchangeError failure = failureFor(status, r);
    Duration timeToFirstByte = firstByte < 0 ? null : Duration.ofNanos(firstByte - startedNanos);
    Duration duration = Duration.ofNanos(now - startedNanos);
    List<Header> response = responseHeaders;
    BodyPreview requestPreview = r.decision().allowed() ? requestBody.preview() : BodyPreview.EMPTY;
    BodyPreview responsePreview = responseBody.preview();
    // Everything is built before: the log runs this between claiming the id and storing it.
    traffic.record(
        id ->
            new Exchange(
                id,
                connectionId,
                client,
                started,
                timeToFirstByte,
                duration,
                r.method(),
                r.url(),
                r.protocol(),
                r.headers(),
                response,
                requestPreview,
                responsePreview,
                status,
                r.decision().outcome(),
                failure));
  }
}
