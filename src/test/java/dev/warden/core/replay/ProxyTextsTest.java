package dev.warden.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Copy as http_proxy lines" and "Copy as Java -D flags". */
class ProxyTextsTest {

  @Test
  void environmentLinesPointEveryVariableAtWarden() {
    String lines = ProxyEnvironment.of(Recorded.get("http://x.test/", List.of()), "127.0.0.1:3128");

    assertThat(lines)
        .isEqualTo(
            "export http_proxy='http://127.0.0.1:3128'\nexport https_proxy='http://127.0.0.1:3128'\n"
                + "export HTTP_PROXY='http://127.0.0.1:3128'\nexport HTTPS_PROXY='http://127.0.0.1:3128'\n");
  }

  @Test
  void environmentLinesNameTheUserButWriteNoPassword() {
    String lines = ProxyEnvironment.of(
        Recorded.asAlice("GET", "http://x.test/", "Digest", List.of()), "127.0.0.1:3128");

    assertThat(lines)
        .startsWith("# Warden asks for Digest credentials (user alice) in realm Lab")
        .doesNotContain("alice:", "@127.0.0.1");
  }

  @Test
  void javaFlagsSetBothProxiesQuoted() {
    assertThat(JavaProxyFlags.of(Recorded.get("http://x.test/", List.of()), "[::1]:8080"))
        .isEqualTo(
            "'-Dhttp.proxyHost=::1' '-Dhttp.proxyPort=8080' '-Dhttps.proxyHost=::1' '-Dhttps.proxyPort=8080'");
  }

  @Test
  void javaFlagsReenableBasicForATunnel() {
    String flags = JavaProxyFlags.of(
        Recorded.asAlice("CONNECT", "x.test:443", "Basic", List.of()), "127.0.0.1:3128");

    assertThat(flags)
        .startsWith(
            "# the client must answer Warden's 407 itself (java.net.Authenticator) with Basic"
                + " credentials of user alice\n")
        .endsWith(" '-Djdk.http.auth.tunneling.disabledSchemes='");
    assertThat(JavaProxyFlags.of(
            Recorded.asAlice("GET", "http://x.test/", "Basic", List.of()), "127.0.0.1:3128"))
        .doesNotContain("tunneling");
  }
}
