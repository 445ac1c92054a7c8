package dev.warden.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.warden.core.conversation.ClientDiagnosis.Finding;
import dev.warden.core.conversation.ClientDiagnosis.Kind;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.RealmAuth;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import dev.warden.testing.DigestAnswer;
import dev.warden.testing.RawHttpConnection;
import dev.warden.testing.RawResponse;
import dev.warden.testing.RunningWarden;
import dev.warden.testing.TestOrigin;
import dev.warden.testing.Users;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each diagnosis produced by a real client (java.net.http, raw sockets, curl where installed)
 * through a real Warden to a real origin. Conversations are linked with a 300 ms retry window so a
 * client that gives up is known to have given up without waiting the default 5 s.
 */
class ClientDiagnosisEndToEndIT {

  private static final Path CURL = Path.of("/usr/bin/curl");

  private TestOrigin origin;
  private RunningWarden warden;
  private ConversationLog conversations;

  @BeforeEach
  void origin() throws IOException {
    origin = new TestOrigin();
  }

  @AfterEach
  void stop() {
    if (conversations != null) {
      conversations.close();
    }
    if (warden != null) {
      warden.close();
    }
    origin.close();
  }

  private void start(Settings settings) throws Exception {
    warden = new RunningWarden(settings);
    conversations = new ConversationLog(
        warden.warden().traffic(),
        new Conversations(100, Duration.ofMillis(300), Duration.ofMinutes(2)),
        Clock.systemUTC());
  }

  private static Settings corp(RealmAuth auth) {
    return Settings.defaults()
        .withRealms(List.of(new Realm(
            "Corp",
            List.of(),
            List.of(Users.user("alice", "s3cret"), Users.user("jürgen", "pässword")),
            auth)));
  }

  /** The findings for the latest exchange matching {@code which}, once its conversation settled. */
  private List<Finding> diagnosed(Predicate<Exchange> which, boolean waitForGivingUp)
      throws Exception {
    Exchange e = warden.awaitExchange(which);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (waitForGivingUp
        && System.nanoTime() < deadline
        && conversations
            .ofExchange(e.id())
            .map(c -> c.verdict() != ConversationVerdict.NEVER_RETRIED)
            .orElse(true)) {
      Thread.sleep(20);
    }
    conversations.caughtUp().get(5, TimeUnit.SECONDS);
    return ClientDiagnosis.of(
        e, conversations.ofExchange(e.id()), warden.warden().settings());
  }

