package dev.warden.core.engine;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The inbound messages of one client connection that wait for their turn (a pipelined request while
 * the previous response is written, body chunks while LittleProxy connects, tunnel bytes while the
 * tunnel opens), in arrival order. While any wait, the channel stops reading, so what waits is at
 * most what one read brought. Used on the channel's event loop only.
 */
final class HeldMessages {

  private final ArrayDeque<Object> held = new ArrayDeque<>();
  private final Channel channel;
  private boolean pausedHere;
  private boolean draining;
  private boolean again;

  HeldMessages(Channel channel) {
    this.channel = channel;
  }

  boolean isEmpty() {
    return held.isEmpty();
  }

  void add(Object msg) {
    held.add(msg);
  }

  /** Whether raw bytes wait: bytes read after the decoder left the pipeline (after a CONNECT head). */
  boolean holdsRawBytes() {
    for (Object msg : held) {
      if (msg instanceof ByteBuf) {
        return true;
      }
    }
    return false;
  }

  /** Puts {@code msg} before everything that waits: it is handled next. */
  void addFirst(Object msg) {
    held.addFirst(msg);
  }

  /**
   * Hands waiting messages to {@code process}, oldest first, while {@code accepts} says the current
   * phase takes the next one. A call made from inside {@code process} (a response written at once)
   * runs the loop once more instead of nesting. Afterwards reads resume when nothing waits and pause
   * otherwise; when {@code closed}, what still waits is released.
   */
  void drain(BooleanSupplier accepts, Consumer<Object> process, BooleanSupplier closed) {
    if (draining) {
      again = true;
      return;
    }
    draining = true;
    try {
      do {
        again = false;
        while (!held.isEmpty() && accepts.getAsBoolean()) {
          process.accept(held.poll());
        }
      } while (again);
    } finally {
      draining = false;
    }
    if (closed.getAsBoolean()) {
      release();
    } else if (held.isEmpty()) {
      resumeReads();
    } else {
      pauseReads();
    }
  }

  /**
   * Stops reading. Set every time, not once: LittleProxy turns reading back on when its own flow
   * ends, and what it reads then waits here too.
   */
  void pauseReads() {
    pausedHere = true;
    channel.config().setAutoRead(false);
  }

  private void resumeReads() {
    if (pausedHere) {
      pausedHere = false;
      channel.config().setAutoRead(true);
    }
  }

  /** Drops everything that waits, releasing its buffers. */
  void release() {
    Object msg;
    while ((msg = held.poll()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }
}
