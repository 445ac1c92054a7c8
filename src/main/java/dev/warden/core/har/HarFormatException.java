package dev.warden.core.har;

import java.io.IOException;

/** A file that is not a HAR Warden can read; the message is one plain sentence. */
public final class HarFormatException extends IOException {
  public HarFormatException(String message) {
    super(message);
  }
}
