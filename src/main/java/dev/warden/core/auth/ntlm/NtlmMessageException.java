package dev.warden.core.auth.ntlm;

/** An NTLM message that cannot be read; the message says how, in a few words, without its bytes. */
public final class NtlmMessageException extends Exception {

  private static final long serialVersionUID = 1L;

  public NtlmMessageException(String detail) {
    super(detail);
  }
}
