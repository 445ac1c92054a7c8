package dev.warden.core.auth.header;

import static dev.warden.core.auth.header.HeaderSyntax.isTchar;
import static dev.warden.core.auth.header.HeaderSyntax.isToken68Char;
import static dev.warden.core.auth.header.HeaderSyntax.isWhitespace;

import java.util.List;

/**
 * One pass of {@link AuthHeaderParser} over one field value: the RFC 9110 §11 grammar, handing what
 * it reads to a {@link CredentialsSink} and failing with {@link Malformed}. Confined to the call
 * that made it.
 */
final class HeaderScanner {

  /** Why a field value is malformed; control flow inside the scanner only, never seen outside. */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int position;

    Malformed(String reason, int position) {
      super(reason, null, false, false);
      this.position = position;
    }
  }

  private final CharSequence text;
  private final int length;
  private final int end;
  private int pos;

  HeaderScanner(CharSequence text) {
    this.text = text;
    this.length = text.length();
    int start = 0;
    int stop = length;
    while (start < stop && isWhitespace(text.charAt(start))) {
      start++;
    }
    while (stop > start && isWhitespace(text.charAt(stop - 1))) {
      stop--;
    }
    this.pos = start;
    this.end = stop;
  }

  /** Adds this value's challenges to {@code into}. */
  void challenges(List<Challenge> into) {
    rejectControlCharacters();
    while (true) {
      skipSeparators();
      if (pos == end) {
        return;
      }
      into.add(element(false, AuthHeaderParser.Collector.challenge()));
    }
  }

  <T> T credentials(CredentialsSink<T> sink) {
    rejectControlCharacters();
    if (pos == end) {
      throw new Malformed("no credentials", pos);
    }
    return element(true, sink);
  }

  private void rejectControlCharacters() {
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (HeaderSyntax.isForbiddenControl(c)) {
        throw new Malformed("bad character " + HeaderSyntax.describe(c) + " at " + i, i);
      }
    }
  }

  /**
   * One challenge or credentials from {@code pos}. Returns with {@code pos} at the end, at a comma
   * after a bare scheme or token68 (challenges only), or at the scheme of the next challenge.
   */
  private <T> T element(boolean credentials, CredentialsSink<T> sink) {
    int schemeStart = pos;
    String scheme = token();
    if (scheme.isEmpty()) {
      throw new Malformed("empty scheme at " + pos, pos);
    }
    if (pos == end || text.charAt(pos) == ',') {
      return bare(scheme, credentials, sink);
    }
    if (text.charAt(pos) == '=') {
      throw new Malformed("parameter without a scheme at " + schemeStart, schemeStart);
    }
    if (!isWhitespace(text.charAt(pos))) {
      throw new Malformed("expected a space after the scheme at " + pos, pos);
    }
    skipWhitespace();
    if (pos == end || text.charAt(pos) == ',') {
      return bare(scheme, credentials, sink);
    }
    if (text.charAt(pos) == '=') {
      throw new Malformed("parameter without a scheme at " + schemeStart, schemeStart);
    }

    int token68End = pos;
    while (token68End < end && isToken68Char(text.charAt(token68End))) {
      token68End++;
    }
    boolean hasBody = token68End > pos;
    while (token68End < end && text.charAt(token68End) == '=') {
      token68End++;
    }
    int afterToken68 = whitespaceEndFrom(token68End);
    if (hasBody && (afterToken68 == end || text.charAt(afterToken68) == ',')) {
      String token68 = slice(pos, token68End);
      pos = afterToken68;
      if (credentials && pos < end) {
        throw new Malformed("unexpected ',' after token68 at " + pos, pos);
      }
      return sink.token68(scheme, token68);
    }

    while (true) {
      param(sink);
      skipWhitespace();
      if (pos == end) {
        break;
      }
      if (text.charAt(pos) != ',') {
        throw new Malformed("expected ',' at " + pos, pos);
      }
      skipSeparators();
      if (pos == end) {
        break;
      }
      int nameEnd = tokenEndFrom(pos);
      if (nameEnd == pos) {
        throw new Malformed("expected parameter name at " + pos, pos);
      }
      int afterName = whitespaceEndFrom(nameEnd);
      if (afterName < end && text.charAt(afterName) == '=') {
        continue;
      }
      if (credentials) {
        if (afterName == end || text.charAt(afterName) == ',') {
          throw new Malformed("expected '=' after parameter name at " + afterName, afterName);
        }
        throw new Malformed("second credentials at " + pos + "; a field carries one", pos);
      }
      break;
    }
    return sink.params(scheme);
  }

  private <T> T bare(String scheme, boolean credentials, CredentialsSink<T> sink) {
    if (credentials) {
      throw new Malformed("nothing after the scheme at " + pos, pos);
    }
    return sink.params(scheme);
  }

  private void param(CredentialsSink<?> sink) {
    String name = token();
    if (name.isEmpty()) {
      throw new Malformed("expected parameter name at " + pos, pos);
    }
    skipWhitespace();
    if (pos == end || text.charAt(pos) != '=') {
      throw new Malformed("expected '=' after parameter name at " + pos, pos);
    }
    pos++;
    skipWhitespace();
    if (pos < end && text.charAt(pos) == '"') {
      sink.param(name, quotedString(), true);
      return;
    }
    String value = token();
    if (value.isEmpty()) {
      throw new Malformed("expected parameter value at " + pos, pos);
    }
    sink.param(name, value, false);
  }

  /**
   * The unescaped content of the quoted-string at {@code pos}, leaving {@code pos} after its closing
   * quote. Control characters were refused before, so every character met here is qdtext or the
   * second half of a quoted-pair.
   */
  private String quotedString() {
    int open = pos;
    pos++;
    // the common case, no quoted-pair: the content is a substring, copied once
    for (int i = pos; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        String value = slice(pos, i);
        pos = i + 1;
        return value;
      }
      if (c == '\\') {
        break;
      }
    }
    StringBuilder value = new StringBuilder();
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return value.toString();
      }
      if (c == '\\') {
        if (pos + 1 == end) {
          break;
        }
        value.append(text.charAt(pos + 1));
        pos += 2;
      } else {
        value.append(c);
        pos++;
      }
    }
    throw new Malformed("unterminated quoted string at " + open, open);
  }

  /** The token at {@code pos}, possibly empty, leaving {@code pos} after it. */
  private String token() {
    int start = pos;
    pos = tokenEndFrom(pos);
    return slice(start, pos);
  }

  /** For a {@link String}, exactly {@code substring}: no copy beyond the slice's own. */
  private String slice(int from, int to) {
    return text.subSequence(from, to).toString();
  }

  private int tokenEndFrom(int from) {
    int i = from;
    while (i < end && isTchar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private int whitespaceEndFrom(int from) {
    int i = from;
    while (i < end && isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private void skipWhitespace() {
    pos = whitespaceEndFrom(pos);
  }

  /** Skips commas and whitespace: the separators and empty elements of a list. */
  private void skipSeparators() {
    while (pos < end && (text.charAt(pos) == ',' || isWhitespace(text.charAt(pos)))) {
      pos++;
    }
  }
}
