package dev.warden.ui.feedback;

/**
 * Non-modal feedback for the user: confirmations and errors as one plain sentence, never a stack
 * trace. Implementations show it without blocking. FX thread.
 */
public interface Notifier {

  void info(String message);

  void error(String message);

  /** A one-line message for a failure: the cause's own message when it has one. */
  static String describe(Throwable error) {
    Throwable t = error;
    while ((t instanceof java.util.concurrent.CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null || message.isBlank()
        ? "Something went wrong (" + t.getClass().getSimpleName() + ")"
        : message;
  }
}
