package dev.warden.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.Header;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurlCommandIT {

  private static final String PROXY = "127.0.0.1:3128";

  @Test
  void aPlainGetKeepsItsHeadersAndRemovesWhatCurlWouldAdd() {
    Exchange get = Recorded.get(
        "http://api.example.test/a?b=c",
        List.of(
            new Header("Host", "api.example.test"),
            new Header("X-Trace", "1"),
            new Header("Connection", "keep-alive")));

    assertThat(CurlCommand.of(get, PROXY))
        .isEqualTo("curl --proxy 'http://127.0.0.1:3128' -H 'X-Trace: 1'"
            + " -H 'Accept:' -H 'User-Agent:' 'http://api.example.test/a?b=c'");
  }

  @Test
  void quotesMethodHeadersBodyAndUrlSoTheShellExpandsNothing() {
    String body = "{\"note\":\"it's $HOME `id`\"}\nline 2";
    Exchange post = Recorded.exchange(
        "POST",
        "http://x.test/it's?q=$(id)",
        List.of(
            new Header("Content-Type", "application/json"),
            new Header("X-Quote", "a'b"),
            new Header("Accept", "*/*"),
            new Header("User-Agent", "app/1")),
        body.getBytes(StandardCharsets.UTF_8),
        new AuthOutcome.NotRequired(),
        ReceivedCredentials.NONE);

    assertThat(CurlCommand.of(post, PROXY))
        .isEqualTo(
            "curl --proxy 'http://127.0.0.1:3128' -X 'POST'"
                + " -H 'Content-Type: application/json' -H 'X-Quote: a'\\''b' -H 'Accept: */*' -H 'User-Agent: app/1'"
                + " --data-binary '{\"note\":\"it'\\''s $HOME `id`\"}\nline 2' 'http://x.test/it'\\''s?q=$(id)'");
  }

  @Test
  void namesTheUserWithoutAPasswordSoCurlAsksForIt() {
    String curl =
        CurlCommand.of(Recorded.asAlice("GET", "http://x.test/", "Basic", List.of()), PROXY);

    assertThat(curl).contains(" --proxy-user 'alice' --proxy-basic ").doesNotContain("alice:");
  }

  @Test
  void picksTheProxyAuthFlagOfTheSchemeTheClientUsed() {
    assertThat(
            CurlCommand.of(Recorded.asAlice("GET", "http://x.test/", "Digest", List.of()), PROXY))
        .contains("--proxy-user 'alice' --proxy-digest");
    assertThat(CurlCommand.of(Recorded.asAlice("GET", "http://x.test/", "NTLM", List.of()), PROXY))
        .contains("--proxy-user 'alice' --proxy-ntlm");
    assertThat(CurlCommand.of(
            Recorded.asAlice("GET", "http://x.test/", "Negotiate", List.of()), PROXY))
        .contains("--proxy-user 'alice' --proxy-negotiate");
    assertThat(CurlCommand.of(Recorded.get("http://x.test/", List.of()), PROXY))
        .doesNotContain("--proxy-user");
  }

  @Test
  void aConnectBecomesATunnelToItsAuthority() {
    Exchange connect = Recorded.asAlice(
        "CONNECT",
        "secure.example.test:443",
        "Basic",
        List.of(
            new Header("Host", "secure.example.test:443"),
            new Header("User-Agent", "curl/8"),
            new Header("Proxy-Authorization", "Basic alice:***")));

    assertThat(CurlCommand.of(connect, PROXY))
        .isEqualTo(
            "curl -p --proxy 'http://127.0.0.1:3128'"
                + " --proxy-user 'alice' --proxy-basic --proxy-header 'User-Agent: curl/8' 'https://secure.example.test:443/'");
  }

  @Test
  void leavesOutAnOriginAuthorizationWardenKeptNoSecretOf() {
    String curl = CurlCommand.of(
        Recorded.get("http://x.test/", List.of(new Header("Authorization", "Bearer ***"))), PROXY);

    assertThat(curl)
        .startsWith(
            "# the request's Authorization (Bearer) is not copied: Warden does not keep its secret\n")
        .doesNotContain("-H 'Authorization");
  }

  @Test
  void readsABodyWardenDidNotKeepWholeFromAFile() {
    Exchange cut = new Exchange(
        1,
        1,
        "c",
        Instant.EPOCH,
        null,
        Duration.ZERO,
        "PUT",
        "http://x.test/",
        "HTTP/1.1",
        List.of(new Header("Content-Type", "text/plain")),
        List.of(),
        new BodyPreview(new byte[] {'a', 'b'}, 10),
        BodyPreview.EMPTY,
        200,
        new AuthOutcome.NotRequired(),
        null);

    assertThat(CurlCommand.of(cut, PROXY))
        .startsWith("# Warden kept 2 of the body's 10 bytes: put the whole body in body.bin\n")
        .contains("--data-binary @body.bin");
  }

  @Test
  void aBodyWithoutContentTypeIsNotSentAsAForm() {
    Exchange post = Recorded.exchange(
        "POST",
        "http://x.test/",
        List.of(),
        "x=1".getBytes(StandardCharsets.UTF_8),
        new AuthOutcome.NotRequired(),
        ReceivedCredentials.NONE);

    assertThat(CurlCommand.of(post, PROXY)).contains("-H 'Content-Type:' --data-binary 'x=1'");
  }

  @Test
  void theShellGivesBackExactlyTheQuotedTextAndTheBinaryBody() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
    String text = "it's \"$HOME\" `id` \\n \u00e9\n%s end";
    byte[] binary = {0, 1, '%', '\\', '\'', (byte) 0xff, '\n', 'z'};

    assertThat(run("printf '%s' " + ShellQuote.quote(text)))
        .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertThat(run("printf " + ShellQuote.printfFormat(binary))).isEqualTo(binary);
  }

  private static byte[] run(String command) throws Exception {
    Process p =
        new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    p.waitFor();
    return out;
  }
}
