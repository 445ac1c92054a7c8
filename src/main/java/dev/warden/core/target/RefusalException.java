package dev.warden.core.target;

import java.util.Objects;

/**
 * Thrown by the public parsers of hosts and authorities ({@link CanonicalHost#parse},
 * {@link Endpoint#parse}); its message is the refusal's sentence. {@link RequestTarget#parse} never
 * throws it: it answers a {@link RequestTarget.Refused} instead.
 */
public final class RefusalException extends IllegalArgumentException {

  private final transient Refusal refusal;

  public RefusalException(Refusal refusal) {
    super(refusal.sentence());
    this.refusal = Objects.requireNonNull(refusal);
  }

  public Refusal refusal() {
    return refusal;
  }

  /** No stack trace: refusals are answers to bad input, made often and on network threads. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
