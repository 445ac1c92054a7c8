package dev.warden.core.conversation;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.settings.HostPattern;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.traffic.Exchange;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Plain-language diagnoses of a client's trouble with the 407, from the facts Warden holds: the
 * exchange's record, its conversation, and the settings (read now, so a realm changed since the
 * request is judged as it is now). Pure functions; any thread.
 */
public final class ClientDiagnosis {

  /** What a finding is about: one per kind of trouble, so tests and filters can tell them apart. */
  public enum Kind {
    /** A Java client that never answers Basic on CONNECT (disabled for tunnels by default). */
    JAVA_BASIC_ON_CONNECT,
    /** Basic credentials in ISO-8859-1 although the challenge said {@code charset="UTF-8"}. */
    CHARSET_IGNORED,
    /** An unknown user that exists in another realm. */
    USER_IN_ANOTHER_REALM,
    /** The client answered with a scheme the realm does not offer. */
    SCHEME_NOT_OFFERED,
    /** The client never answered: it may want a scheme the realm does not offer. */
    SCHEME_WANTED,
    /** Several challenges were sent; the client answered (or may read) only the first or the last. */
    FIRST_OR_LAST_CHALLENGE,
    /** The client used, or may only compute, a Digest algorithm the realm does not offer. */
    ALGORITHM,
    /** Enforcement was off: what it would have decided. */
    WOULD_HAVE_BEEN,
    /** What the refusal's reason means for the client, when nothing more specific applies. */
    REASON
  }

  /** One diagnosis: its kind and its sentence. */
  public record Finding(Kind kind, String sentence) {}

  /** Disabled for tunnels since JDK 8u111; the empty value enables every scheme again. */
  static final String JAVA_TUNNELLING_FLAG = "-Djdk.http.auth.tunneling.disabledSchemes=\"\"";

  private ClientDiagnosis() {}

  /** The findings for {@code exchange}, in the order they matter; empty when there is nothing to say. */
  public static List<Finding> of(
      Exchange exchange, Optional<Conversation> conversation, Settings settings) {
    List<Finding> out = new ArrayList<>();
    ConversationStep step = ConversationStep.of(exchange);
    AuthOutcome effective = step.auth();
    if (effective instanceof AuthOutcome.NotRequired off && off.wouldHave() != null) {
      out.add(new Finding(
          Kind.WOULD_HAVE_BEEN,
          "Enforcement is off, so this request went through; with " + "enforcement on it "
              + off.wouldHaveBeen() + " (" + lowerFirst(off.wouldHave().describe()) + ")."));
      effective = off.wouldHave();
    }
    if (effective instanceof AuthOutcome.Authenticated a && a.note().contains("ISO-8859-1")) {
      out.add(
          new Finding(
              Kind.CHARSET_IGNORED,
              "The client sent its Basic credentials in ISO-8859-1 although "
                  + "the challenge said charset=\"UTF-8\" (JDK's HttpClient and older browsers do). Warden accepted "
                  + "them, but a user name or password with characters outside ISO-8859-1 cannot work from this client."));
    }
    if (effective instanceof AuthOutcome.Challenged c) {
      refusal(step, c, settings).ifPresent(out::add);
    }
    conversation
        .filter(cv -> cv.verdict().failed() || cv.awaitingAnswer())
        .ifPresent(cv -> out.addAll(ofConversation(cv, settings)));
    if (out.isEmpty() && effective instanceof AuthOutcome.Challenged c) {
      out.add(new Finding(Kind.REASON, reasonSentence(c)));
    }
    return List.copyOf(out);
  }

  private static Optional<Finding> refusal(
      ConversationStep step, AuthOutcome.Challenged c, Settings settings) {
    return switch (c.reason()) {
      case UNKNOWN_USER -> otherRealm(step, c, settings);
      case UNSUPPORTED_SCHEME ->
        Optional.of(new Finding(
            Kind.SCHEME_NOT_OFFERED,
            "The client answered with "
                + c.scheme() + ", which realm '" + c.realm() + "' does not offer (it offers "
                + String.join(", ", schemesOf(step.challenges(), settings, c.realm())) + "). Offer "
                + c.scheme()
                + " in the realm, or set the client to use one of those."));
      case ALGORITHM_NOT_OFFERED -> {
        String used = step.received() instanceof ReceivedCredentials.DigestParams d
                && !d.algorithm().isEmpty()
            ? d.algorithm()
            : "MD5";
        yield Optional.of(new Finding(
            Kind.ALGORITHM,
            "The client computed Digest with " + used
                + ", but realm '" + c.realm() + "' offers "
                + String.join(", ", algorithmsOf(step.challenges()))
                + ": it may not be able to compute those. Offer " + used
                + " in the realm too, or use a client "
                + "that computes " + first(algorithmsOf(step.challenges()), "SHA-256") + "."));
      }
      default -> Optional.empty();
    };
  }

