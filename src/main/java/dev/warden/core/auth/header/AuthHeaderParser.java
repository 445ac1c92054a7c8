package dev.warden.core.auth.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Reads challenges and credentials (RFC 9110 §11.2–§11.4) out of field values.
 *
 * <p>The grammar, for challenges and credentials alike:
 *
 * <pre>
 * challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 * auth-param  = token BWS "=" BWS ( token / quoted-string )
 * token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 * </pre>
 *
 * <p>Within a list of challenges, what follows a comma starts a new challenge when it is a token
 * followed by whitespace and something other than {@code =}, or by a comma or the end; otherwise it is
 * the current challenge's next parameter. So {@code Digest realm="a", nonce="b", Basic realm="c"} is two
 * challenges.
 *
 * <p>Where this reader is stricter or more lenient than the grammar, on purpose:
 *
 * <ul>
 *   <li>A control character other than HTAB anywhere in a field value is a failure, even inside a
 *       quoted-string, where RFC 9110 forbids it too.
 *   <li>HTAB is accepted wherever SP is, including after the scheme.
 *   <li>Every character above U+007F is obs-text: it may stand in a quoted-string but not in a
 *       token. So a value decoded as ISO-8859-1 (one character per byte, as Netty decodes headers) and
 *       one decoded as UTF-8 are read alike; turning the first into Unicode is the caller's business.
 *   <li>Credentials with nothing after the scheme ({@code Basic}) are a failure: the grammar allows them
 *       but no scheme sends them, so they are a broken client. A challenge with nothing after the scheme
 *       ({@code Negotiate}) is fine.
 *   <li>A challenge does not run on from one field value into the next: each value of
 *       {@link #parseChallenges(List)} must be a complete list by itself, as every user agent reads
 *       them.
 * </ul>
 *
 * <p>No method throws for any input string, however malformed; a {@code null} argument is a
 * programming error and throws {@link NullPointerException}. Time and memory are linear in the input's
 * length (a hand-written scanner, no regular expressions), so the caller need not bound the input for
 * the parser's sake. Every method is pure and thread-safe.
 */
public final class AuthHeaderParser {

  private AuthHeaderParser() {}

  /**
   * The challenges of one {@code Proxy-Authenticate} or {@code WWW-Authenticate} field value, in order.
   * Empty list elements ({@code ,,}) are skipped; a value with no challenge at all is a failure, so a
   * {@link ParseResult.Parsed} list is never empty.
   */
  public static ParseResult<List<Challenge>> parseChallenges(String fieldValue) {
    return challenges(List.of(fieldValue));
  }

  /**
   * {@link #parseChallenges(String)} for any character sequence, so that a test can count what the
   * scanner reads. Production passes only strings, through the overload above; the scanner's calls
   * thus see one class and the JIT inlines them as if they were {@link String}'s own.
   */
  static ParseResult<List<Challenge>> parseChallenges(CharSequence fieldValue) {
    return challenges(List.of(fieldValue));
  }

  /**
   * The challenges of every {@code Proxy-Authenticate} (or {@code WWW-Authenticate}) field value of one
   * message, in order. A value that fails fails the whole; then, if there is more than one value, the
   * reason starts with {@code field N: }, N counting from 1, and {@link ParseResult.Failed#field} says
   * which, counting from 0. With no challenge in any value (or no value) the result is a failure.
   */
  public static ParseResult<List<Challenge>> parseChallenges(List<String> fieldValues) {
    return challenges(fieldValues);
  }

  private static ParseResult<List<Challenge>> challenges(List<? extends CharSequence> fieldValues) {
    List<Challenge> challenges = new ArrayList<>();
    for (int field = 0; field < fieldValues.size(); field++) {
      HeaderScanner scanner =
          new HeaderScanner(Objects.requireNonNull(fieldValues.get(field), "fieldValue"));
      try {
        scanner.challenges(challenges);
      } catch (HeaderScanner.Malformed malformed) {
        String prefix = fieldValues.size() > 1 ? "field " + (field + 1) + ": " : "";
        return new ParseResult.Failed<>(prefix + malformed.getMessage(), field, malformed.position);
      }
    }
    if (challenges.isEmpty()) {
      return new ParseResult.Failed<>("no challenge", 0, 0);
    }
    return new ParseResult.Parsed<>(List.copyOf(challenges));
  }

  /**
   * The credentials of one {@code Proxy-Authorization} or {@code Authorization} field value. Such a
   * field carries exactly one credentials: a second one after a comma is a failure, as are an empty
   * value and a scheme with nothing after it. Empty elements in a parameter list are skipped.
   *
   * <p>The reason of a failure quotes no character of the value (except a control character), since
   * credentials are secrets.
   */
  public static ParseResult<Credentials> parseCredentials(String fieldValue) {
    return parseCredentials((CharSequence) fieldValue);
  }

  /**
   * {@link #parseCredentials(String)} for any character sequence; see {@link
   * #parseChallenges(CharSequence)}.
   */
  static ParseResult<Credentials> parseCredentials(CharSequence fieldValue) {
    return parseCredentials(fieldValue, Collector.credentials());
  }

  /**
   * The credentials of one field value, as {@link #parseCredentials(String)} reads them (the same
   * grammar, the same failures), handed to {@code sink} instead of built as {@link Credentials}: a
   * success holds what the sink made of them. On a failure the sink may have seen some parameters;
   * its value is dropped.
   */
  public static <T> ParseResult<T> parseCredentials(String fieldValue, CredentialsSink<T> sink) {
    return parseCredentials((CharSequence) fieldValue, sink);
  }

  private static <T> ParseResult<T> parseCredentials(
      CharSequence fieldValue, CredentialsSink<T> sink) {
    HeaderScanner scanner = new HeaderScanner(Objects.requireNonNull(fieldValue, "fieldValue"));
    try {
      return new ParseResult.Parsed<>(scanner.credentials(Objects.requireNonNull(sink, "sink")));
    } catch (HeaderScanner.Malformed malformed) {
      return new ParseResult.Failed<>(malformed.getMessage(), 0, malformed.position);
    }
  }

  /**
   * Builds one {@link Credentials} or {@link Challenge} from what the parser reads, through their own
   * factories; the values check themselves again.
   */
  static final class Collector<T> implements CredentialsSink<T> {
    private final BiFunction<String, String, T> withToken68;
    private final BiFunction<String, List<AuthParam>, T> withParams;
    private final List<AuthParam> params = new ArrayList<>();

    Collector(
        BiFunction<String, String, T> withToken68,
        BiFunction<String, List<AuthParam>, T> withParams) {
      this.withToken68 = withToken68;
      this.withParams = withParams;
    }

    static Collector<Credentials> credentials() {
      return new Collector<>(Credentials::withToken68, Credentials::withParams);
    }

    static Collector<Challenge> challenge() {
      return new Collector<>(Challenge::withToken68, Challenge::withParams);
    }

    @Override
    public T token68(String scheme, String token68) {
      return withToken68.apply(scheme, token68);
    }

    @Override
    public void param(String name, String value, boolean quoted) {
      params.add(new AuthParam(name, value, quoted));
    }

    @Override
    public T params(String scheme) {
      return withParams.apply(scheme, params);
    }
  }
}
