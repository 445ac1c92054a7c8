package dev.warden.core.conversation;

/** What became of a conversation, one value per filter in the window. */
public enum ConversationVerdict {
  /** Challenged; the retry window is still open. */
  AWAITING_RETRY("waiting for a retry"),
  /** Challenged, and no request for the target followed within the retry window. */
  NEVER_RETRIED("never retried"),
  /** Retried, and the last attempt got through. */
  AUTHENTICATED("retried, authenticated"),
  /** Retried, and the last attempt was refused too. */
  REFUSED("retried, refused"),
  /** Retried at least twice with the same scheme and user, refused each time for the same reason. */
  SAME_WRONG_CREDENTIALS("same wrong credentials"),
  /** Credentials came before any challenge. */
  PRE_EMPTIVE("pre-emptive");

  private final String label;

  ConversationVerdict(String label) {
    this.label = label;
  }

  /** Short lower-case text for a filter or a table cell. */
  public String label() {
    return label;
  }

  /** Whether the client did not get through: refused, gave up, or repeated a wrong answer. */
  public boolean failed() {
    return this == NEVER_RETRIED || this == REFUSED || this == SAME_WRONG_CREDENTIALS;
  }
}
