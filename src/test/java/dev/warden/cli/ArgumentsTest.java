package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.RealmLockout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgumentsTest {

  @Test
  void noArgumentsMeansTheWindowWithConfiguredSettings() throws UsageException {
    Arguments a = Arguments.parse();

    assertThat(a.headless()).isFalse();
    assertThat(a.help()).isFalse();
    assertThat(a.version()).isFalse();
    assertThat(a.config()).isEmpty();
    assertThat(a.listen()).isEmpty();
    assertThat(a.users()).isEmpty();
    assertThat(a.noAuth()).isFalse();
  }

  @Test
  void readsEveryHeadlessFlag() throws UsageException {
    Arguments a = Arguments.parse(
        "--headless",
        "--config",
        "w.json",
        "--listen",
        "127.0.0.1:0",
        "--realm",
        "Corp",
        "--user",
        "alice:pw",
        "--user",
        "bob:pw2",
        "--users-file",
        "users.htpasswd",
        "--users-file",
        "users.htdigest",
        "--no-auth",
        "--schemes",
        "Digest, basic",
        "--digest-algorithms",
        "sha-256,MD5-sess",
        "--nonce-lifetime",
        "90");

    assertThat(a.headless()).isTrue();
    assertThat(a.config()).contains(Path.of("w.json"));
    assertThat(a.listen()).contains(new ListenAddress("127.0.0.1", 0));
    assertThat(a.realm()).contains("Corp");
    assertThat(a.users()).extracting(UserCredential::name).containsExactly("alice", "bob");
    assertThat(a.usersFiles())
        .containsExactly(Path.of("users.htpasswd"), Path.of("users.htdigest"));
    assertThat(a.noAuth()).isTrue();
    assertThat(a.schemes()).contains(List.of("digest", "basic"));
    assertThat(a.digestAlgorithms()).contains(List.of("SHA-256", "MD5-sess"));
    assertThat(a.nonceLifetime()).contains(Duration.ofSeconds(90));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"10s, 10", "5m, 300", "1h, 3600", "1, 1", "86400, 86400", "24h, 86400"})
  void readsANonceLifetimeInSecondsMinutesOrHours(String value, long seconds)
      throws UsageException {
    assertThat(Arguments.parse("--headless", "--nonce-lifetime", value).nonceLifetime())
        .contains(Duration.ofSeconds(seconds));
  }

  @Test
  void readsALockoutWithAndWithoutItsStatus() throws UsageException {
    assertThat(Arguments.parse("--headless", "--lockout", "5,20,1h,429").lockout())
        .contains(new RealmLockout(5, 20, Duration.ofHours(1), 429));
    assertThat(Arguments.parse("--headless", "--lockout=0, 3, 90").lockout())
        .contains(new RealmLockout(0, 3, Duration.ofSeconds(90), 407));
    assertThat(Arguments.parse("--headless").lockout()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "10,50|\"--lockout: '10,50' should be DELAY_AFTER,LOCKOUT_AFTER,DURATION[,407|429], e.g. --lockout 10,50,5m,429\"",
        "10,0,5m|--lockout: '0' is not a number from 1 to 10000",
        "x,50,5m|--lockout: 'x' is not a number from 0 to 10000",
        "10,50,0s|--lockout: '0s' is outside 1s to 24h",
        "10,50,5m,503|--lockout: the status of a lockout is 407 or 429, not '503'"
      })
  void refusesABadLockoutNamingWhatIsWrong(String value, String message) {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--lockout", value))
        .isInstanceOf(UsageException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "--schemes|kerberos|--schemes: unknown scheme 'kerberos' (known: basic, digest, ntlm, negotiate, bearer)",
        "--token|ci-bot|--token: expected NAME:TOKEN, but the value has no ':'",
        "--token|ci-bot:|--token: the token of 'ci-bot' is empty",
        "--schemes|basic,,digest|--schemes: 'basic,,digest' has an empty item; give a comma-separated list, e.g. --schemes digest,basic",
        "--schemes|basic,Basic|--schemes: scheme 'Basic' is listed twice",
        "--digest-algorithms|SHA-1|--digest-algorithms: unknown Digest algorithm 'SHA-1' (known: MD5, MD5-sess, SHA-256, SHA-256-sess, SHA-512-256, SHA-512-256-sess)",
        "--digest-algorithms|MD5,md5|--digest-algorithms: algorithm 'md5' is listed twice",
        "--nonce-lifetime|0s|--nonce-lifetime: '0s' is outside 1s to 24h",
        "--nonce-lifetime|25h|--nonce-lifetime: '25h' is outside 1s to 24h",
        "--nonce-lifetime|5 min|--nonce-lifetime: '5 min' is not a duration; use seconds (90, 90s), minutes (5m) or hours (1h)",
        "--nonce-lifetime|-5|--nonce-lifetime: '-5' is not a duration; use seconds (90, 90s), minutes (5m) or hours (1h)"
      })
  void refusesABadRealmAuthValueNamingTheFlagAndTheValue(
      String flag, String value, String message) {
    assertThatThrownBy(() -> Arguments.parse("--headless", flag + "=" + value))
        .isInstanceOf(UsageException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "ci-bot:abc def|--token: character 4 of the token of 'ci-bot' is a space: a Bearer token holds only letters, digits and - . _ ~ + /, then = at the end (RFC 6750 b64token)",
        "ci-bot:=abc|--token: the token of 'ci-bot' cannot start with '=': '=' may only end it (RFC 6750 b64token)",
        "ci-bot:ab=c|--token: character 4 of the token of 'ci-bot' follows an '=': '=' may only end it (RFC 6750 b64token)",
        "\"ci-bot:   \"|--token: the token of 'ci-bot' is empty"
      })
  void refusesATokenThatIsNotAnRfc6750B64TokenWithoutShowingIt(String value, String message) {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--token", value))
        .isInstanceOf(UsageException.class)
        .hasMessage(message);
  }

  @Test
  void refusesRealmAuthFlagsForTheWindow() {
    assertThatThrownBy(() -> Arguments.parse("--schemes", "digest"))
        .hasMessage("--schemes: only with --headless (the window has its own settings)");
  }

  @Test
  void refusesTheSchemesGivenTwice() {
    assertThatThrownBy(
            () -> Arguments.parse("--headless", "--schemes", "digest", "--schemes", "basic"))
        .hasMessage("--schemes: given more than once");
  }

  @Test
  void acceptsValuesAfterAnEqualsSign() throws UsageException {
    Arguments a = Arguments.parse("--headless", "--listen=[::1]:8080", "--user=alice:a=b");

    assertThat(a.listen()).contains(new ListenAddress("::1", 8080));
    assertThat(a.users().get(0).password()).containsExactly("a=b".toCharArray());
  }

  @Test
  void splitsUserAtTheFirstColonSoPasswordsMayHoldColons() throws UsageException {
    Arguments a = Arguments.parse("--headless", "--user", "alice:s3cret:with:colons");

    assertThat(a.users().get(0).name()).isEqualTo("alice");
    assertThat(a.users().get(0).password()).containsExactly("s3cret:with:colons".toCharArray());
  }

  @Test
  void readsShortHelpAndVersion() throws UsageException {
    assertThat(Arguments.parse("-h").help()).isTrue();
    assertThat(Arguments.parse("-V").version()).isTrue();
  }

  @Test
  void refusesAnUnknownOption() {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--port", "3128"))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option '--port'");
  }

  @Test
  void refusesAPositionalArgument() {
    assertThatThrownBy(() -> Arguments.parse("headless"))
        .hasMessage("unexpected argument 'headless' (every option starts with --)");
  }

  @Test
  void refusesAFlagWithoutItsValueAtTheEnd() {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--listen"))
        .hasMessage("--listen: needs a value, e.g. --listen 127.0.0.1:3128");
  }

  @Test
  void refusesAFlagFollowedByAnotherFlagInsteadOfAValue() {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--config", "--no-auth"))
        .hasMessage("--config: needs a value, e.g. --config settings.json");
  }

  @Test
  void namesTheMissingValueOfEachFlag() {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--realm"))
        .hasMessage("--realm: needs a value, e.g. --realm Warden");
    assertThatThrownBy(() -> Arguments.parse("--headless", "--user"))
        .hasMessage("--user: needs a value, e.g. --user alice:PASSWORD");
    assertThatThrownBy(() -> Arguments.parse("--headless", "--users-file"))
        .hasMessage("--users-file: needs a value, e.g. --users-file .htpasswd");
  }

  @Test
  void refusesAListenAddressWithABadPort() {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--listen", "127.0.0.1:x"))
        .hasMessageStartingWith("--listen: ")
        .hasMessageContaining("'x' is not a port number");
  }

  @Test
  void refusesAListenAddressWithoutAPort() {
    assertThatThrownBy(() -> Arguments.parse("--listen", "localhost"))
        .hasMessage("--listen: 'localhost' is not HOST:PORT");
  }

  @Test
  void refusesAPortOutOfRange() {
    assertThatThrownBy(() -> Arguments.parse("--listen", "127.0.0.1:70000"))
        .hasMessage("--listen: port 70000 is outside 0-65535");
  }

  @Test
  void refusesAUserWithoutAColonWithoutEchoingTheValue() {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--user", "s3cret"))
        .hasMessage("--user: expected NAME:PASSWORD, but the value has no ':'")
        .message()
        .doesNotContain("s3cret");
  }

  @Test
  void refusesAUserWithAnEmptyName() {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--user", ":s3cret"))
        .hasMessage("--user: the user name before ':' is empty");
  }

  @Test
  void refusesAUserWithAnEmptyPassword() {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--user", "alice:"))
        .hasMessage("--user: the password of 'alice' is empty");
  }

  @Test
  void refusesAnEmptyRealmName() {
    assertThatThrownBy(() -> Arguments.parse("--headless", "--realm", " "))
        .hasMessage("--realm: the realm name is empty");
  }

  @Test
  void refusesAnEmptyFileName() {
    assertThatThrownBy(() -> Arguments.parse("--config="))
        .hasMessage("--config: the file name is empty");
  }

  @Test
  void refusesASingleValuedFlagGivenTwice() {
    assertThatThrownBy(() -> Arguments.parse("--listen", "1", "--listen", "2"))
        .hasMessage("--listen: given more than once");
  }

  @Test
  void refusesAValueOnASwitch() {
    assertThatThrownBy(() -> Arguments.parse("--headless=yes"))
        .hasMessage("--headless: takes no value");
  }

  @Test
  void refusesHeadlessOnlyFlagsForTheWindow() {
    assertThatThrownBy(() -> Arguments.parse("--user", "alice:pw"))
        .hasMessage("--user: only with --headless (the window has its own settings)");
    assertThatThrownBy(() -> Arguments.parse("--no-auth"))
        .hasMessage("--no-auth: only with --headless (the window has its own settings)");
  }

  @Test
  void neverShowsAPasswordInTheParsedValue() throws UsageException {
    Arguments a = Arguments.parse("--headless", "--user", "alice:s3cret");

    assertThat(a.toString()).contains("alice").doesNotContain("s3cret");
  }
}
