package dev.warden.core.traffic;

import dev.warden.core.auth.AuthOutcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A search over the record as a user types it: structured terms ({@code status:407},
 * {@code status:4xx}, {@code method:CONNECT}, {@code user:alice}, {@code realm:Corp},
 * {@code reason:stale}, {@code client:10.0.0.5}, {@code conn:12}, {@code host:*.corp}) and free
 * words, which match the URL, the host, the user, any header name or value, and the captured
 * prefix of either body. Every term must match; {@code -term} must not; {@code "two words"} is one
 * word. Case never matters. Immutable; any thread.
 */
public final class ExchangeQuery implements Predicate<Exchange> {

  /** The structured keys, in the order completion offers them. */
  public static final List<String> KEYS =
      List.of("status", "method", "user", "realm", "reason", "client", "conn", "host");

  public static final ExchangeQuery ALL = new ExchangeQuery(List.of(), List.of());

  private record Term(String key, String value, boolean negated, Pattern glob) {}

  private final List<Term> terms;
  private final List<String> problems;

  private ExchangeQuery(List<Term> terms, List<String> problems) {
    this.terms = List.copyOf(terms);
    this.problems = List.copyOf(problems);
  }

  /** The query {@code text} states; a term it cannot read is named in {@link #problems()} and matches nothing. */
  public static ExchangeQuery parse(String text) {
    List<Term> terms = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String word : words(text == null ? "" : text)) {
      boolean negated = word.length() > 1 && word.startsWith("-");
      String body = negated ? word.substring(1) : word;
      int colon = body.indexOf(':');
      String key = colon > 0 ? body.substring(0, colon).toLowerCase(Locale.ROOT) : "";
      if (!KEYS.contains(key)) {
        terms.add(new Term("", lower(body), negated, null));
        continue;
      }
      String value = body.substring(colon + 1);
      String problem = check(key, value);
      if (problem != null) {
        problems.add(problem);
      }
      terms.add(new Term(key, lower(value), negated, key.equals("host") ? glob(value) : null));
    }
    return new ExchangeQuery(terms, problems);
  }

  /** One sentence per term that cannot match anything as written; empty when all can. */
  public List<String> problems() {
    return problems;
  }

  /** Whether the query has no term: everything matches. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  @Override
  public boolean test(Exchange e) {
    for (Term term : terms) {
      if (matches(term, e) == term.negated()) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(Term term, Exchange e) {
    String v = term.value();
    return switch (term.key()) {
      case "status" -> status(v, e.status());
      case "method" -> e.method().equalsIgnoreCase(v);
      case "user" -> userOf(e).equalsIgnoreCase(v);
      case "realm" -> e.realm().map(r -> r.equalsIgnoreCase(v)).orElse(false);
      case "reason" -> lower(reasonText(e)).contains(v.replace('-', ' ').replace('_', ' '));
      case "client" ->
        e.client().equals(v)
            || e.client().startsWith(v + ":")
            || e.client().startsWith("[" + v + "]:");
      case "conn" -> Long.toString(e.connectionId()).equals(v.startsWith("#") ? v.substring(1) : v);
      case "host" ->
        term.glob().matcher(lower(hostName(e))).matches()
            || term.glob().matcher(lower(e.host())).matches();
      default -> anywhere(v, e);
    };
  }

  private static boolean status(String v, int status) {
    if (v.length() == 3 && v.endsWith("xx") && Character.isDigit(v.charAt(0))) {
      return status / 100 == v.charAt(0) - '0';
    }
    return v.equals(Integer.toString(status));
  }

  private static boolean anywhere(String v, Exchange e) {
    if (lower(e.url()).contains(v)
        || lower(e.host()).contains(v)
        || lower(userOf(e)).contains(v)) {
      return true;
    }
    for (List<Header> headers : List.of(e.requestHeaders(), e.responseHeaders())) {
      for (Header h : headers) {
        if (lower(h.name()).contains(v) || lower(h.value()).contains(v)) {
          return true;
        }
      }
    }
    byte[] word = v.getBytes(StandardCharsets.UTF_8);
    return e.requestBody().containsIgnoringAsciiCase(word)
        || e.responseBody().containsIgnoringAsciiCase(word);
  }

  private static String userOf(Exchange e) {
    if (e.auth() instanceof AuthOutcome.Authenticated a) {
      return a.user();
    }
    return e.auth() instanceof AuthOutcome.Challenged c ? c.user() : "";
  }

  private static String reasonText(Exchange e) {
    StringBuilder text = new StringBuilder(e.auth().describe());
    if (e.auth() instanceof AuthOutcome.Challenged c) {
      text.append(' ')
          .append(c.reason().label())
          .append(' ')
          .append(c.reason().name().replace('_', ' '))
          .append(' ')
          .append(c.detail());
    }
    if (e.error() != null) {
      text.append(' ')
          .append(e.error().kind().label())
          .append(' ')
          .append(e.error().detail());
    }
    return text.toString();
  }

  private static String hostName(Exchange e) {
    String host = e.host();
    int colon = host.lastIndexOf(':');
    return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
  }

  private static String check(String key, String value) {
    if (value.isEmpty()) {
      return key + ": needs a value (" + key + ":" + example(key) + ")";
    }
    return switch (key) {
      case "status" ->
        value.matches("[1-5][0-9][0-9]|[1-5][xX][xX]")
            ? null
            : "status:" + value + " is not a status (407) or a class (4xx)";
      case "conn" ->
        value.matches("#?[0-9]{1,18}") ? null : "conn:" + value + " is not a connection number";
      default -> null;
    };
  }

  private static String example(String key) {
    return switch (key) {
      case "status" -> "407";
      case "method" -> "CONNECT";
      case "user" -> "alice";
      case "realm" -> "Corp";
      case "reason" -> "stale";
      case "client" -> "10.0.0.5";
      case "conn" -> "12";
      default -> "*.corp";
    };
  }

  /** {@code *} matches any run of characters, everything else itself. */
  private static Pattern glob(String value) {
    String[] parts = lower(value).split("\\*", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString());
  }

  /** Splits at spaces, keeping {@code "quoted words"} (and {@code key:"quoted value"}) together. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
