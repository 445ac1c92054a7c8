package dev.warden.core.auth.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 8187 ext-values such as Digest's username*. */
class ExtValueTest {

  private static ExtValue decoded(String text) {
    ParseResult<ExtValue> result = ExtValue.decode(text);
    assertThat(result).as("decode of %s", text).isInstanceOf(ParseResult.Parsed.class);
    return result.parsed().orElseThrow();
  }

  private static String reason(String text) {
    ParseResult<ExtValue> result = ExtValue.decode(text);
    assertThat(result).as("decode of %s", text).isInstanceOf(ParseResult.Failed.class);
    return ((ParseResult.Failed<ExtValue>) result).reason();
  }

  @Test
  void decodesTheRfc8187Iso88591ExampleWithItsLanguage() {
    assertThat(decoded("iso-8859-1'en'%A3%20rates"))
        .isEqualTo(new ExtValue(StandardCharsets.ISO_8859_1, "en", "\u00a3 rates"));
  }

  @Test
  void decodesTheRfc8187Utf8ExampleWithLowerCaseEscapes() {
    assertThat(decoded("UTF-8''%c2%a3%20and%20%e2%82%ac%20rates").value())
        .isEqualTo("\u00a3 and \u20ac rates");
  }

  @Test
  void decodesTheRfc7616Username() {
    ExtValue username = decoded("UTF-8''J%C3%A4s%C3%B8n%20Doe");

    assertThat(username.value()).isEqualTo("J\u00e4s\u00f8n Doe");
    assertThat(username.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(username.language()).isEmpty();
  }

  @Test
  void readsTheCharsetNameInAnyCase() {
    assertThat(decoded("utf-8''abc").value()).isEqualTo("abc");
    assertThat(decoded("Iso-8859-1''%E9").value()).isEqualTo("\u00e9");
  }

  @Test
  void encodesUtf8WithUpperCaseEscapes() {
    assertThat(ExtValue.utf8("J\u00e4s\u00f8n Doe").encode())
        .isEqualTo("UTF-8''J%C3%A4s%C3%B8n%20Doe");
  }

  @Test
  void encodesIso88591WithTheLanguage() {
    assertThat(new ExtValue(StandardCharsets.ISO_8859_1, "en", "\u00a3 rates").encode())
        .isEqualTo("ISO-8859-1'en'%A3%20rates");
  }

  @Test
  void refusesCharsetsOtherThanUtf8AndIso88591() {
    assertThat(reason("UTF-16''abc"))
        .isEqualTo("unsupported charset; only UTF-8 and ISO-8859-1 are");
    assertThat(reason("''abc")).isEqualTo("empty charset");
  }

  @Test
  void refusesBadPercentEscapes() {
    assertThat(reason("UTF-8''a%G1")).isEqualTo("bad % escape at 8");
    assertThat(reason("UTF-8''a%4")).isEqualTo("bad % escape at 8");
    assertThat(reason("UTF-8''a%")).isEqualTo("bad % escape at 8");
    assertThat(reason("UTF-8''%\u0661\u0662")).isEqualTo("bad % escape at 7");
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    assertThat(reason("UTF-8''%C3")).isEqualTo("not valid UTF-8");
    assertThat(reason("UTF-8''%FF%FE")).isEqualTo("not valid UTF-8");
  }

  @Test
  void refusesCharactersThatMustBeEscaped() {
    assertThat(reason("UTF-8''a b")).isEqualTo("bad character at 8");
    assertThat(reason("UTF-8''a\u0000")).isEqualTo("bad character '\\u0000' at 8");
    assertThat(reason("UTF-8''\u00e9")).isEqualTo("bad character at 7");
  }

  @Test
  void refusesAValueWithoutBothApostrophes() {
    assertThat(reason("UTF-8")).isEqualTo("expected an apostrophe after the charset");
    assertThat(reason("UTF-8'en")).isEqualTo("expected an apostrophe after the language");
    assertThat(reason("UTF-8'e n'x")).isEqualTo("bad language tag at 7");
  }
}
