package dev.warden.core.engine;

import dev.warden.core.auth.AuthDecision;
import dev.warden.core.auth.ResponseField;
import dev.warden.core.auth.header.AuthHeaderWriter;
import dev.warden.core.auth.header.AuthParam;
import dev.warden.core.auth.header.Challenge;
import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.RealmFaults;
import dev.warden.core.traffic.Header;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A refusal as the realm's fault knobs shape it on the wire: version, status (401 with
 * {@code WWW-Authenticate}, 403), body, fields and their order, the challenges (left out, reordered,
 * comma-joined, another realm text), framing (close-delimited), the connection after it and a delay.
 * Without wire knobs it is exactly {@link StageResponse#refusal}. Stateless; any thread.
 */
final class ChallengeShape {

  /** The knobs that act here, on the refusal's bytes; the others act on the decision. */
  static final Set<FaultKnob> WIRE = EnumSet.of(
      FaultKnob.CONNECTION,
      FaultKnob.VERSION,
      FaultKnob.STATUS,
      FaultKnob.BODY,
      FaultKnob.HEADER,
      FaultKnob.HEADER_ORDER,
      FaultKnob.CHALLENGE,
      FaultKnob.SCHEME_ORDER,
      FaultKnob.JOIN_CHALLENGES,
      FaultKnob.REALM,
      FaultKnob.PLAIN_CHALLENGES,
      FaultKnob.DELAY);

  private static final Map<String, byte[]> PAGES = new LinkedHashMap<>();

  static {
    for (String name : List.of("squid", "tinyproxy", "mitmproxy")) {
      try (InputStream in = ChallengeShape.class.getResourceAsStream("pages/" + name + ".html")) {
        PAGES.put(name, in.readAllBytes());
      } catch (IOException | NullPointerException e) {
        throw new IllegalStateException("page " + name + " missing from the build", e);
      }
    }
  }

  /**
   * A refusal ready to write.
   *
   * @param response what goes on the wire (non-ASCII header text as its UTF-8 bytes)
   * @param close the connection is closed after it
   * @param delay how long to wait before writing it
   * @param recordedHeaders its fields as the record shows them (Unicode text)
   * @param challenges the challenges it carries, as sent
   * @param applied the knobs that shaped it and the decision, {@code knob=value} each
   */
  record Shaped(
      FullHttpResponse response,
      boolean close,
      Duration delay,
      List<Header> recordedHeaders,
      List<Challenge> challenges,
      List<String> applied) {}

  private ChallengeShape() {}

  static Shaped refusal(HttpRequest request, AuthDecision decision, boolean closeAfterChallenge) {
    FullHttpResponse plain = StageResponse.refusal(request, decision, closeAfterChallenge);
    RealmFaults knobs = decision.faults().knobs();
    List<String> applied = new ArrayList<>(decision.faults().applied());
    // any() first: one record comparison, where each knob's check formats its values
    if (!knobs.any() || !anyWireKnob(knobs)) {
      return new Shaped(
          plain,
          !HttpUtil.isKeepAlive(plain),
          Duration.ZERO,
          HeaderCopy.of(plain.headers()),
          decision.sent(),
          applied);
    }
    int code = decision.status();
    boolean credentialsSent = !decision.redactedCredentials().isEmpty();
    if (code == 407
        && credentialsSent
        && !decision.continues()
        && knobs.credentialsStatus() != 407) {
      code = knobs.credentialsStatus();
      applied.add("status=" + code);
    }
    for (FaultKnob knob : WIRE) {
      if (knob != FaultKnob.STATUS && knob.isSet(knobs)) {
        knob.values(knobs).forEach(v -> applied.add(knob.knob() + "=" + v));
      }
    }
    boolean keepAlive = HttpUtil.isKeepAlive(plain) && "keep".equals(knobs.connection());
    boolean byLength = !"close-delimited".equals(knobs.connection());
    boolean head = HttpMethod.HEAD.equals(request.method());
    byte[] page = body(knobs.body(), code, plain);
    String type = switch (knobs.body()) {
      case "none" -> null;
      case "short" -> "text/plain; charset=utf-8";
      case "squid" -> "text/html;charset=utf-8";
      case "tinyproxy" -> "text/html";
      case "mitmproxy" -> null;
      default -> "text/html; charset=utf-8";
    };
    List<Challenge> challenges =
        code == 403 || knobs.omitChallenge() ? List.of() : challenges(decision, knobs);
    String challengeField = code == 401 ? "WWW-Authenticate" : "Proxy-Authenticate";
    List<String> challengeValues = knobs.joinChallenges() && !challenges.isEmpty()
        ? List.of(AuthHeaderWriter.writeChallenges(challenges))
        : challenges.stream().map(AuthHeaderWriter::write).toList();
    boolean http10Request = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
    boolean http10 = "1.0".equals(knobs.httpVersion());

    // Warden's own fields, by lower-case name; each spelled as the order spells it
    Map<String, List<String>> generated = new LinkedHashMap<>();
    if (type != null) {
      generated.put("content-type", List.of(type));
    }
    if (byLength) {
      generated.put("content-length", List.of(Integer.toString(page.length)));
    }
    generated.put("cache-control", List.of("no-store"));
    generated.put("date", List.of(DateField.now()));
    String connection = !keepAlive ? "close" : http10 || http10Request ? "keep-alive" : null;
    if (connection != null) {
      generated.put("connection", List.of(connection));
    }
    List<Header> fields = new ArrayList<>();
    if (knobs.headerOrder().isEmpty()) {
      generated.forEach(
          (name, values) -> values.forEach(v -> fields.add(new Header(spelled(name), v))));
      extras(knobs, decision).forEach(fields::add);
      challengeValues.forEach(v -> fields.add(new Header(challengeField, v)));
    } else {
      List<Header> extras = extras(knobs, decision);
      boolean challengesOut = false;
      boolean lengthOut = false;
      for (String name : knobs.headerOrder()) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("proxy-authenticate") || lower.equals("www-authenticate")) {
          String spelled = code == 401
              ? "WWW-Authenticate"
              : lower.equals("www-authenticate") ? "Proxy-Authenticate" : name;
          challengeValues.forEach(v -> fields.add(new Header(spelled, v)));
          challengesOut = true;
        } else if (lower.equals("connection")) {
          fields.add(new Header(name, keepAlive ? "keep-alive" : "close"));
        } else if (generated.containsKey(lower)) {
          generated.get(lower).forEach(v -> fields.add(new Header(name, v)));
          lengthOut |= lower.equals("content-length");
        }
        extras.removeIf(h -> {
          if (h.name().equalsIgnoreCase(name)) {
            fields.add(h);
            return true;
          }
          return false;
        });
      }
      if (byLength && !lengthOut) {
        fields.add(new Header("Content-Length", Integer.toString(page.length)));
      }
      fields.addAll(extras);
      if (!challengesOut) {
        challengeValues.forEach(v -> fields.add(new Header(challengeField, v)));
      }
    }
    FullHttpResponse response = new DefaultFullHttpResponse(
        http10 ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1,
        new HttpResponseStatus(code, reason(code, plain)),
        head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(page));
    for (Header field : fields) {
      response.headers().add(field.name(), wire(field.value()));
    }
    plain.release();
    return new Shaped(response, !keepAlive, knobs.delay(), fields, challenges, applied);
  }

  private static boolean anyWireKnob(RealmFaults knobs) {
    for (FaultKnob knob : WIRE) {
      if (knob.isSet(knobs)) {
        return true;
      }
    }
    return false;
  }

  private static List<Header> extras(RealmFaults knobs, AuthDecision decision) {
    List<Header> out = new ArrayList<>();
    for (ResponseField field : decision.fields()) {
      out.add(new Header(field.name(), field.value()));
    }
    if (decision.status() == 503) {
      out.add(new Header("Retry-After", "1"));
    }
    for (String line : knobs.extraHeaders()) {
      int colon = line.indexOf(':');
      out.add(
          new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
    }
    return out;
  }

  /** The decision's challenges, with the realm text replaced and the knob's schemes first. */
  private static List<Challenge> challenges(AuthDecision decision, RealmFaults knobs) {
    List<Challenge> out = new ArrayList<>();
    boolean digestSent = false;
    for (Challenge sent : decision.sent()) {
      Challenge challenge = sent;
      if (knobs.plainChallenges()
          && (sent.scheme().equalsIgnoreCase("Basic")
              || sent.scheme().equalsIgnoreCase("Digest"))) {
        boolean digest = sent.scheme().equalsIgnoreCase("Digest");
        if (digest && digestSent) {
          continue;
        }
        digestSent |= digest;
        challenge = plain(sent, digest);
      }
      if (knobs.challengeRealm().isEmpty() || challenge.hasToken68()) {
        out.add(challenge);
        continue;
      }
      List<AuthParam> params = new ArrayList<>();
      for (AuthParam param : challenge.params()) {
        params.add(
            param.hasName("realm") ? AuthParam.quoted("realm", knobs.challengeRealm()) : param);
      }
      out.add(Challenge.withParams(challenge.scheme(), params));
    }
    List<String> order = knobs.challengeOrder();
    out.sort(Comparator.comparingInt(c -> {
      int at = order.indexOf(c.scheme().toLowerCase(Locale.ROOT));
      return at < 0 ? order.size() : at;
    }));
    return out;
  }

  /** Basic with its realm alone; Digest with realm, nonce, qop="auth" and stale, in Squid's order. */
  private static Challenge plain(Challenge challenge, boolean digest) {
    List<AuthParam> params = new ArrayList<>();
    challenge.params().stream().filter(p -> p.hasName("realm")).findFirst().ifPresent(params::add);
    if (digest) {
      challenge.params().stream()
          .filter(p -> p.hasName("nonce"))
          .findFirst()
          .ifPresent(params::add);
      params.add(AuthParam.quoted("qop", "auth"));
      boolean stale = challenge.params().stream()
          .anyMatch(p -> p.hasName("stale") && p.value().equals("true"));
      params.add(AuthParam.of("stale", stale ? "true" : "false"));
    }
    return Challenge.withParams(challenge.scheme(), params);
  }

  private static byte[] body(String body, int code, FullHttpResponse plain) {
    return switch (body) {
      case "none" -> new byte[0];
      case "short" -> (code + " " + reason(code, plain) + "\n").getBytes(StandardCharsets.UTF_8);
      case "warden" ->
        code == plain.status().code()
            ? bytes(plain)
            : StageResponse.page(
                code + " " + reason(code, plain),
                "This proxy (Warden) refused the credentials it was sent.");
      default -> PAGES.get(body).clone();
    };
  }

  private static byte[] bytes(FullHttpResponse plain) {
    byte[] out = new byte[plain.content().readableBytes()];
    plain.content().getBytes(plain.content().readerIndex(), out);
    return out;
  }

  private static String reason(int code, FullHttpResponse plain) {
    return switch (code) {
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 407 -> "Proxy Authentication Required";
      default -> plain.status().reasonPhrase();
    };
  }

  private static String spelled(String lower) {
    return switch (lower) {
      case "content-type" -> "Content-Type";
      case "content-length" -> "Content-Length";
      case "cache-control" -> "Cache-Control";
      case "date" -> "Date";
      default -> "Connection";
    };
  }

  /**
   * Text as Netty writes it: one byte per char, so a non-ASCII value goes out as its UTF-8 bytes
   * (a realm with non-ASCII letters), as real proxies send it.
   */
  private static String wire(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7e) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      }
    }
    return value;
  }
}