  private static Optional<Finding> otherRealm(
      ConversationStep step, AuthOutcome.Challenged c, Settings settings) {
    List<String> holders = settings.realms().stream()
        .filter(r -> !r.name().equals(c.realm()) && r.user(c.user()).isPresent())
        .map(r -> "'" + r.name() + "'"
            + (r.isDefault()
                ? " (the default realm)"
                : " (hosts " + String.join(", ", r.hostPatterns()) + ")"))
        .toList();
    if (c.user().isEmpty() || holders.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Finding(
        Kind.USER_IN_ANOTHER_REALM,
        "User '" + c.user() + "' is not in realm '"
            + c.realm() + "' but is in realm " + String.join(", ", holders) + ". Realm '"
            + c.realm()
            + "' judged this request because " + whyRealm(step, c.realm(), settings)
            + ". Add the user to realm '" + c.realm() + "', or change the realms' host patterns."));
  }

  /** Why the realm judged the request: the host pattern that matched, or the default realm. */
  private static String whyRealm(ConversationStep step, String realm, Settings settings) {
    Optional<HostAndPort> target = HostAndPort.of(step);
    if (target.isEmpty()) {
      return "it guards the request's target";
    }
    HostAndPort t = target.get();
    for (Realm r : settings.realms()) {
      if (r.isDefault()) {
        continue;
      }
      for (String pattern : r.hostPatterns()) {
        try {
          if (HostPattern.parse(pattern).matches(t.host(), t.port())) {
            return r.name().equals(realm)
                ? "its host pattern '" + pattern + "' matches " + t
                : "realm '" + r.name() + "''s pattern '" + pattern + "' matches " + t
                    + " (the realm has changed since)";
          }
        } catch (IllegalArgumentException unusable) {
          // a pattern the policy left out too: it chose nothing
        }
      }
    }
    return "no realm's host pattern matches " + t + ", so the default realm applies";
  }

  private static List<Finding> ofConversation(Conversation cv, Settings settings) {
    List<Finding> out = new ArrayList<>();
    ConversationStep first = cv.first();
    List<Challenge> sent = first.challenges();
    String realm = first.auth() instanceof AuthOutcome.Challenged c ? c.realm() : "";
    if (cv.verdict() == ConversationVerdict.NEVER_RETRIED) {
      boolean basicOffered = sent.stream().anyMatch(ch -> ch.hasScheme("Basic"));
      boolean java = first.userAgent().toLowerCase(Locale.ROOT).startsWith("java");
      if (first.method().equals("CONNECT")
          && basicOffered
          && (java || first.userAgent().isEmpty())) {
        out.add(new Finding(
            Kind.JAVA_BASIC_ON_CONNECT,
            (java ? "This Java client (" + first.userAgent() + ")" : "If this is a Java client, it")
                + " never answers Basic on CONNECT: Java disables Basic for "
                + "tunnels by default (jdk.http.auth.tunneling.disabledSchemes=Basic). Start it with "
                + JAVA_TUNNELLING_FLAG + ", or offer Digest in realm '" + realm
                + "' (HttpURLConnection answers it)."));
      } else {
        List<String> schemes = schemesOf(sent, settings, realm);
        if (schemes.size() == 1 && schemes.get(0).equals("Digest")) {
          out.add(new Finding(
              Kind.ALGORITHM,
              "The client never answered a Digest challenge offering only "
                  + String.join(", ", algorithmsOf(sent))
                  + ": a client that cannot compute these gives up. Offer "
                  + "SHA-256 and MD5 in realm '" + realm + "'."));
        } else {
          out.add(
              new Finding(
                  Kind.SCHEME_WANTED,
                  "The client never answered the challenge. Realm '" + realm
                      + "' offered " + String.join(", ", schemes)
                      + "; a client set for another scheme (curl "
                      + "--proxy-digest, --proxy-ntlm or --proxy-negotiate, a browser with NTLM only) gives up rather "
                      + "than answer: offer that scheme, or let the client choose (curl --proxy-anyauth)."));
        }
      }
      if (sent.size() >= 2) {
        out.add(
            new Finding(
                Kind.FIRST_OR_LAST_CHALLENGE,
                "Warden sent " + sent.size()
                    + " challenges, one Proxy-Authenticate field each ("
                    + String.join(", ", describe(sent))
                    + "); some clients read only the first or only the last field and give up when they cannot use it."));
      }
    } else if (cv.attempts() > 1 && sent.size() >= 2) {
      List<String> offered = describe(sent);
      String answered = cv.last().answeredWith();
      String firstOffered = offered.get(0);
      String lastOffered = offered.get(offered.size() - 1);
      if (answered.equalsIgnoreCase(lastOffered) && !answered.equalsIgnoreCase(firstOffered)) {
        out.add(new Finding(
            Kind.FIRST_OR_LAST_CHALLENGE,
            "The client answered the last of " + sent.size()
                + " challenges (" + lastOffered + "), not the first (" + firstOffered
                + "): it may read only the "
                + "last Proxy-Authenticate field."));
      } else if (answered.equalsIgnoreCase(firstOffered)) {
        out.add(new Finding(
            Kind.FIRST_OR_LAST_CHALLENGE,
            "The client answered the first of " + sent.size()
                + " challenges (" + firstOffered
                + "): if it cannot get this one right, it may read only the first "
                + "Proxy-Authenticate field; try offering only " + lastOffered + "."));
      }
    }
    return out;
  }

