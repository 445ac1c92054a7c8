package dev.warden.core.engine;

import dev.warden.core.auth.AuthRequest;
import dev.warden.core.auth.InForce;
import dev.warden.core.auth.RequestBody;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpRequest;
import java.io.ByteArrayOutputStream;

/**
 * A request whose body must be read before it can be judged (Digest {@code qop=auth-int}): its head,
 * what the judgement needs, and the body so far, at most {@link RequestBody#MAX_BYTES}. On heap
 * (nothing to release when the connection closes). Owned by one connection's {@link Judging}, on its event loop.
 */
final class PendingJudgement {

  final HttpRequest head;
  final String display;
  final InForce inForce;
  final AuthRequest request;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  PendingJudgement(HttpRequest head, String display, InForce inForce, AuthRequest request) {
    this.head = head;
    this.display = display;
    this.inForce = inForce;
    this.request = request;
  }

  /** Whether {@code more} still fits within {@link RequestBody#MAX_BYTES}. */
  boolean fits(ByteBuf more) {
    return (long) body.size() + more.readableBytes() <= RequestBody.MAX_BYTES;
  }

  /** Copies {@code more}'s readable bytes, leaving its reader index where it was. */
  void add(ByteBuf more) {
    byte[] bytes = new byte[more.readableBytes()];
    more.getBytes(more.readerIndex(), bytes);
    body.writeBytes(bytes);
  }

  byte[] bytes() {
    return body.toByteArray();
  }
}
