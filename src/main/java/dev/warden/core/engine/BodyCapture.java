package dev.warden.core.engine;

import dev.warden.core.traffic.BodyPreview;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Counts the bytes of one message body as its chunks pass and copies the first {@code limit} of
 * them, without consuming or retaining the chunks. Not thread-safe: one message, one thread at a
 * time (LittleProxy hands a message's chunks over in order).
 */
final class BodyCapture {

  private final int limit;
  private byte[] kept = new byte[0];
  private int keptSize;
  private long total;

  BodyCapture(int limit) {
    this.limit = Math.max(0, limit);
  }

  void add(ByteBuf content) {
    int readable = content.readableBytes();
    total += readable;
    int room = limit - keptSize;
    if (room <= 0 || readable == 0) {
      return;
    }
    int take = Math.min(room, readable);
    if (kept.length < keptSize + take) {
      kept = Arrays.copyOf(kept, Math.min(limit, Math.max(keptSize + take, kept.length * 2)));
    }
    content.getBytes(content.readerIndex(), kept, keptSize, take);
    keptSize += take;
  }

  /** Every byte that passed, kept or not. */
  long total() {
    return total;
  }

  BodyPreview preview() {
    return total == 0 ? BodyPreview.EMPTY : new BodyPreview(Arrays.copyOf(kept, keptSize), total);
  }
}
