package dev.warden.ui.details;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.header.AuthHeaderWriter;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.Header;
import dev.warden.ui.traffic.ExchangeFacts;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details of the selected exchange: overview facts and the outcome in one sentence, request and
 * response heads and bodies, and the auth exchange: the challenges sent and the credentials'
 * parameters received (secret masked), both from the structured values the core recorded (never
 * parsed from recorded header text), and why they were accepted or refused. No nodes; FX thread.
 */
public final class DetailsViewModel {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  /** One labelled fact of the overview. */
  public record Fact(String label, String value) {}

  // Properties
  private final ObjectProperty<Exchange> exchange = new SimpleObjectProperty<>();
  private final ObservableList<Fact> overview = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper requestHead = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper requestBody = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper responseHead = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper responseBody = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper challenge = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper authVerdict = new ReadOnlyStringWrapper("");
  private final ObservableList<Fact> received = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper conversation = new ReadOnlyStringWrapper("");
  private final ObservableList<String> diagnosis = FXCollections.observableArrayList();
  private ConversationFacts conversations = ConversationFacts.NONE;

  public DetailsViewModel() {
    exchange.addListener((o, a, b) -> show(b));
  }

  /** Where the selected exchange's conversation and diagnosis come from; shows them at once. */
  public void useConversations(ConversationFacts source) {
    conversations = source;
    showConversation(exchange.get());
  }

  /**
   * Conversations changed (a retry arrived, a window passed): shows the selected exchange's again.
   * Cheap enough to call a few times a second.
   */
  public void conversationsChanged() {
    showConversation(exchange.get());
  }

  private void showConversation(Exchange e) {
    if (e == null) {
      conversation.set("");
      diagnosis.clear();
      return;
    }
    ConversationFacts.Shown shown = conversations.of(e);
    conversation.set(shown.conversation());
    if (!diagnosis.equals(shown.diagnosis())) {
      diagnosis.setAll(shown.diagnosis());
    }
  }

  private void show(Exchange e) {
    showConversation(e);
    if (e == null) {
      overview.clear();
      received.clear();
      for (ReadOnlyStringWrapper p : List.of(
          outcome, requestHead, requestBody, responseHead, responseBody, challenge, authVerdict)) {
        p.set("");
      }
      return;
    }
    outcome.set(sentence(e));
    overview.setAll(facts(e));
    requestHead.set(
        e.method() + " " + e.url() + " " + e.protocol() + "\n" + headers(e.requestHeaders()));
    requestBody.set(caption(BodyText.render(e.requestBody(), e.requestHeader("Content-Type"))));
    responseHead.set(
        e.status() == 0
            ? "(no response was sent)"
            : e.protocol() + " " + e.status() + "\n" + headers(e.responseHeaders()));
    responseBody.set(caption(BodyText.render(e.responseBody(), e.responseHeader("Content-Type"))));
    challenge.set(challengeText(e));
    authVerdict.set(e.auth().describe() + ".");
    received.setAll(ReceivedFacts.of(e.received()));
  }

  /** The outcome in one plain sentence, e.g. "Basic credentials for unknown user 'bob' in realm 'Corp'". */
  static String sentence(Exchange e) {
    String auth = e.auth().describe()
        + (e.isFaulted() ? ". Shaped by the fault knobs " + String.join(", ", e.faults()) : "");
    return e.failure()
        .map(f -> auth + ". Then the destination failed: " + failureWords(f))
        .orElse(auth);
  }

  /**
   * The failure in words: a detail that says what the label says in more words is said alone, with
   * the destination it may start with in brackets ("server reset the connection without a response
   * (127.0.0.1:8080)"); any other detail follows the label ({@link #detailBeyond}).
   */
  static String failureWords(dev.warden.core.traffic.ExchangeError f) {
    String detail = f.detail().strip();
    String label = f.kind().label();
    String opening = label.substring(0, label.indexOf(' ') + 1); // "server ", or "" for one word
    if (opening.isEmpty()) {
      return label + detailBeyond(f);
    }
    if (detail.startsWith(opening)) {
      return detail;
    }
    int colon = detail.indexOf(": ");
    if (colon > 0 && detail.startsWith(opening, colon + 2)) {
      return detail.substring(colon + 2) + " (" + detail.substring(0, colon) + ")";
    }
    return label + detailBeyond(f);
  }

  /**
   * The failure's detail in brackets, less what the label already said: the engine writes details
   * such as "URL: connection refused or unreachable", which after the label would say it twice.
   */
  static String detailBeyond(dev.warden.core.traffic.ExchangeError f) {
    String detail = f.detail().strip();
    String label = f.kind().label();
    if (detail.equalsIgnoreCase(label)) {
      return "";
    }
    if (detail
        .toLowerCase(java.util.Locale.ROOT)
        .endsWith(": " + label.toLowerCase(java.util.Locale.ROOT))) {
      detail = detail.substring(0, detail.length() - label.length() - 2).strip();
    }
    return detail.isEmpty() ? "" : " (" + detail + ")";
  }

