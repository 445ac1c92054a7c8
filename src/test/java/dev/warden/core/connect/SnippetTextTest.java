package dev.warden.core.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.settings.ListenAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The exact text of every snippet (pinned after reading each one), for a plain user and for a name
 * with a quote, double quotes and a space, which every snippet must carry in its own quoting. The
 * tools that exist on the build machine also run their snippets ({@link SnippetsOnTheWireIT}).
 */
class SnippetTextTest {

  /** Wildcard listen address: snippets must name loopback. */
  private static final ClientSetup QUOTED = ClientSetup.of(
      new ListenAddress("0.0.0.0", 3128),
      Optional.of(new ProxyUser("o'neil \"x\"", "Lab", List.of("basic", "digest"))));

  private static final ClientSetup ALICE = ClientSetup.of(
      new ListenAddress("127.0.0.1", 3128),
      Optional.of(new ProxyUser("alice", "Lab", List.of("basic"))));

  @Test
  void withoutAUserNoSnippetMentionsCredentials() {
    ClientSetup nobody = ClientSetup.of(new ListenAddress("127.0.0.1", 3128), Optional.empty());

    for (ClientFamily family : ClientFamilies.ALL) {
      assertThat(family.snippet(nobody).text())
          .as(family.title())
          .doesNotContain(
              "WARDEN_PASSWORD",
              "PASSWORD",
              "--proxy-user",
              "Authenticator",
              "proxyUser",
              "username");
    }
  }

  @Test
  void aWildcardIpv6ListenAddressIsReachedOnBracketedLoopback() {
    ClientSetup setup = ClientSetup.of(new ListenAddress("::", 3128), Optional.empty());

    assertThat(setup.proxyUrl()).isEqualTo("http://[::1]:3128");
    assertThat(new CurlSnippet().snippet(setup).text()).contains("--proxy 'http://[::1]:3128'");
    assertThat(new JavaSnippet().snippet(setup).text()).contains("'-Dhttp.proxyHost=::1'");
    assertThat(new ChromiumSnippet().snippet(setup).text())
        .contains("--proxy-server='http://[::1]:3128'");
  }

  @Test
  void everySnippetNamesTheListenPortAndNeverTheWildcard() {
    ClientSetup setup = ClientSetup.of(
        new ListenAddress("0.0.0.0", 41234),
        Optional.of(new ProxyUser("alice", "Lab", List.of("basic"))));

    for (ClientFamily family : ClientFamilies.ALL) {
      ClientSnippet snippet = family.snippet(setup);
      assertThat(snippet.text()).as(family.title()).contains("41234").doesNotContain("0.0.0.0");
      assertThat(snippet.summary()).as(family.title()).isNotBlank().doesNotContain("\n");
    }
  }

  @Test
  void curlChoosesTheFlagOfTheRealmsOnlyScheme() {
    assertThat(curlFor("digest")).contains("--proxy-digest").doesNotContain("--proxy-anyauth");
    assertThat(curlFor("ntlm")).contains("--proxy-ntlm");
    assertThat(curlFor("negotiate")).contains("--proxy-negotiate");
    assertThat(curlFor("digest", "basic"))
        .contains("--proxy-anyauth")
        .doesNotContain("--proxy-digest");
    assertThat(curlFor("bearer"))
        .contains("# curl cannot answer the realm's bearer challenge")
        .doesNotContain("--proxy-basic");
  }

  @Test
  void javaEmptiesTheDisabledSchemesOnlyForBasic() {
    ClientSetup digest = ClientSetup.of(
        ListenAddress.DEFAULT, Optional.of(new ProxyUser("alice", "Lab", List.of("digest"))));

    assertThat(new JavaSnippet().snippet(digest).text()).doesNotContain("disabledSchemes");
    assertThat(new JavaSnippet().snippet(ALICE).text())
        .contains(
            "'-Djdk.http.auth.tunneling.disabledSchemes=' '-Djdk.http.auth.proxying.disabledSchemes='");
  }

  private static String curlFor(String... schemes) {
    return new CurlSnippet()
        .snippet(ClientSetup.of(
            ListenAddress.DEFAULT, Optional.of(new ProxyUser("alice", "Lab", List.of(schemes)))))
        .text();
  }

