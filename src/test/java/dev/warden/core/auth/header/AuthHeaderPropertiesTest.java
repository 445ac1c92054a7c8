package dev.warden.core.auth.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the parser and writer over generated values and strings. */
class AuthHeaderPropertiesTest {

  private static final String TCHARS =
      "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String TOKEN68_CHARS =
      "-._~+/0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String[] AWKWARD = {
    "\"",
    "\\",
    ",",
    "=",
    " ",
    "\t",
    ", Basic realm=",
    "\\\"",
    "\u00e9",
    "\u00c3\u00a9",
    "\u20ac",
    "\ud83d\udd11",
    "\u0085",
    "\u00ff",
    "\u2028",
    "realm",
    "a=b",
    ";"
  };
  private static final String[] FIELD_PIECES = {
    "Basic",
    "Digest",
    "bAsIc",
    "NTLM",
    " ",
    "  ",
    "\t",
    "=",
    "==",
    ",",
    ",,",
    "\"",
    "\\",
    "\\\"",
    "realm",
    "realm=",
    "realm=\"x\"",
    "nonce=\"",
    "abc==",
    "YWxpY2U6cHc=",
    "\u0000",
    "\r\n",
    "\u007f",
    "\u00e9",
    "\ud800",
    "\ud83d\udd11",
    "a",
    "/",
    "~",
    "'"
  };

  @Property
  void writingThenParsingChallengesGivesThemBack(
      @ForAll("challengeLists") List<Challenge> challenges) {
    String field = AuthHeaderWriter.writeChallenges(challenges);

    assertThat(AuthHeaderParser.parseChallenges(field).parsed()).as(field).contains(challenges);
  }

  @Property
  void writingThenParsingCredentialsGivesThemBack(@ForAll("credentials") Credentials credentials) {
    String field = AuthHeaderWriter.write(credentials);

    assertThat(AuthHeaderParser.parseCredentials(field).parsed()).as(field).contains(credentials);
  }

  @Property
  void parsingAnyStringAnswersWithoutThrowingAndWhatParsesRewritesToItself(
      @ForAll("fieldValues") String fieldValue) {
    ParseResult<List<Challenge>> challenges = AuthHeaderParser.parseChallenges(fieldValue);
    ParseResult<Credentials> credentials = AuthHeaderParser.parseCredentials(fieldValue);

    assertThat(challenges).isNotNull();
    assertThat(credentials).isNotNull();
    challenges
        .parsed()
        .ifPresent(parsed -> assertThat(
                AuthHeaderParser.parseChallenges(AuthHeaderWriter.writeChallenges(parsed))
                    .parsed())
            .contains(parsed));
    credentials
        .parsed()
        .ifPresent(
            parsed -> assertThat(AuthHeaderParser.parseCredentials(AuthHeaderWriter.write(parsed))
                    .parsed())
                .contains(parsed));
    if (challenges instanceof ParseResult.Failed<List<Challenge>> failed) {
      assertThat(failed.reason()).isNotBlank();
      assertThat(failed.position()).isBetween(0, fieldValue.length());
    }
  }

  /**
   * A sink sees exactly what {@link Credentials} would hold, in order, and fails where the parser
   * fails: any string, and every credentials the writer can write.
   */
  @Property
  void aSinkSeesWhatCredentialsHold(
      @ForAll("fieldValues") String fieldValue, @ForAll("credentials") Credentials written) {
    for (String field : List.of(fieldValue, AuthHeaderWriter.write(written))) {
      ParseResult<Credentials> built = AuthHeaderParser.parseCredentials(field);
      ParseResult<String> seen = AuthHeaderParser.parseCredentials(field, new Recording());

      if (built instanceof ParseResult.Failed<Credentials> failed) {
        assertThat(seen)
            .isEqualTo(
                new ParseResult.Failed<String>(failed.reason(), failed.field(), failed.position()));
      } else {
        assertThat(seen.parsed()).contains(Recording.of(built.parsed().orElseThrow()));
      }
    }
  }

  /** Writes down every call, to compare with the {@link Credentials} of the same text. */
  private static final class Recording implements CredentialsSink<String> {
    private final StringBuilder calls = new StringBuilder();

    static String of(Credentials credentials) {
      Recording recording = new Recording();
      if (credentials.hasToken68()) {
        return recording.token68(credentials.scheme(), credentials.token68());
      }
      for (AuthParam param : credentials.params()) {
        recording.param(param.name(), param.value(), param.quoted());
      }
      return recording.params(credentials.scheme());
    }

    @Override
    public String token68(String scheme, String token68) {
      return calls.append("token68 ").append(scheme).append(' ').append(token68).toString();
    }

    @Override
    public void param(String name, String value, boolean quoted) {
      calls
          .append(name)
          .append('=')
          .append(value)
          .append(quoted ? " quoted" : "")
          .append('\n');
    }

    @Override
    public String params(String scheme) {
      return calls.append("params ").append(scheme).toString();
    }
  }

  /** {@link LinearParsingTest} counts reads through the parsers' {@link CharSequence} path. */
  @Property
  void parsingAnyCharSequenceAnswersAsParsingItsString(@ForAll("fieldValues") String fieldValue) {
    String extValue = "UTF-8''" + fieldValue;

    assertThat(AuthHeaderParser.parseChallenges(new CountingText(fieldValue)))
        .isEqualTo(AuthHeaderParser.parseChallenges(fieldValue));
    assertThat(AuthHeaderParser.parseCredentials(new CountingText(fieldValue)))
        .isEqualTo(AuthHeaderParser.parseCredentials(fieldValue));
    assertThat(ExtValue.decode(new CountingText(fieldValue)))
        .isEqualTo(ExtValue.decode(fieldValue));
    assertThat(ExtValue.decode(new CountingText(extValue))).isEqualTo(ExtValue.decode(extValue));
  }

  @Property
  void encodingThenDecodingAnExtValueGivesItBack(@ForAll("encodableText") String text) {
    ExtValue value = ExtValue.utf8(text);

    assertThat(ExtValue.decode(value.encode()).parsed()).contains(value);
    assertThat(AuthHeaderWriter.isToken(value.encode())).isTrue();
  }

  @Property
  void decodingAnyStringAsAnExtValueAnswersWithoutThrowing(@ForAll("fieldValues") String text) {
    assertThat(ExtValue.decode(text)).isNotNull();
    assertThat(ExtValue.decode("UTF-8''" + text)).isNotNull();
  }

  @Example
  void answersHugeRepetitionsWithoutThrowing() {
    String[] units = {
      ",", "\"", "\\", "\"\\", "a=", "=", " ", "a ", "a, ", "a=b, ", "\u0000", "Basic "
    };
    for (String unit : units) {
      String repeated = unit.repeat(100_000);
      for (String field : List.of(repeated, "Basic " + repeated, "Digest realm=\"" + repeated)) {
        assertThat(AuthHeaderParser.parseChallenges(field)).isNotNull();
        assertThat(AuthHeaderParser.parseCredentials(field)).isNotNull();
        assertThat(ExtValue.decode(field)).isNotNull();
      }
    }
  }

  @Provide
  Arbitrary<List<Challenge>> challengeLists() {
    Arbitrary<Challenge> challenge = Arbitraries.oneOf(
        Combinators.combine(tokens(), token68s()).as(Challenge::withToken68),
        Combinators.combine(tokens(), params().list().ofMaxSize(5)).as(Challenge::withParams));
    return challenge.list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Credentials> credentials() {
    return Arbitraries.oneOf(
        Combinators.combine(tokens(), token68s()).as(Credentials::withToken68),
        Combinators.combine(tokens(), params().list().ofMinSize(1).ofMaxSize(6))
            .as(Credentials::withParams));
  }

  @Provide
  Arbitrary<String> fieldValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.strings().ascii().ofMaxLength(60),
        Arbitraries.of(FIELD_PIECES).list().ofMaxSize(16).map(pieces -> String.join("", pieces)));
  }

  @Provide
  Arbitrary<String> encodableText() {
    return values().filter(AuthHeaderPropertiesTest::hasNoUnpairedSurrogate);
  }

  private static Arbitrary<String> tokens() {
    return Arbitraries.strings().withChars(TCHARS).ofMinLength(1).ofMaxLength(10);
  }

  private static Arbitrary<String> token68s() {
    return Combinators.combine(
            Arbitraries.strings().withChars(TOKEN68_CHARS).ofMinLength(1).ofMaxLength(24),
            Arbitraries.integers().between(0, 2))
        .as((body, padding) -> body + "=".repeat(padding));
  }

  private static Arbitrary<AuthParam> params() {
    return Combinators.combine(tokens(), values(), Arbitraries.of(true, false))
        .as((name, value, quoted) ->
            new AuthParam(name, value, quoted || !AuthHeaderWriter.isToken(value)));
  }

  /** Tokens, awkward pieces and any Unicode, without the control characters no header may carry. */
  private static Arbitrary<String> values() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of(AWKWARD),
        Arbitraries.strings().all().ofMaxLength(4),
        Arbitraries.strings().withChars(TCHARS).ofMinLength(1).ofMaxLength(8));
    return Arbitraries.oneOf(
            tokens(), piece.list().ofMaxSize(6).map(pieces -> String.join("", pieces)))
        .filter(AuthHeaderWriter::canQuote);
  }

  /** What UTF-8 can carry: every surrogate in a pair. */
  private static boolean hasNoUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