  private static HttpClient javaClient(int proxyPort, String user, String password) {
    return HttpClient.newBuilder()
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxyPort)))
        .authenticator(new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return new PasswordAuthentication(user, password.toCharArray());
          }
        })
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Test
  void javaHttpClientThatNeverAnswersBasicOnConnectIsToldTheFlag() throws Exception {
    start(corp(RealmAuth.defaults()));
    // the tunnel fails at the 407, before any TLS: no TLS origin is needed
    URI https = URI.create("https://127.0.0.1:" + origin.port() + "/tunnel");
    try {
      HttpResponse<String> refused = javaClient(warden.port(), "alice", "s3cret")
          .send(
              HttpRequest.newBuilder(https).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode())
          .as("Java hands the tunnel's 407 back unanswered")
          .isEqualTo(407);
    } catch (IOException tunnelFailed) {
      // some JDK builds report the unanswered 407 as a failed tunnel instead
    }

    List<Finding> findings = diagnosed(e -> e.isConnect() && e.isChallenge(), true);

    assertThat(findings)
        .filteredOn(f -> f.kind() == Kind.JAVA_BASIC_ON_CONNECT)
        .singleElement()
        // JDK 17's HttpClient sends no User-Agent on CONNECT (measured), so the sentence says "if"
        .satisfies(f -> assertThat(f.sentence())
            .startsWith("If this is a Java client, it never answers Basic on CONNECT")
            .contains(ClientDiagnosis.JAVA_TUNNELLING_FLAG));
  }

  @Test
  void aClientSendingIso88591DespiteTheCharsetIsSaidToDoSo() throws Exception {
    // JDK 17.0.15's HttpClient honours charset="UTF-8" (measured here); older JDKs and browsers
    // send
    // ISO-8859-1, which a raw client reproduces byte for byte
    start(corp(RealmAuth.defaults()));
    String url = origin.url("/jurgen");
    String latin1 = "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                "jürgen:pässword".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse challenge = c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(challenge.header("Proxy-Authenticate")).contains("charset=\"UTF-8\"");
      assertThat(c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nProxy-Authorization: "
                  + latin1 + "\r\n\r\n")
              .status())
          .isEqualTo(200);
    }

    List<Finding> findings = diagnosed(e -> e.url().equals(url) && e.status() == 200, false);

    assertThat(findings).extracting(Finding::kind).contains(Kind.CHARSET_IGNORED);
  }

  @Test
  void aUserOfAnotherRealmIsNamedWithThePatternThatChoseThisRealm() throws Exception {
    Realm corp = new Realm("Corp", List.of("127.0.0.1"), List.of(Users.user("alice", "s3cret")));
    Realm lab = new Realm("Lab", List.of(), List.of(Users.user("bob", "b0b")));
    start(Settings.defaults().withRealms(List.of(corp, lab)));
    String url = origin.url("/bob");
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nProxy-Authorization: "
                  + Users.basic("bob", "b0b") + "\r\n\r\n")
              .status())
          .isEqualTo(407);
    }

    List<Finding> findings = diagnosed(e -> e.url().equals(url), false);

    assertThat(findings)
        .filteredOn(f -> f.kind() == Kind.USER_IN_ANOTHER_REALM)
        .singleElement()
        .satisfies(f -> assertThat(f.sentence())
            .contains("User 'bob' is not in realm 'Corp' but is in realm 'Lab'")
            .contains("its host pattern '127.0.0.1' matches 127.0.0.1:" + origin.port()));
  }

  @Test
  void aClientOfferingNtlmIsToldTheRealmDoesNotOfferIt() throws Exception {
    start(corp(RealmAuth.defaults()));
    String url = origin.url("/ntlm");
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(
              c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nProxy-Authorization: NTLM "
                      + "TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw==\r\n\r\n")
                  .status())
          .isEqualTo(407);
    }

    List<Finding> findings = diagnosed(e -> e.url().equals(url), false);

    assertThat(findings)
        .filteredOn(f -> f.kind() == Kind.SCHEME_NOT_OFFERED)
        .singleElement()
        .satisfies(
            f -> assertThat(f.sentence())
                .startsWith(
                    "The client answered with NTLM, which realm 'Corp' does not offer (it offers Basic)"));
  }

  @Test
  void curlWantingDigestFromABasicRealmIsToldItGaveUp() throws Exception {
    assumeThat(Files.isExecutable(CURL)).as("curl installed").isTrue();
    start(corp(RealmAuth.defaults()));
    String url = origin.url("/curl-digest");
    Process curl = new ProcessBuilder(
            CURL.toString(),
            "-s",
            "-o",
            "/dev/null",
            "--proxy",
            "http://127.0.0.1:" + warden.port(),
            "--proxy-digest",
            "--proxy-user",
            "alice:s3cret",
            url)
        .redirectErrorStream(true)
        .start();
    assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();

    List<Finding> findings = diagnosed(e -> e.url().equals(url), true);

    assertThat(conversations
            .ofExchange(warden.awaitExchangeFor(url).id())
            .orElseThrow()
            .verdict())
        .isEqualTo(ConversationVerdict.NEVER_RETRIED);
    assertThat(findings).extracting(Finding::kind).contains(Kind.SCHEME_WANTED);
  }

  @Test
  void aDigestAnswerWithAnAlgorithmTheRealmDoesNotOfferIsExplained() throws Exception {
    start(corp(RealmAuth.defaults()
        .withSchemes(List.of(RealmAuth.DIGEST))
        .withDigestAlgorithms(List.of("SHA-256"))));
    String url = origin.url("/md5");
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      RawResponse challenge = c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      String md5 = DigestAnswer.to(challenge.header("Proxy-Authenticate"), "alice", "s3cret")
          .algorithm("MD5")
          .uri(url)
          .header();
      assertThat(c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nProxy-Authorization: "
                  + md5 + "\r\n\r\n")
              .status())
          .isEqualTo(407);
    }

    List<Finding> findings =
        diagnosed(e -> e.url().equals(url) && !e.received().scheme().isEmpty(), false);

    assertThat(findings)
        .filteredOn(f -> f.kind() == Kind.ALGORITHM)
        .singleElement()
        .satisfies(f -> assertThat(f.sentence())
            .startsWith("The client computed Digest with MD5, but realm 'Corp' offers SHA-256"));
  }

  @Test
  void aClientAnsweringOnlyTheLastOfTwoChallengesIsSaidToDoSo() throws Exception {
    start(corp(RealmAuth.defaults()
        .withSchemes(List.of(RealmAuth.DIGEST, RealmAuth.BASIC))
        .withDigestAlgorithms(List.of("SHA-256"))));
    String url = origin.url("/last");
    try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
      assertThat(
              c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").status())
          .isEqualTo(407);
      assertThat(c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nProxy-Authorization: "
                  + Users.basic("alice", "wrong") + "\r\n\r\n")
              .status())
          .isEqualTo(407);
    }

    List<Finding> findings =
        diagnosed(e -> e.url().equals(url) && !e.received().scheme().isEmpty(), false);

    assertThat(findings)
        .filteredOn(f -> f.kind() == Kind.FIRST_OR_LAST_CHALLENGE)
        .singleElement()
        .satisfies(
            f -> assertThat(f.sentence())
                .startsWith(
                    "The client answered the last of 2 challenges (Basic), not the first (Digest SHA-256)"));
  }

  @Test
  void withEnforcementOffCurlsWrongPasswordIsSaidToBeOneItWouldHaveRefused() throws Exception {
    start(corp(RealmAuth.defaults()).withEnforcement(false));
    String url = origin.url("/off");
    if (Files.isExecutable(CURL)) {
      Process curl = new ProcessBuilder(
              CURL.toString(),
              "-s",
              "-o",
              "/dev/null",
              "--proxy",
              "http://127.0.0.1:" + warden.port(),
              "--proxy-user",
              "alice:wrong",
              url)
          .redirectErrorStream(true)
          .start();
      assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();
    } else {
      try (RawHttpConnection c = new RawHttpConnection(warden.port())) {
        c.exchange("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nProxy-Authorization: "
            + Users.basic("alice", "wrong") + "\r\n\r\n");
      }
    }

    Exchange e = warden.awaitExchangeFor(url);
    assertThat(e.status()).isEqualTo(200);
    // what the record holds with enforcement off: the request passed, the verdict it would have
    // had,
    // and the user read from the credentials (never the password)
    assertThat(e.auth())
        .isInstanceOfSatisfying(
            dev.warden.core.auth.AuthOutcome.NotRequired.class,
            off -> assertThat(off.wouldHave())
                .isInstanceOfSatisfying(
                    dev.warden.core.auth.AuthOutcome.Challenged.class,
                    c -> assertThat(c.reason())
                        .isEqualTo(dev.warden.core.auth.ChallengeReason.WRONG_PASSWORD)));
    assertThat(e.received())
        .isEqualTo(new dev.warden.core.auth.ReceivedCredentials.SchemeAndUser("Basic", "alice"));
    List<Finding> findings = diagnosed(x -> x.url().equals(url), false);

    assertThat(findings)
        .filteredOn(f -> f.kind() == Kind.WOULD_HAVE_BEEN)
        .singleElement()
        .satisfies(f -> assertThat(f.sentence())
            .startsWith(
                "Enforcement is off, so this request went through; with enforcement on it would have been refused: "
                    + "wrong password"));
  }
}