  /** What a refusal's reason asks of the client, for a 407 nothing more specific explains. */
  static String reasonSentence(AuthOutcome.Challenged c) {
    String user = c.user().isEmpty() ? "the user" : "'" + c.user() + "'";
    return switch (c.reason()) {
      case MISSING ->
        "No credentials yet: a client sends them only after this first 407, so it should retry "
            + "with credentials for realm '" + c.realm() + "'.";
      case WRONG_PASSWORD, BAD_RESPONSE ->
        "The password the client has for " + user + " is not the one realm '" + c.realm()
            + "' holds: correct it in the client (or its saved password).";
      case UNKNOWN_USER ->
        "Realm '" + c.realm() + "' has no user " + user + ": check the name, or add the user.";
      case STALE_NONCE ->
        "The client's nonce expired; it should retry at once with the new one (stale=true).";
      case DISABLED_USER -> "User " + user + " is disabled in realm '" + c.realm() + "'.";
      case LOCKED_OUT ->
        "Refused without a check after repeated failures; the lockout ends by itself, or "
            + "release it in the Lockouts view.";
      default -> c.describe() + ".";
    };
  }

  private static List<String> schemesOf(List<Challenge> sent, Settings settings, String realm) {
    LinkedHashSet<String> schemes = new LinkedHashSet<>();
    sent.forEach(c -> schemes.add(c.scheme()));
    if (schemes.isEmpty()) {
      settings.realms().stream()
          .filter(r -> r.name().equals(realm))
          .findFirst()
          .ifPresent(r -> r.auth().schemes().forEach(s -> schemes.add(capitalised(s))));
    }
    return List.copyOf(schemes);
  }

  private static List<String> algorithmsOf(List<Challenge> sent) {
    return sent.stream()
        .filter(c -> c.hasScheme("Digest"))
        .map(c -> c.firstValue("algorithm").orElse("MD5"))
        .distinct()
        .toList();
  }

  /** Each challenge as a client would name its answer: {@code Basic}, {@code Digest SHA-256}. */
  private static List<String> describe(List<Challenge> sent) {
    return sent.stream()
        .map(c -> c.hasScheme("Digest")
            ? "Digest " + c.firstValue("algorithm").orElse("MD5")
            : c.scheme())
        .toList();
  }

  private static String first(List<String> values, String otherwise) {
    return values.isEmpty() ? otherwise : values.get(0);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** A request's destination, as realms match it. */
  private record HostAndPort(String host, int port) {

    static Optional<HostAndPort> of(ConversationStep step) {
      try {
        if (step.method().equals("CONNECT")) {
          URI uri = URI.create("//" + step.url());
          return uri.getHost() == null
              ? Optional.empty()
              : Optional.of(
                  new HostAndPort(bare(uri.getHost()), uri.getPort() < 0 ? 443 : uri.getPort()));
        }
        URI uri = URI.create(step.url());
        if (uri.getHost() == null) {
          return Optional.empty();
        }
        int port = uri.getPort() >= 0
            ? uri.getPort()
            : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return Optional.of(new HostAndPort(bare(uri.getHost()), port));
      } catch (IllegalArgumentException unreadable) {
        return Optional.empty();
      }
    }

    private static String bare(String host) {
      return host.startsWith("[") && host.endsWith("]")
          ? host.substring(1, host.length() - 1)
          : host;
    }

    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }
}
