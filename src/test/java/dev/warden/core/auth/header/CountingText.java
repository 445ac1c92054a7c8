package dev.warden.core.auth.header;

/**
 * A string that counts the work of reading it: one for each {@link #length} or {@link #charAt}, and
 * for {@link #subSequence} and {@link #toString} one for each character they copy, since a parser that
 * sliced the rest of its input again and again would be quadratic without a single {@code charAt}. For
 * one parse at a time: not thread-safe.
 */
final class CountingText implements CharSequence {

  private final String text;
  private long reads;

  CountingText(String text) {
    this.text = text;
  }

  long reads() {
    return reads;
  }

  @Override
  public int length() {
    reads++;
    return text.length();
  }

  @Override
  public char charAt(int index) {
    reads++;
    return text.charAt(index);
  }

  /** At least one, so that a parser slicing empty pieces over and over still shows it. */
  @Override
  public CharSequence subSequence(int start, int end) {
    String slice = text.substring(start, end);
    reads += Math.max(1, slice.length());
    return slice;
  }

  @Override
  public String toString() {
    reads += Math.max(1, text.length());
    return text;
  }
}