  private static List<Fact> facts(Exchange e) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Exchange", "#" + e.id()));
    facts.add(new Fact("Started", WHEN.format(e.started())));
    facts.add(new Fact("Duration", millis(e.duration())));
    facts.add(new Fact(
        "Time to first byte", e.timeToFirstByte() == null ? "—" : millis(e.timeToFirstByte())));
    facts.add(new Fact("Client", e.client()));
    facts.add(new Fact("Connection", "#" + e.connectionId()));
    e.requestHeader(dev.warden.core.replay.Resender.LINK_HEADER)
        .ifPresent(id -> facts.add(new Fact("Resent from", "#" + id)));
    facts.add(new Fact("Request", e.method() + " " + e.url()));
    facts.add(new Fact("Protocol", e.protocol()));
    facts.add(new Fact(
        "Status",
        e.status() == 0
            ? "none sent"
            : (e.status() + " " + dev.warden.core.har.StatusText.of(e.status())).strip()));
    facts.add(new Fact("Auth", authFact(e)));
    if (e.isFaulted()) {
      facts.add(new Fact("Fault knobs", String.join("\n", e.faults())));
    }
    e.realm().ifPresent(r -> facts.add(new Fact("Realm", r)));
    ExchangeFacts.userName(e).ifPresent(u -> facts.add(new Fact("User", u)));
    facts.add(new Fact("Response size", ExchangeFacts.size(e.responseBody().totalSize())));
    return facts;
  }

  /** The outcome in words ("challenged: wrong password"), not the access log's token ("challenged:wrong-password"). */
  private static String authFact(Exchange e) {
    if (e.auth() instanceof dev.warden.core.auth.AuthOutcome.Authenticated a) {
      return "authenticated with " + a.scheme();
    }
    if (e.auth() instanceof dev.warden.core.auth.AuthOutcome.Challenged c) {
      return "challenged: " + c.reason().label();
    }
    return e.auth().label().replace('-', ' ').replace(":", ": ");
  }

  private static String challengeText(Exchange e) {
    // the structured challenges Warden recorded, written as they went on the wire
    // (a fault knob may have answered 401 with WWW-Authenticate instead)
    String field = e.status() == 401 ? "WWW-Authenticate: " : "Proxy-Authenticate: ";
    List<String> sent =
        e.challenges().stream().map(c -> field + AuthHeaderWriter.write(c)).toList();
    if (!sent.isEmpty()) {
      return (e.status() == 401
              ? "HTTP/1.1 401 Unauthorized\n"
              : "HTTP/1.1 407 Proxy Authentication Required\n")
          + String.join("\n", sent);
    }
    if (e.auth() instanceof AuthOutcome.NotJudged) {
      return "No challenge recorded: Warden did not see this request.";
    }
    return e.auth() instanceof AuthOutcome.NotRequired
        ? "No challenge: enforcement was off."
        : "No challenge: the request was accepted.";
  }

  private static String headers(List<Header> headers) {
    StringBuilder out = new StringBuilder();
    for (Header h : headers) {
      String value =
          h.name().equalsIgnoreCase("Proxy-Authorization") ? masked(h.value()) : h.value();
      out.append(h.name()).append(": ").append(value).append('\n');
    }
    return out.toString();
  }

  /** Belt and braces: the core redacts already, but a full value must never reach the screen. */
  private static String masked(String value) {
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    String rest = space < 0 ? "" : value.substring(space + 1);
    return rest.endsWith(":***") ? value : scheme + " ***";
  }

  private static String caption(BodyText.Rendered r) {
    return r.text();
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

  // Accessors

  public ObjectProperty<Exchange> exchangeProperty() {
    return exchange;
  }

  public ObservableList<Fact> overview() {
    return overview;
  }

  public ReadOnlyStringProperty outcomeProperty() {
    return outcome.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty requestHeadProperty() {
    return requestHead.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty requestBodyProperty() {
    return requestBody.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty responseHeadProperty() {
    return responseHead.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty responseBodyProperty() {
    return responseBody.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty challengeProperty() {
    return challenge.getReadOnlyProperty();
  }

  /** The Auth tab's one sentence: why the credentials were accepted or refused. */
  public ReadOnlyStringProperty authVerdictProperty() {
    return authVerdict.getReadOnlyProperty();
  }

  /** The conversation the exchange belongs to: its verdict sentence and its steps; empty when none. */
  public ReadOnlyStringProperty conversationProperty() {
    return conversation.getReadOnlyProperty();
  }

  /** The client diagnosis, one plain sentence each; empty when there is nothing to say. */
  public ObservableList<String> diagnosis() {
    return diagnosis;
  }

  /** The Auth tab's grid: what was read from the Proxy-Authorization field, secret masked. */
  public ObservableList<Fact> received() {
    return received;
  }
}
