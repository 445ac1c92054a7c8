package dev.warden.core.auth.header;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading Proxy-Authorization / Authorization field values into credentials. */
class CredentialsParsingTest {

  static Credentials credentials(String fieldValue) {
    ParseResult<Credentials> result = AuthHeaderParser.parseCredentials(fieldValue);
    assertThat(result).as("parse of %s", fieldValue).isInstanceOf(ParseResult.Parsed.class);
    return result.parsed().orElseThrow();
  }

  @Test
  void readsTheRfc7617BasicCredentials() {
    assertThat(credentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="))
        .isEqualTo(Credentials.withToken68("Basic", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
    assertThat(credentials("Basic dGVzdDoxMjPCow==").token68()).isEqualTo("dGVzdDoxMjPCow==");
  }

  @Test
  void readsTheRfc7616DigestCredentials() {
    Credentials digest = credentials("Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
        + "uri=\"/dir/index.html\", algorithm=SHA-256, "
        + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
        + "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, "
        + "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", "
        + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");

    assertThat(digest.scheme()).isEqualTo("Digest");
    assertThat(digest.hasToken68()).isFalse();
    assertThat(digest.params())
        .extracting(AuthParam::name)
        .containsExactly(
            "username",
            "realm",
            "uri",
            "algorithm",
            "nonce",
            "nc",
            "cnonce",
            "qop",
            "response",
            "opaque");
    assertThat(digest.first("nc")).contains(new AuthParam("nc", "00000001", false));
    assertThat(digest.first("qop")).contains(new AuthParam("qop", "auth", false));
    assertThat(digest.first("uri")).contains(AuthParam.quoted("uri", "/dir/index.html"));
    assertThat(digest.firstValue("response"))
        .contains("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  }

  @Test
  void readsCurlStyleDigestCredentialsForSquid() {
    Credentials digest =
        credentials("Digest username=\"alice\", realm=\"Squid proxy-caching web server\", "
            + "nonce=\"2kKbZQAAAADQVvF5bN8AAEu1DW4AAAAA\", uri=\"/1k\", "
            + "response=\"6629fae49393a05397450978507c4ef1\", qop=auth, nc=00000001, "
            + "cnonce=\"ZTk0ZjVkNzJjMmQ4NzU5YjQzNmUyMjFlYTRmMGRhYTk=\"");

    assertThat(digest.firstValue("realm")).contains("Squid proxy-caching web server");
    assertThat(digest.firstValue("cnonce"))
        .contains("ZTk0ZjVkNzJjMmQ4NzU5YjQzNmUyMjFlYTRmMGRhYTk=");
    assertThat(digest.first("nc").orElseThrow().quoted()).isFalse();
    assertThat(digest.count("nc")).isOne();
  }

  @Test
  void keepsADuplicateNcSoDigestCanRefuseIt() {
    Credentials digest = credentials("Digest username=\"a\", nc=00000001, NC=00000002");

    assertThat(digest.count("nc")).isEqualTo(2);
    assertThat(digest.all("nc"))
        .extracting(AuthParam::value)
        .containsExactly("00000001", "00000002");
  }

  @Test
  void readsTheRfc7616UsernameStarParameterAsAToken() {
    Credentials digest = credentials("Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm=\"r\"");

    AuthParam username = digest.first("username*").orElseThrow();
    assertThat(username.quoted()).isFalse();
    assertThat(ExtValue.decode(username.value()).parsed().map(ExtValue::value))
        .contains("J\u00e4s\u00f8n Doe");
  }

  @Test
  void readsAMixedCaseScheme() {
    Credentials basic = credentials("bAsIc YWxpY2U6cHc=");

    assertThat(basic.scheme()).isEqualTo("bAsIc");
    assertThat(basic.hasScheme("BASIC")).isTrue();
  }

  @Test
  void acceptsTwoSpacesBeforeTheToken68() {
    assertThat(credentials("Basic  YWxpY2U6cHc="))
        .isEqualTo(Credentials.withToken68("Basic", "YWxpY2U6cHc="));
  }

  @Test
  void readsABearerTokenWithSlashesAndPadding() {
    assertThat(credentials("Bearer mF_9.B5f-4.1JqM/a+b~c==").token68())
        .isEqualTo("mF_9.B5f-4.1JqM/a+b~c==");
  }

  @Test
  void skipsEmptyElementsBetweenParameters() {
    assertThat(credentials("Digest a=1,, ,b=\"2\",").params())
        .containsExactly(new AuthParam("a", "1", false), AuthParam.quoted("b", "2"));
  }

  @Test
  void hidesTheSecretsInToString() {
    assertThat(credentials("Basic c2VjcmV0").toString())
        .doesNotContain("c2VjcmV0")
        .contains("Basic");
    assertThat(credentials("Digest username=\"alice\", response=\"abcd\"").toString())
        .doesNotContain("alice")
        .doesNotContain("abcd")
        .contains("username")
        .contains("response");
  }
}
