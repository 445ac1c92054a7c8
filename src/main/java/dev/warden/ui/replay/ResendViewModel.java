package dev.warden.ui.replay;

import dev.warden.core.replay.ResendCredentials;
import dev.warden.core.replay.Resender;
import dev.warden.core.traffic.Exchange;
import dev.warden.ui.feedback.Notifier;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Resends the selected request through Warden and says what Warden answered. The request runs on
 * the HTTP client's threads; the answer comes back on {@code fx}. One {@link Resender} per listen
 * address. No nodes; FX thread.
 */
public final class ResendViewModel {

  private final Supplier<Optional<InetSocketAddress>> proxy;
  private final Executor fx;
  private final Notifier notifier;
  private InetSocketAddress resenderAddress;
  private Resender resender;

  /** @param proxy Warden's listen address as a client reaches it, or empty when it is not listening */
  public ResendViewModel(
      Supplier<Optional<InetSocketAddress>> proxy, Executor fx, Notifier notifier) {
    this.proxy = Objects.requireNonNull(proxy);
    this.fx = Objects.requireNonNull(fx);
    this.notifier = Objects.requireNonNull(notifier);
  }

  /** Sends {@code original} again with {@code credentials} (whose password is wiped once sent). */
  public void resend(Exchange original, ResendCredentials credentials) {
    Optional<InetSocketAddress> address = proxy.get();
    if (address.isEmpty()) {
      wipe(credentials);
      notifier.error("Cannot resend #" + original.id() + ": Warden is not listening");
      return;
    }
    if (!address.get().equals(resenderAddress)) {
      resenderAddress = address.get();
      resender = new Resender(resenderAddress);
    }
    String as = credentials instanceof ResendCredentials.AsUser u
        ? " as " + u.user()
        : " without credentials";
    resender
        .resend(original, credentials)
        .whenComplete((status, error) -> fx.execute(() -> {
          if (error == null) {
            notifier.info("Resent #" + original.id() + as + ": Warden answered " + status);
          } else {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
            notifier.error("Cannot resend #" + original.id() + ": "
                + (cause.getMessage() == null
                    ? cause.getClass().getSimpleName()
                    : cause.getMessage()));
          }
        }));
  }

  private static void wipe(ResendCredentials credentials) {
    if (credentials instanceof ResendCredentials.AsUser u) {
      u.wipe();
    }
  }
}
