package dev.warden.core.traffic;

import java.util.Arrays;

/**
 * The first bytes of a message body, capped, with the size of the whole body. Immutable: the bytes
 * are copied in and out.
 */
public final class BodyPreview {

  public static final BodyPreview EMPTY = new BodyPreview(new byte[0], 0);

  private final byte[] prefix;
  private final long totalSize;

  public BodyPreview(byte[] prefix, long totalSize) {
    this.prefix = prefix.clone();
    this.totalSize = totalSize;
  }

  /** A copy of the kept bytes. */
  public byte[] bytes() {
    return prefix.clone();
  }

  public int keptSize() {
    return prefix.length;
  }

  /** The size of the whole body as it passed, kept or not. */
  public long totalSize() {
    return totalSize;
  }

  public boolean truncated() {
    return totalSize > prefix.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BodyPreview other
        && totalSize == other.totalSize
        && Arrays.equals(prefix, other.prefix);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(prefix) + Long.hashCode(totalSize);
  }

  @Override
  public String toString() {
    return "BodyPreview[" + prefix.length + " of " + totalSize + " bytes]";
  }
}
