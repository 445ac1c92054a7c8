package dev.warden.core.har;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.auth.ChallengeReason;
import dev.warden.core.auth.ReceivedCredentials;
import dev.warden.core.auth.header.AuthHeaderParser;
import dev.warden.core.auth.header.AuthHeaderWriter;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.auth.header.ParseResult;
import dev.warden.core.traffic.ExchangeError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code _warden} object of a HAR entry: what Warden knows of an exchange beyond HTTP (its auth
 * outcome with reason and realm, the challenges sent, what was read from the credentials, the
 * connection, the failure), written and read back. Pure functions; any thread. Never holds a secret:
 * the values it reads were recorded without one.
 */
final class WardenFields {

  static final String KEY = "_warden";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private WardenFields() {}

  /** The outcome as flat fields: outcome, label, description and the variant's own fields. */
  static void writeOutcome(ObjectNode out, AuthOutcome auth) {
    out.put("outcome", outcomeName(auth));
    out.put("label", auth.label());
    out.put("description", auth.describe());
    if (auth instanceof AuthOutcome.Authenticated a) {
      out.put("scheme", a.scheme()).put("user", a.user()).put("realm", a.realm());
      if (!a.note().isEmpty()) {
        out.put("note", a.note());
      }
    } else if (auth instanceof AuthOutcome.Challenged c) {
      out.put("reason", kebab(c.reason().name())).put("reasonText", c.reason().label());
      out.put("realm", c.realm()).put("scheme", c.scheme()).put("user", c.user());
      if (!c.detail().isEmpty()) {
        out.put("detail", c.detail());
      }
    } else if (auth instanceof AuthOutcome.PortRefused p) {
      out.put("realm", p.realm()).put("port", p.port()).put("user", p.user());
      ArrayNode allowed = out.putArray("allowedPorts");
      p.allowed().forEach(allowed::add);
    } else if (auth instanceof AuthOutcome.Unjudged u) {
      out.put("detail", u.why());
    } else if (auth instanceof AuthOutcome.NotJudged n) {
      out.put("detail", n.source());
    }
  }

  /** The outcome written by {@link #writeOutcome}; empty when the fields are not Warden's. */
  static Optional<AuthOutcome> readOutcome(JsonNode in) {
    String realm = text(in, "realm");
    String user = text(in, "user");
    String scheme = text(in, "scheme");
    String detail = text(in, "detail");
    try {
      return Optional.ofNullable(
          switch (text(in, "outcome")) {
            case "not-required" -> new AuthOutcome.NotRequired();
            case "authenticated" ->
              new AuthOutcome.Authenticated(scheme, user, realm, text(in, "note"));
            case "challenged" ->
              new AuthOutcome.Challenged(
                  ChallengeReason.valueOf(
                      text(in, "reason").toUpperCase(Locale.ROOT).replace('-', '_')),
                  detail,
                  realm,
                  scheme,
                  user);
            case "connect-port-refused" ->
              new AuthOutcome.PortRefused(
                  realm, in.path("port").asInt(), ints(in.path("allowedPorts")), user);
            case "refused" -> new AuthOutcome.Unjudged(detail);
            case "imported" -> new AuthOutcome.NotJudged(detail);
            default -> null;
          });
    } catch (IllegalArgumentException unknownReason) {
      return Optional.empty();
    }
  }

  static ObjectNode error(ExchangeError error) {
    return JSON.objectNode()
        .put("kind", kebab(error.kind().name()))
        .put("label", error.kind().label())
        .put("detail", error.detail());
  }

  static Optional<ExchangeError> readError(JsonNode in) {
    if (!in.isObject()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ExchangeError(
          ExchangeError.Kind.valueOf(text(in, "kind").toUpperCase(Locale.ROOT).replace('-', '_')),
          text(in, "detail")));
    } catch (IllegalArgumentException unknownKind) {
      return Optional.empty();
    }
  }

  /** Each challenge as it went on the wire, one Proxy-Authenticate value each. */
  static ArrayNode challenges(List<Challenge> challenges) {
    ArrayNode out = JSON.arrayNode();
    challenges.forEach(c -> out.add(AuthHeaderWriter.write(c)));
    return out;
  }

  static List<Challenge> readChallenges(JsonNode in) {
    List<Challenge> out = new ArrayList<>();
    for (JsonNode value : in) {
      if (AuthHeaderParser.parseChallenges(value.asText())
          instanceof ParseResult.Parsed<List<Challenge>> p) {
        out.addAll(p.value());
      }
    }
    return out;
  }

  static ObjectNode received(ReceivedCredentials received) {
    ObjectNode out = JSON.objectNode();
    if (received instanceof ReceivedCredentials.SchemeAndUser s) {
      out.put("type", "scheme-and-user").put("scheme", s.scheme()).put("user", s.user());
    } else if (received instanceof ReceivedCredentials.DigestParams d) {
      out.put("type", "digest")
          .put("username", d.username())
          .put("userhash", d.userhash())
          .put("realm", d.realm())
          .put("nonce", d.nonce())
          .put("nc", d.nc())
          .put("cnonce", d.cnonce())
          .put("qop", d.qop())
          .put("algorithm", d.algorithm())
          .put("uri", d.uri())
          .put("opaquePresent", d.opaquePresent());
      if (d.nonceAge() != null) {
        out.put("nonceAgeMs", d.nonceAge().toMillis());
      }
    } else {
      out.put("type", "none");
    }
    return out;
  }

  static ReceivedCredentials readReceived(JsonNode in) {
    return switch (text(in, "type")) {
      case "scheme-and-user" ->
        new ReceivedCredentials.SchemeAndUser(text(in, "scheme"), text(in, "user"));
      case "digest" ->
        new ReceivedCredentials.DigestParams(
            text(in, "username"),
            in.path("userhash").asBoolean(),
            text(in, "realm"),
            text(in, "nonce"),
            in.has("nonceAgeMs") ? Duration.ofMillis(in.path("nonceAgeMs").asLong()) : null,
            text(in, "nc"),
            text(in, "cnonce"),
            text(in, "qop"),
            text(in, "algorithm"),
            text(in, "uri"),
            in.path("opaquePresent").asBoolean());
      default -> ReceivedCredentials.NONE;
    };
  }

  private static String outcomeName(AuthOutcome auth) {
    if (auth instanceof AuthOutcome.PortRefused) {
      return "connect-port-refused";
    }
    if (auth instanceof AuthOutcome.Challenged) {
      return "challenged";
    }
    return auth.label();
  }

  private static String kebab(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asInt()));
    return out;
  }

  /** A text field, or empty when absent or not text. */
  static String text(JsonNode in, String field) {
    JsonNode value = in.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : "";
  }
}
