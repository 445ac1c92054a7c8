package dev.warden.core.engine;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * LittleProxy's request decoder, with the limits of one connection, that can say whether it holds
 * bytes it has not decoded yet: the start of a pipelined head that came in the same read as the
 * request before it, whose deadline the stage starts once that request is done. Used on the
 * channel's event loop only.
 */
final class RequestDecoder extends HttpRequestDecoder {

  RequestDecoder(HttpDecoderConfig config) {
    super(config);
  }

  /** Whether bytes of a message not yet complete wait here. */
  boolean holdsPartialMessage() {
    return actualReadableBytes() > 0;
  }
}
