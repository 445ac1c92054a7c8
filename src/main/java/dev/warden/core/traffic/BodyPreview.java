package dev.warden.core.traffic;

import java.util.Arrays;

/**
 * The first bytes of a message body, capped, with the size of the whole body. Immutable: the bytes
 * are copied in and out. A preview whose bytes the traffic log let go to stay within its body budget
 * keeps the size but no bytes, and says so: {@link #droppedForMemory()}.
 */
public final class BodyPreview {

  private static final byte[] NONE = new byte[0];

  public static final BodyPreview EMPTY = new BodyPreview(NONE, 0);

  private final byte[] prefix;
  private final long totalSize;
  private final boolean droppedForMemory;

  public BodyPreview(byte[] prefix, long totalSize) {
    this(prefix.clone(), totalSize, false);
  }

  private BodyPreview(byte[] ownPrefix, long totalSize, boolean droppedForMemory) {
    this.prefix = ownPrefix;
    this.totalSize = totalSize;
    this.droppedForMemory = droppedForMemory;
  }

  /** A preview of a body of {@code totalSize} bytes whose kept bytes were let go for memory. */
  public static BodyPreview droppedForMemory(long totalSize) {
    return new BodyPreview(NONE, totalSize, true);
  }

  /** This preview without its kept bytes, marked as dropped for memory; itself if it kept none. */
  public BodyPreview releasedForMemory() {
    return prefix.length == 0 ? this : droppedForMemory(totalSize);
  }

  /** Whether the kept bytes were let go because the traffic log reached its body budget. */
  public boolean droppedForMemory() {
    return droppedForMemory;
  }

  /** A copy of the kept bytes. */
  public byte[] bytes() {
    return prefix.clone();
  }

  /**
   * Whether the kept bytes contain {@code lowerCaseWord} (bytes, ASCII letters lower case), ASCII
   * letters of the body compared in either case. No copy: a search runs over thousands of bodies.
   */
  public boolean containsIgnoringAsciiCase(byte[] lowerCaseWord) {
    int last = prefix.length - lowerCaseWord.length;
    for (int i = 0; i <= last; i++) {
      int j = 0;
      while (j < lowerCaseWord.length && lowerAscii(prefix[i + j]) == lowerCaseWord[j]) {
        j++;
      }
      if (j == lowerCaseWord.length) {
        return true;
      }
    }
    return false;
  }

  private static byte lowerAscii(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
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
        && droppedForMemory == other.droppedForMemory
        && Arrays.equals(prefix, other.prefix);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(prefix) + Long.hashCode(totalSize))
        + Boolean.hashCode(droppedForMemory);
  }

  @Override
  public String toString() {
    return "BodyPreview[" + prefix.length + " of " + totalSize + " bytes"
        + (droppedForMemory ? ", dropped for memory]" : "]");
  }
}
