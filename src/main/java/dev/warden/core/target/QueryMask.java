package dev.warden.core.target;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hides the values of secret-looking query parameters ({@code ?access_token=***}) in what Warden
 * shows and writes: the record, the access log, exports. Never used for forwarding. Everything but
 * the masked values is kept byte-exact. Immutable, any thread.
 */
public final class QueryMask {

  /** The value written in place of a secret. */
  public static final String MASK = "***";

  /** token, access_token, password, key, sig, code, ... and every name ending in _token or -token. */
  public static final QueryMask DEFAULT = of(
      List.of(
          "token",
          "access_token",
          "id_token",
          "refresh_token",
          "password",
          "passwd",
          "pwd",
          "secret",
          "key",
          "api_key",
          "apikey",
          "sig",
          "signature",
          "auth",
          "code"),
      List.of("_token", "-token"));

  private final Set<String> names;
  private final List<String> suffixes;

  private QueryMask(Set<String> names, List<String> suffixes) {
    this.names = names;
    this.suffixes = suffixes;
  }

  /**
   * A mask for parameters named exactly one of {@code names} or ending in one of {@code suffixes},
   * compared case-insensitively after percent-decoding the name.
   */
  public static QueryMask of(Collection<String> names, Collection<String> suffixes) {
    return new QueryMask(
        names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
        suffixes.stream()
            .map(s -> s.toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .toList());
  }

  /** Whether a parameter name (as written, possibly percent-encoded) is a secret's. */
  public boolean isSecret(String name) {
    String decoded = percentDecode(name).toLowerCase(Locale.ROOT);
    return names.contains(decoded) || suffixes.stream().anyMatch(decoded::endsWith);
  }

  /**
   * The path and query with secret values replaced by {@value #MASK}. Parameters are separated by
   * {@code &} or {@code ;}; a fragment (only ever present in refused targets) is masked like a query,
   * since OAuth puts tokens there.
   */
  public String mask(String pathAndQuery) {
    int query = firstOf(pathAndQuery, '?', '#');
    if (query < 0) {
      return pathAndQuery;
    }
    StringBuilder out = new StringBuilder(pathAndQuery.length());
    out.append(pathAndQuery, 0, query + 1);
    int start = query + 1;
    while (start <= pathAndQuery.length()) {
      int end = start;
      while (end < pathAndQuery.length() && "&;#?".indexOf(pathAndQuery.charAt(end)) < 0) {
        end++;
      }
      String parameter = pathAndQuery.substring(start, end);
      int equals = parameter.indexOf('=');
      if (equals > 0
          && equals < parameter.length() - 1
          && isSecret(parameter.substring(0, equals))) {
        out.append(parameter, 0, equals + 1).append(MASK);
      } else {
        out.append(parameter);
      }
      if (end < pathAndQuery.length()) {
        out.append(pathAndQuery.charAt(end));
      }
      start = end + 1;
    }
    return out.toString();
  }

  private static int firstOf(String text, char a, char b) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == a || text.charAt(i) == b) {
        return i;
      }
    }
    return -1;
  }

  /** Lenient %XX decoding for names only: invalid escapes stay as written. */
  private static String percentDecode(String name) {
    if (name.indexOf('%') < 0) {
      return name;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '%'
          && i + 2 < name.length()
          && IpLiterals.isHex(name.charAt(i + 1))
          && IpLiterals.isHex(name.charAt(i + 2))) {
        bytes.write(Integer.parseInt(name.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "QueryMask" + names + " *" + suffixes;
  }
}
