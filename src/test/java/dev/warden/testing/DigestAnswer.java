package dev.warden.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Digest client for raw-socket tests: reads the parameters of one challenge and computes the
 * {@code Proxy-Authorization} answer with the JDK's MessageDigest directly, independently of
 * Warden's own Digest code. Every field can be overridden or dropped to build a faulty answer.
 */
public final class DigestAnswer {

  private static final Pattern PARAM =
      Pattern.compile("([A-Za-z0-9*-]+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,\\s]*)");

  private final Map<String, String> challenge;
  private final Map<String, String> fields = new LinkedHashMap<>();
  private final Map<String, Boolean> quoted = new LinkedHashMap<>();
  private String password;
  private String method = "GET";
  private String realmForHash;
  private String algorithm;
  private byte[] body;

  private DigestAnswer(Map<String, String> challenge) {
    this.challenge = challenge;
    this.algorithm = challenge.getOrDefault("algorithm", "MD5");
    this.realmForHash = challenge.get("realm");
  }

  /** Parameters of one {@code Digest ...} challenge value (a test parser, simple on purpose). */
  public static Map<String, String> params(String challengeValue) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(challengeValue.substring(challengeValue.indexOf(' ') + 1));
    while (m.find()) {
      String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
      out.put(m.group(1).toLowerCase(), value);
    }
    return out;
  }

  /** An answer to {@code challengeValue} as {@code user} with {@code password}. */
  public static DigestAnswer to(String challengeValue, String user, String password) {
    DigestAnswer answer = new DigestAnswer(params(challengeValue));
    answer.password = password;
    answer.set("username", user, true);
    answer.fields.put("#user", user);
    answer.set("realm", answer.challenge.get("realm"), true);
    answer.set("nonce", answer.challenge.get("nonce"), true);
    answer.set("uri", "/", true);
    answer.set("algorithm", answer.algorithm, false);
    answer.set("qop", "auth", false);
    answer.set("nc", "00000001", false);
    answer.set("cnonce", "0a4f113b", true);
    if (answer.challenge.containsKey("opaque")) {
      answer.set("opaque", answer.challenge.get("opaque"), true);
    }
    return answer;
  }

  public DigestAnswer set(String name, String value, boolean quote) {
    fields.put(name, value);
    quoted.put(name, quote);
    return this;
  }

  public DigestAnswer drop(String name) {
    fields.remove(name);
    return this;
  }

  public DigestAnswer uri(String value) {
    return set("uri", value, true);
  }

  public DigestAnswer nc(int value) {
    return set("nc", String.format("%08x", value), false);
  }

  /** The method the response is computed for (the request may use another, to test binding). */
  public DigestAnswer method(String value) {
    method = value;
    return this;
  }

  /** The realm H(A1) is computed with (the realm parameter stays as set). */
  public DigestAnswer hashRealm(String value) {
    realmForHash = value;
    return this;
  }

  public DigestAnswer algorithm(String value) {
    algorithm = value;
    return set("algorithm", value, false);
  }

  /** {@code userhash=true}, with the username replaced by H(user:realm). */
  public DigestAnswer userhash() {
    set("username", h(fields.get("#user") + ":" + realmForHash), true);
    set("userhash", "true", false);
    return this;
  }

  /** The field value: {@code Digest username="..", ..., response=".."}. */
  public String header() {
    String user = fields.get("#user");
    String ha1 = h(user + ":" + realmForHash + ":" + password);
    if (algorithm.toLowerCase().endsWith("-sess")) {
      ha1 = h(ha1 + ":" + fields.get("nonce") + ":" + fields.get("cnonce"));
    }
    String ha2 = body == null
        ? h(method + ":" + fields.get("uri"))
        : h(method + ":" + fields.get("uri") + ":" + hBytes(body));
    String response = h(ha1 + ":" + fields.get("nonce") + ":" + fields.get("nc") + ":"
        + fields.get("cnonce") + ":" + fields.get("qop") + ":" + ha2);
    StringBuilder out = new StringBuilder("Digest ");
    boolean first = true;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (field.getKey().startsWith("#")) {
        continue;
      }
      out.append(first ? "" : ", ").append(field.getKey()).append('=');
      out.append(quoted.get(field.getKey()) ? "\"" + field.getValue() + "\"" : field.getValue());
      first = false;
    }
    if (!fields.containsKey("#noresponse")) {
      out.append(", response=\"").append(response).append('"');
    }
    return out.toString();
  }

  /** {@code qop=auth-int}, the response covering {@code entityBody} (the request may send another). */
  public DigestAnswer authInt(byte[] entityBody) {
    body = entityBody.clone();
    return set("qop", "auth-int", false);
  }

  private String hBytes(byte[] bytes) {
    String base = algorithm.toUpperCase().replace("-SESS", "");
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance(base.equals("SHA-512-256") ? "SHA-512/256" : base)
              .digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Leaves the response parameter out. */
  public DigestAnswer withoutResponse() {
    fields.put("#noresponse", "");
    return this;
  }

  /** rspauth the proxy should send back for this answer. */
  public String expectedRspauth() {
    String user = fields.get("#user");
    String ha1 = h(user + ":" + realmForHash + ":" + password);
    if (algorithm.toLowerCase().endsWith("-sess")) {
      ha1 = h(ha1 + ":" + fields.get("nonce") + ":" + fields.get("cnonce"));
    }
    String ha2 = h(":" + fields.get("uri"));
    return h(ha1 + ":" + fields.get("nonce") + ":" + fields.get("nc") + ":" + fields.get("cnonce")
        + ":" + fields.get("qop") + ":" + ha2);
  }

  private String h(String text) {
    String base = algorithm.toUpperCase().replace("-SESS", "");
    String jdk = switch (base) {
      case "MD5" -> "MD5";
      case "SHA-256" -> "SHA-256";
      case "SHA-512-256" -> "SHA-512/256";
      default -> throw new IllegalArgumentException(base);
    };
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance(jdk).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
