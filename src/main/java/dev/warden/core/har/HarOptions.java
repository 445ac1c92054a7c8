package dev.warden.core.har;

import dev.warden.core.traffic.Exchange;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a capture is written.
 *
 * @param keepCredentials write {@code Proxy-Authorization} and {@code Authorization} as Warden
 *     recorded them (scheme and user name, never a password) instead of cutting them to their scheme
 * @param creatorVersion Warden's version, for the HAR's {@code creator}
 * @param conversation the id of the conversation an exchange belongs to, written as
 *     {@code _warden.conversation} when present
 */
public record HarOptions(
    boolean keepCredentials,
    String creatorVersion,
    Function<Exchange, Optional<String>> conversation) {

  public HarOptions {
    Objects.requireNonNull(creatorVersion);
    Objects.requireNonNull(conversation);
  }

  /** Credentials redacted, no conversations. */
  public static HarOptions redacted(String creatorVersion) {
    return new HarOptions(false, creatorVersion, e -> Optional.empty());
  }

  public HarOptions withKeptCredentials(boolean keep) {
    return new HarOptions(keep, creatorVersion, conversation);
  }

  public HarOptions withConversations(Function<Exchange, Optional<String>> conversationOf) {
    return new HarOptions(keepCredentials, creatorVersion, conversationOf);
  }
}
