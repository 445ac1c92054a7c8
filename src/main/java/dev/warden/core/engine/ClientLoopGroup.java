package dev.warden.core.engine;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The event loops of client connections. LittleProxy 2.8.0 builds each client pipeline in a
 * ChannelInitializer of its own and offers no hook into it; this group is the one place every
 * accepted channel passes through before that initializer runs ({@link #register}), so it adds an
 * initializer of Warden's behind LittleProxy's, which then puts a {@link WardenStage} between
 * LittleProxy's HTTP decoder and its connection handler ({@link ClientPipeline}).
 *
 * <p>Registration runs on the acceptor thread; the initializers run on the channel's own loop.
 */
final class ClientLoopGroup extends MultiThreadIoEventLoopGroup {

  /** Name LittleProxy gives its request decoder in the client pipeline. */
  static final String DECODER = "decoder";

  private final Supplier<WardenStage> stages;

  ClientLoopGroup(int threads, Supplier<WardenStage> stages) {
    super(threads, threadFactory(), NioIoHandler.newFactory());
    this.stages = stages;
  }

  /**
   * The calling thread's own loop when called from one of this group's loops, else the next loop in
   * turn. LittleProxy opens each connection to a destination from the client connection's loop, so
   * the server connection is registered on that same loop: a request and its response then cross no
   * thread (no task queued and no wake-up per message each way, which was most of LittleProxy's cost
   * per request on two cores). This is safe only because LittleProxy never waits on a loop here: its
   * write blocks while connecting, and the stage holds every write back until the connection is up.
   */
  @Override
  public IoEventLoop next() {
    for (EventExecutor loop : this) {
      if (loop.inEventLoop()) {
        return (IoEventLoop) loop;
      }
    }
    return super.next();
  }

  @Override
  public ChannelFuture register(Channel channel) {
    if (channel.parent() == null) {
      // a connection LittleProxy opens to a destination: no stage, on the calling loop (see next())
      return super.register(channel);
    }
    channel.pipeline().addLast(new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        // LittleProxy's initializer, added before this one, has built its pipeline by now.
        if (ch.pipeline().get(DECODER) != null) {
          ClientPipeline.build(ch.pipeline(), stages.get());
        } else {
          ch.close();
        }
      }
    });
    return super.register(channel);
  }

  /**
   * Netty's own kind of thread: Netty keeps its per-thread state (buffer caches, recyclers, the
   * encoders' scratch) in a field of a {@link FastThreadLocalThread}, and in a JDK
   * {@code ThreadLocal} map probed on every access on any other thread.
   */
  private static ThreadFactory threadFactory() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new FastThreadLocalThread(r, "warden-client-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
