package dev.warden.core.auth;

/**
 * The request body as the 407 enforcement sees it: not held (judged from the head alone, the usual
 * case), held in full (Digest {@code qop=auth-int} hashes it), or longer than {@link #MAX_BYTES},
 * which Warden does not hold. Immutable; the bytes are the caller's and never changed.
 */
public final class RequestBody {

  /** The longest body Warden holds to verify {@code auth-int}: 1 MiB. */
  public static final int MAX_BYTES = 1 << 20;
  /** The body was not held: the request is judged from its head. */
  public static final RequestBody NOT_HELD = new RequestBody(null, false);
  /** The body is longer than {@link #MAX_BYTES}: it cannot be checked. */
  public static final RequestBody TOO_LARGE = new RequestBody(null, true);

  private final byte[] bytes;
  private final boolean tooLarge;

  private RequestBody(byte[] bytes, boolean tooLarge) {
    this.bytes = bytes;
    this.tooLarge = tooLarge;
  }

  /** The whole body, held (at most {@link #MAX_BYTES}; empty for a request without one). */
  public static RequestBody held(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("a held body is at most " + MAX_BYTES + " bytes");
    }
    return new RequestBody(bytes, false);
  }

  public boolean isHeld() {
    return bytes != null;
  }

  public boolean tooLarge() {
    return tooLarge;
  }

  /** The held bytes; only when {@link #isHeld()}. */
  byte[] bytes() {
    if (bytes == null) {
      throw new IllegalStateException("the body was not held");
    }
    return bytes;
  }

  @Override
  public String toString() {
    return bytes != null
        ? "RequestBody[" + bytes.length + " bytes]"
        : tooLarge ? "RequestBody[too large]" : "RequestBody[not held]";
  }
}
