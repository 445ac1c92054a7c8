package dev.warden.core.engine;

import dev.warden.core.EngineStatus;
import dev.warden.core.auth.InForce;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.traffic.TrafficLog;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;
import org.littleshoot.proxy.impl.ServerGroup;

/**
 * The embedded LittleProxy server: start, stop, move to another address, without restarting the
 * JVM. One {@link ServerGroup} (its event loops) is shared by every server this engine builds, so a
 * restart costs milliseconds; it is shut down once, by {@link #close()}.
 *
 * <p>No ProxyAuthenticator is installed: LittleProxy's is fixed at build time, remembers a
 * connection as authenticated forever and never reaches the filters, so Warden enforces 407 in
 * {@link WardenStage}, a handler of its own in every client pipeline, ahead of LittleProxy's.
 *
 * <p>Threads: every method blocks (binding, closing connections) and must be called from one thread
 * at a time: Warden's worker thread. Never from a network thread or the JavaFX thread.
 */
public final class ProxyEngine implements AutoCloseable {

  /**
   * Of responses from destinations (requests get the limit in force per connection, see
   * {@link ClientPipeline}).
   */
  private static final int MAX_HEADER_SIZE = 64 * 1024;

  private static final int LITTLEPROXY_CONNECT_TIMEOUT_MS =
      (int) dev.warden.core.settings.Limits.MAX_DEADLINE.plusSeconds(5).toMillis();
  /** The name in the Via field LittleProxy adds; seeing it on an incoming request means a loop. */
  static final String ALIAS =
      "warden-" + Long.toHexString(new java.security.SecureRandom().nextLong() & 0xffffffL);

  private static final int REBIND_ATTEMPTS = 20;
  private static final long REBIND_PAUSE_MS = 50;

  private final ExchangeFiltersSource filters = new ExchangeFiltersSource();
  private final ServerGroup group;
  private HttpProxyServer server;
  private ListenAddress listening;

  /**
   * @param inForce the settings and policy in force, read once per request on network threads
   * @param traffic where every finished exchange is recorded
   */
  public ProxyEngine(Supplier<InForce> inForce, TrafficLog traffic) {
    StageContext context = new StageContext(inForce, traffic);
    int threads = Integer.getInteger(
        "warden.eventLoops", Math.max(2, Runtime.getRuntime().availableProcessors()));
    this.group =
        new WardenServerGroup(new ClientLoopGroup(threads, () -> new WardenStage(context)));
  }

  /** Starts listening on {@code address}, first stopping any current listener. */
  public EngineStatus start(ListenAddress address) {
    boolean wasListening = server != null;
    stop();
    return bindWithRetry(address, wasListening);
  }

  /**
   * Moves to {@code address}. The new listener is opened before the old one is closed, so a bad or
   * busy address leaves the old listener running; the returned status then says why and that the
   * old address is still served. When the new address overlaps the old one (same port), the old
   * listener is closed first and reopened if the new one fails.
   */
  public EngineStatus move(ListenAddress address) {
    if (server == null) {
      return bindWithRetry(address, false);
    }
    ListenAddress old = listening;
    if (old.equals(address)) {
      return listeningStatus(address);
    }
    try {
      HttpProxyServer next = bind(address);
      stop();
      server = next;
      listening = address;
      return listeningStatus(address);
    } catch (RuntimeException failure) {
      if (!overlaps(old, address)) {
        return keptOld(address, old, BindFailure.describe(address, failure));
      }
    }
    stop();
    EngineStatus moved = bindWithRetry(address, true);
    if (moved.listening()) {
      return moved;
    }
    EngineStatus back = bindWithRetry(old, true);
    return back.listening() ? keptOld(address, old, moved.message()) : moved;
  }

  /** Whether the engine listens on exactly this address now. */
  public boolean isListeningOn(ListenAddress address) {
    return server != null && address.equals(listening);
  }

  /** The address really bound (the real port when 0 was asked), or null when stopped. */
  public ListenAddress boundAddress() {
    if (server == null) {
      return null;
    }
    return new ListenAddress(listening.host(), server.getListenAddress().getPort());
  }

  /** Stops listening and closes every open connection. No-op when stopped. */
  public void stop() {
    if (server != null) {
      server.abort();
      server = null;
      listening = null;
    }
  }

  /** Stops and releases the event loops for good. */
  @Override
  public void close() {
    stop();
    group.shutdown(false);
  }

  /**
   * Binds; when this engine has just closed a listener on an overlapping address, retries a busy
   * address briefly, since the shared event loops may hold the old socket for a moment.
   */
  private EngineStatus bindWithRetry(ListenAddress address, boolean justStopped) {
    int attempts = justStopped ? REBIND_ATTEMPTS : 1;
    String reason = "";
    for (int attempt = 0; attempt < attempts; attempt++) {
      try {
        server = bind(address);
        listening = address;
        return listeningStatus(address);
      } catch (RuntimeException failure) {
        reason = BindFailure.describe(address, failure);
        if (!reason.endsWith("already in use")) {
          break;
        }
        pause();
      }
    }
    return new EngineStatus(EngineStatus.State.FAILED, address, null, reason);
  }

  private HttpProxyServer bind(ListenAddress address) {
    InetSocketAddress socketAddress;
    try {
      socketAddress = new InetSocketAddress(InetAddress.getByName(address.host()), address.port());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return DefaultHttpProxyServer.bootstrap()
        .withName("warden")
        .withServerGroup(group)
        .withAddress(socketAddress)
        .withFiltersSource(filters)
        .withMaxHeaderSize(MAX_HEADER_SIZE)
        // Warden's own connect timeout (Limits, per connection) answers 504 and closes first; this
        // one only ends the attempt LittleProxy would otherwise keep after that.
        .withConnectTimeout(LITTLEPROXY_CONNECT_TIMEOUT_MS)
        .withProxyAlias(ALIAS)
        .start();
  }

  private EngineStatus listeningStatus(ListenAddress requested) {
    ListenAddress bound = boundAddress();
    return new EngineStatus(
        EngineStatus.State.LISTENING, requested, bound, "Listening on " + bound);
  }

  private EngineStatus keptOld(ListenAddress requested, ListenAddress old, String reason) {
    return new EngineStatus(
        EngineStatus.State.LISTENING,
        old,
        boundAddress(),
        reason + "; still listening on " + boundAddress());
  }

  private static boolean overlaps(ListenAddress a, ListenAddress b) {
    return a.port() == b.port() && a.port() != 0;
  }

  private static void pause() {
    try {
      Thread.sleep(REBIND_PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
