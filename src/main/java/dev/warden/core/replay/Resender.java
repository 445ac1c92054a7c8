package dev.warden.core.replay;

import dev.warden.core.auth.header.Challenge;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.Header;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a recorded request again through Warden's own listen address with {@code java.net.http}, so
 * it is judged and recorded like any client's: as it was, without credentials, or as a user whose
 * password the user typed. The new request carries {@value #LINK_HEADER}{@code : <original id>}, which
 * links the new exchange to the original in the record (and reaches the origin: it is a real request).
 *
 * <p>Credentials: Basic is sent with the first request; when Warden answers 407 with a Digest
 * challenge (the original used Digest, or the realm offers only Digest), the request is sent once more
 * answering it. The password is wiped once the request is done. Never logs or returns a credential.
 *
 * <p>Threads: {@link #resend} returns at once; the I/O runs on the HTTP client's threads, never the
 * caller's, and the future completes there.
 */
public final class Resender {

  /** The request header that names the exchange a request resends. */
  public static final String LINK_HEADER = "Warden-Resend-Of";

  /** Headers the HTTP client writes itself, or that belong to one hop, or that hold a recorded secret. */
  private static final Set<String> NOT_COPIED = Set.of(
      "proxy-authorization",
      "proxy-connection",
      "connection",
      "keep-alive",
      "te",
      "transfer-encoding",
      "upgrade",
      "content-length",
      "host",
      "expect",
      "trailer",
      LINK_HEADER.toLowerCase(Locale.ROOT));

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client;

  /** @param proxy Warden's listen address as a client reaches it */
  public Resender(InetSocketAddress proxy) {
    client = HttpClient.newBuilder()
        .proxy(ProxySelector.of(proxy))
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Why an exchange cannot be sent again, or empty when it can. */
  public static Optional<String> whyNot(Exchange original) {
    if (original.isConnect()) {
      return Optional.of("a CONNECT opens a tunnel: use Copy as curl to open it again");
    }
    BodyPreview body = original.requestBody();
    if (body.truncated() || body.droppedForMemory()) {
      return Optional.of(
          "Warden kept " + body.keptSize() + " of the body's " + body.totalSize() + " bytes");
    }
    try {
      URI uri = URI.create(original.url());
      if (!"http".equalsIgnoreCase(uri.getScheme())) {
        return Optional.of("only http:// requests can be sent again");
      }
    } catch (IllegalArgumentException notAUri) {
      return Optional.of("its URL cannot be read");
    }
    return Optional.empty();
  }

  /**
   * Sends {@code original} again. Completes with the status Warden answered, or exceptionally with an
   * {@link IllegalArgumentException} saying why it cannot be sent (see {@link #whyNot}), or the I/O
   * failure.
   */
  public CompletableFuture<Integer> resend(Exchange original, ResendCredentials credentials) {
    Optional<String> refused = whyNot(original);
    if (refused.isPresent()) {
      wipe(credentials);
      return CompletableFuture.failedFuture(new IllegalArgumentException(refused.get()));
    }
    String first = credentials instanceof ResendCredentials.AsUser u && !prefersDigest(original)
        ? ProxyAnswer.basic(u.user(), u.password())
        : null;
    CompletableFuture<Integer> done = send(original, first).thenCompose(response -> {
      if (response.statusCode() != 407 || !(credentials instanceof ResendCredentials.AsUser u)) {
        return CompletableFuture.completedFuture(response.statusCode());
      }
      Optional<Challenge> digest =
          ProxyAnswer.digestChallenge(response.headers().allValues("Proxy-Authenticate"));
      if (digest.isEmpty()) {
        return CompletableFuture.completedFuture(response.statusCode());
      }
      String answer = ProxyAnswer.digest(
          digest.get(), u.user(), u.password(), original.method(), original.url());
      return send(original, answer).thenApply(HttpResponse::statusCode);
    });
    return done.whenComplete((status, error) -> wipe(credentials));
  }

  private CompletableFuture<HttpResponse<Void>> send(Exchange original, String proxyAuthorization) {
    byte[] body = original.requestBody().bytes();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(original.url()))
        .timeout(TIMEOUT)
        .method(
            original.method(),
            body.length == 0 && !sentEmptyBody(original)
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Header h : original.requestHeaders()) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (NOT_COPIED.contains(name) || name.startsWith(":") || isRedactedAuthorization(h)) {
        continue;
      }
      try {
        request.header(h.name(), h.value());
      } catch (IllegalArgumentException restricted) {
        // a header java.net.http writes itself: it is sent as the client computes it
      }
    }
    request.header(LINK_HEADER, Long.toString(original.id()));
    if (proxyAuthorization != null) {
      request.header("Proxy-Authorization", proxyAuthorization);
    }
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
  }

  private static boolean sentEmptyBody(Exchange original) {
    return original
        .requestHeader("Content-Length")
        .map(String::strip)
        .filter("0"::equals)
        .isPresent();
  }

  private static boolean isRedactedAuthorization(Header h) {
    return h.name().equalsIgnoreCase("Authorization")
        && h.value().strip().matches("\\S+ (\\*\\*\\*|\\[redacted\\])");
  }

  /** Digest first when the original answered with Digest, or was challenged with Digest first. */
  private static boolean prefersDigest(Exchange original) {
    String used = ReplayFacts.scheme(original);
    if (!used.isEmpty()) {
      return used.equals("digest");
    }
    return !original.challenges().isEmpty()
        && original.challenges().get(0).scheme().equalsIgnoreCase("Digest");
  }

  private static void wipe(ResendCredentials credentials) {
    if (credentials instanceof ResendCredentials.AsUser u) {
      u.wipe();
    }
  }
}
