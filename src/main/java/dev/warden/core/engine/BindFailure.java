package dev.warden.core.engine;

import dev.warden.core.settings.ListenAddress;
import java.net.BindException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Turns a failed bind into one sentence for the user, never a stack trace. */
final class BindFailure {

  private BindFailure() {}

  static String describe(ListenAddress address, Throwable failure) {
    Throwable cause = failure;
    while (cause != null) {
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      if (cause instanceof UnknownHostException) {
        return address + ": the host '" + address.host() + "' cannot be resolved";
      }
      if (cause instanceof BindException || cause instanceof SocketException) {
        if (message.contains("in use")) {
          return address + " is already in use";
        }
        if (message.contains("assign requested address") || message.contains("not available")) {
          return address + " is not an address of this machine";
        }
        if (message.contains("permission") || message.contains("access")) {
          return address + " needs administrator rights (port below 1024)";
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
      cause = cause.getCause();
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return "Could not listen on " + address + ": "
        + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
  }
}
