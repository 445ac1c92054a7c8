package dev.warden.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryMaskTest {

  private final QueryMask mask = QueryMask.DEFAULT;

  @ParameterizedTest
  @ValueSource(
      strings = {
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
        "code",
        "ACCESS_TOKEN",
        "Password",
        "csrf_token",
        "x-token",
        "X-Goog-Token",
        "access%5Ftoken",
        "%74oken"
      })
  void theDefaultNamesAndTheTokenSuffixesAreSecret(String name) {
    assertThat(mask.mask("/p?" + name + "=s3cret")).isEqualTo("/p?" + name + "=***");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "q",
        "page",
        "tokens",
        "mytoken",
        "keyword",
        "author",
        "codec",
        "token_type",
        "state"
      })
  void otherNamesAreNotSecret(String name) {
    assertThat(mask.mask("/p?" + name + "=visible")).isEqualTo("/p?" + name + "=visible");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "/a?q=1&token=abc&page=2 => /a?q=1&token=***&page=2",
        "/a?token=abc;sig=def => /a?token=***;sig=***",
        "/a?sig=a=b => /a?sig=***",
        "/a?token=x&token=y => /a?token=***&token=***",
        "/a?token=&token => /a?token=&token",
        "/a?q=%zz|{^&key=%zz => /a?q=%zz|{^&key=***",
        "/a?&&token=1& => /a?&&token=***&",
        "/cb#access_token=abc&state=s => /cb#access_token=***&state=s",
        "/a?q=1#code=abc => /a?q=1#code=***"
      })
  void onlySecretValuesChangeEverythingElseIsByteExact(String pathAndQuery, String masked) {
    assertThat(mask.mask(pathAndQuery)).isEqualTo(masked);
  }

  @Test
  void aPathWithoutAQueryIsUnchangedEvenIfItLooksLikeAParameter() {
    assertThat(mask.mask("/token=abc/password=x")).isEqualTo("/token=abc/password=x");
  }

  @Test
  void theNamesAreConfigurable() {
    QueryMask custom = QueryMask.of(List.of("Session"), List.of("_sid"));

    assertThat(custom.mask("/?session=1&user_sid=2&token=3"))
        .isEqualTo("/?session=***&user_sid=***&token=3");
    assertThat(custom.isSecret("SESSION")).isTrue();
    assertThat(custom.isSecret("token")).isFalse();
  }
}