  @Test
  void curlSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new CurlSnippet().snippet(QUOTED).text()).isEqualTo("""
        # curl asks for o'neil "x"'s password
        curl --proxy 'http://127.0.0.1:3128' --proxy-user 'o'\\''neil "x"' --proxy-anyauth --noproxy 'localhost,127.0.0.1,::1' 'https://example.com/'
        """);
  }

  @Test
  void environmentSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new EnvironmentSnippet().snippet(QUOTED).text()).isEqualTo("""
        # o'neil "x"'s password comes from $WARDEN_PASSWORD: set it first, without echo: read -rs WARDEN_PASSWORD (bash, zsh)
        # in a URL, write @ : / % in the password as %40 %3A %2F %25
        # tools send credentials from these URLs with Basic only
        export http_proxy='http://o%27neil%20%22x%22:'"$WARDEN_PASSWORD"'@127.0.0.1:3128'
        export https_proxy="$http_proxy"
        export no_proxy='localhost,127.0.0.1,::1'
        export HTTP_PROXY="$http_proxy" HTTPS_PROXY="$http_proxy" NO_PROXY="$no_proxy"
        """);
  }

  @Test
  void wgetSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new WgetSnippet().snippet(QUOTED).text()).isEqualTo("""
        # wget answers a proxy with Basic only
        # o'neil "x"'s password comes from $WARDEN_PASSWORD: set it first, without echo: read -rs WARDEN_PASSWORD (bash, zsh)
        wget -e use_proxy=on -e http_proxy='http://127.0.0.1:3128' -e https_proxy='http://127.0.0.1:3128' -e no_proxy='localhost,127.0.0.1,::1' --proxy-user='o'\\''neil "x"' --proxy-password="$WARDEN_PASSWORD" 'https://example.com/'
        """);
  }

  @Test
  void gitSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new GitSnippet().snippet(QUOTED).text()).isEqualTo("""
        # git asks for o'neil "x"'s password when Warden challenges (and keeps it if a credential helper is set)
        git config --global http.proxy 'http://o%27neil%20%22x%22@127.0.0.1:3128'
        git config --global http.proxyAuthMethod anyauth
        # to undo: git config --global --unset http.proxy; git config --global --unset http.proxyAuthMethod
        """);
  }

  @Test
  void mavenSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new MavenSnippet().snippet(QUOTED).text()).isEqualTo("""
        <!-- in ~/.m2/settings.xml, inside <settings>;
             Maven takes the password from $WARDEN_PASSWORD and answers with Basic only -->
        <proxies>
          <proxy>
            <id>warden</id>
            <active>true</active>
            <protocol>http</protocol>
            <host>127.0.0.1</host>
            <port>3128</port>
            <username>o&apos;neil &quot;x&quot;</username>
            <password>${env.WARDEN_PASSWORD}</password>
            <nonProxyHosts>localhost|127.0.0.1|[::1]</nonProxyHosts>
          </proxy>
        </proxies>
        """);
  }

  @Test
  void gradleSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new GradleSnippet().snippet(QUOTED).text()).isEqualTo("""
        # in ~/.gradle/gradle.properties
        # replace PASSWORD below, or drop those two lines and run gradle with
        #   -Dhttp.proxyPassword="$WARDEN_PASSWORD" -Dhttps.proxyPassword="$WARDEN_PASSWORD"
        systemProp.http.proxyHost=127.0.0.1
        systemProp.http.proxyPort=3128
        systemProp.http.proxyUser=o'neil "x"
        systemProp.http.proxyPassword=PASSWORD
        systemProp.https.proxyHost=127.0.0.1
        systemProp.https.proxyPort=3128
        systemProp.https.proxyUser=o'neil "x"
        systemProp.https.proxyPassword=PASSWORD
        # the JDK never proxies localhost, 127.* or [::1] unless systemProp.http.nonProxyHosts= is empty
        # lets the JDK answer Basic, which it refuses on CONNECT (https) by default
        systemProp.jdk.http.auth.tunneling.disabledSchemes=
        systemProp.jdk.http.auth.proxying.disabledSchemes=
        """);
  }

  @Test
  void dockerSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new DockerSnippet().snippet(QUOTED).text()).isEqualTo("""
        // replace PASSWORD with o'neil "x"'s password (percent-encoded: @ : / % as %40 %3A %2F %25)
        // image pulls: /etc/docker/daemon.json (Docker 23 and later), then restart the daemon
        {
          "proxies": {
            "http-proxy": "http://o%27neil%20%22x%22:PASSWORD@127.0.0.1:3128",
            "https-proxy": "http://o%27neil%20%22x%22:PASSWORD@127.0.0.1:3128",
            "no-proxy": "localhost,127.0.0.1,::1"
          }
        }

        // containers and builds: ~/.docker/config.json
        // a container reaches the host as host.docker.internal (docker run --add-host=host.docker.internal:host-gateway),
        // and only if Warden listens on an address containers can reach, not 127.0.0.1
        {
          "proxies": {
            "default": {
              "httpProxy": "http://o%27neil%20%22x%22:PASSWORD@host.docker.internal:3128",
              "httpsProxy": "http://o%27neil%20%22x%22:PASSWORD@host.docker.internal:3128",
              "noProxy": "localhost,127.0.0.1,::1"
            }
          }
        }
        """);
  }

  @Test
  void nodeSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new NodeSnippet().snippet(QUOTED).text()).isEqualTo("""
        # o'neil "x"'s password comes from $WARDEN_PASSWORD: set it first, without echo: read -rs WARDEN_PASSWORD (bash, zsh)
        # in a URL, write @ : / % in the password as %40 %3A %2F %25
        # Node and npm send credentials from the proxy URL with Basic only
        export HTTP_PROXY='http://o%27neil%20%22x%22:'"$WARDEN_PASSWORD"'@127.0.0.1:3128'
        export HTTPS_PROXY="$HTTP_PROXY" NO_PROXY='localhost,127.0.0.1,::1'
        # npm reads HTTP_PROXY and HTTPS_PROXY; to keep it in ~/.npmrc instead (in clear text):
        #   npm config set proxy "$HTTP_PROXY" && npm config set https-proxy "$HTTP_PROXY"
        # Node's fetch() ignores these unless told: Node 24 and later read them with
        export NODE_USE_ENV_PROXY=1
        # older Node: in the application, npm install undici, then
        #   import { setGlobalDispatcher, EnvHttpProxyAgent } from 'undici';
        #   setGlobalDispatcher(new EnvHttpProxyAgent());
        """);
  }

  @Test
  void firefoxSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new FirefoxSnippet().snippet(QUOTED).text()).isEqualTo("""
        Settings > General > Network Settings > Settings… > Manual proxy configuration
          HTTP Proxy: 127.0.0.1   Port: 3128
          [x] Also use this proxy for HTTPS
          No proxy for: localhost, 127.0.0.1, ::1
        Firefox asks for o'neil "x"'s password when Warden challenges.

        Or the same in about:config, or as lines of user.js in the profile folder:
        user_pref("network.proxy.type", 1);
        user_pref("network.proxy.http", "127.0.0.1");
        user_pref("network.proxy.http_port", 3128);
        user_pref("network.proxy.ssl", "127.0.0.1");
        user_pref("network.proxy.ssl_port", 3128);
        user_pref("network.proxy.no_proxies_on", "localhost, 127.0.0.1, ::1");
        """);
  }

  @Test
  void chromiumSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new ChromiumSnippet().snippet(QUOTED).text()).isEqualTo("""
        # Chromium asks for o'neil "x"'s password when Warden challenges (Basic, Digest, NTLM)
        # a separate profile, so an already running Chromium does not swallow the flags
        chromium --user-data-dir="$HOME/.config/chromium-warden" --proxy-server='http://127.0.0.1:3128' --proxy-bypass-list='localhost;127.0.0.1;[::1]' 'https://example.com/'
        """);
  }

  @Test
  void gnomeSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new GnomeSnippet().snippet(QUOTED).text()).isEqualTo("""
        # note the current values first: gsettings list-recursively org.gnome.system.proxy
        gsettings set org.gnome.system.proxy.http host '127.0.0.1'
        gsettings set org.gnome.system.proxy.http port 3128
        gsettings set org.gnome.system.proxy.https host '127.0.0.1'
        gsettings set org.gnome.system.proxy.https port 3128
        gsettings set org.gnome.system.proxy mode 'manual'
        # applications ask for o'neil "x"'s password themselves when Warden challenges
        # back to no proxy: gsettings set org.gnome.system.proxy mode 'none'
        """);
  }

  @Test
  void javaSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new JavaSnippet().snippet(QUOTED).text()).isEqualTo("""
        # HttpURLConnection through Warden; java.net.http.HttpClient only with
        # .proxy(ProxySelector.getDefault()) and .authenticator(Authenticator.getDefault());
        # the JDK never proxies localhost, 127.* or [::1] (add '-Dhttp.nonProxyHosts=' to proxy them too)
        # the two emptied disabledSchemes let the JDK answer Basic, which it refuses on CONNECT by default
        java '-Dhttp.proxyHost=127.0.0.1' '-Dhttp.proxyPort=3128' '-Dhttps.proxyHost=127.0.0.1' '-Dhttps.proxyPort=3128' '-Djdk.http.auth.tunneling.disabledSchemes=' '-Djdk.http.auth.proxying.disabledSchemes=' -jar app.jar

        // in the application, once, before the first request (the password from $WARDEN_PASSWORD):
        java.net.Authenticator.setDefault(new java.net.Authenticator() {
          @Override
          protected java.net.PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY
                ? new java.net.PasswordAuthentication("o'neil \\"x\\"", System.getenv("WARDEN_PASSWORD").toCharArray())
                : null;
          }
        });
        """);
  }

  @Test
  void pythonUrllibSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new PythonUrllibSnippet().snippet(QUOTED).text()).isEqualTo("""
        import urllib.request
        import getpass, os

        proxy = urllib.request.ProxyHandler({"http": "http://127.0.0.1:3128", "https": "http://127.0.0.1:3128"})
        password = os.environ.get("WARDEN_PASSWORD") or getpass.getpass("Proxy password for " + "o'neil \\"x\\"")

        class WardenPassword(urllib.request.HTTPPasswordMgr):
            # the Digest handler looks the password up by the target URL, the Basic one by the proxy's
            def find_user_password(self, realm, uri):
                return ("o'neil \\"x\\"", password) if realm == "Lab" else (None, None)

        passwords = WardenPassword()
        opener = urllib.request.build_opener(proxy, urllib.request.ProxyDigestAuthHandler(passwords), urllib.request.ProxyBasicAuthHandler(passwords))
        with opener.open("https://example.com/") as response:
            print(response.status)
        """);
  }

  @Test
  void pythonRequestsSnippetQuotesANameWithQuotesAndSpaces() {
    assertThat(new PythonRequestsSnippet().snippet(QUOTED).text()).isEqualTo("""
        import requests
        import getpass, os, urllib.parse

        password = os.environ.get("WARDEN_PASSWORD") or getpass.getpass("Proxy password for " + "o'neil \\"x\\"")
        proxy = "http://" + urllib.parse.quote("o'neil \\"x\\"", safe="") + ":" + urllib.parse.quote(password, safe="") + "@127.0.0.1:3128"
        proxies = {"http": proxy, "https": proxy}
        response = requests.get("https://example.com/", proxies=proxies)
        print(response.status_code)
        """);
  }

  @Test
  void curlSnippetForABasicUser() {
    assertThat(new CurlSnippet().snippet(ALICE).text()).isEqualTo("""
        # curl asks for alice's password
        curl --proxy 'http://127.0.0.1:3128' --proxy-user 'alice' --proxy-basic --noproxy 'localhost,127.0.0.1,::1' 'https://example.com/'
        """);
  }

  @Test
  void javaSnippetForABasicUser() {
    assertThat(new JavaSnippet().snippet(ALICE).text()).isEqualTo("""
        # HttpURLConnection through Warden; java.net.http.HttpClient only with
        # .proxy(ProxySelector.getDefault()) and .authenticator(Authenticator.getDefault());
        # the JDK never proxies localhost, 127.* or [::1] (add '-Dhttp.nonProxyHosts=' to proxy them too)
        # the two emptied disabledSchemes let the JDK answer Basic, which it refuses on CONNECT by default
        java '-Dhttp.proxyHost=127.0.0.1' '-Dhttp.proxyPort=3128' '-Dhttps.proxyHost=127.0.0.1' '-Dhttps.proxyPort=3128' '-Djdk.http.auth.tunneling.disabledSchemes=' '-Djdk.http.auth.proxying.disabledSchemes=' -jar app.jar

        // in the application, once, before the first request (the password from $WARDEN_PASSWORD):
        java.net.Authenticator.setDefault(new java.net.Authenticator() {
          @Override
          protected java.net.PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY
                ? new java.net.PasswordAuthentication("alice", System.getenv("WARDEN_PASSWORD").toCharArray())
                : null;
          }
        });
        """);
  }

  @Test
  void gitSnippetForABasicUser() {
    assertThat(new GitSnippet().snippet(ALICE).text()).isEqualTo("""
        # git asks for alice's password when Warden challenges (and keeps it if a credential helper is set)
        git config --global http.proxy 'http://alice@127.0.0.1:3128'
        git config --global http.proxyAuthMethod basic
        # to undo: git config --global --unset http.proxy; git config --global --unset http.proxyAuthMethod
        """);
  }

  @Test
  void wgetSnippetForABasicUser() {
    assertThat(new WgetSnippet().snippet(ALICE).text()).isEqualTo("""
        # wget answers a proxy with Basic only
        # alice's password comes from $WARDEN_PASSWORD: set it first, without echo: read -rs WARDEN_PASSWORD (bash, zsh)
        wget -e use_proxy=on -e http_proxy='http://127.0.0.1:3128' -e https_proxy='http://127.0.0.1:3128' -e no_proxy='localhost,127.0.0.1,::1' --proxy-user='alice' --proxy-password="$WARDEN_PASSWORD" 'https://example.com/'
        """);
  }
}
