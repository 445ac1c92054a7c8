package dev.warden.core.auth;

import dev.warden.core.auth.header.AuthHeaderParser;
import dev.warden.core.auth.header.AuthParam;
import dev.warden.core.auth.header.Credentials;
import dev.warden.core.auth.header.CredentialsSink;
import dev.warden.core.auth.header.ParseResult;
import java.util.Optional;

/**
 * The parameters of one Digest credentials that RFC 7616 §3.4 defines, read in one pass: each value
 * (the first one given) and which of them were given more than once. Parameters of other names are
 * ignored, as the RFC asks.
 *
 * <p>Why not look each name up in {@link Credentials}: a Digest check needs some thirty look-ups
 * and duplicate counts, each a walk of every parameter, on every authenticated request.
 *
 * <p>Confined to the thread that judges the request.
 */
final class DigestFields implements CredentialsSink<DigestFields> {

  /** The names, in the order the duplicate check reports them. */
  enum Name {
    USERNAME("username"),
    USERNAME_EXT("username*"),
    REALM("realm"),
    NONCE("nonce"),
    URI("uri"),
    RESPONSE("response"),
    ALGORITHM("algorithm"),
    QOP("qop"),
    NC("nc"),
    CNONCE("cnonce"),
    OPAQUE("opaque"),
    USERHASH("userhash");

    private static final Name[] ALL = values();

    private final String wire;

    Name(String wire) {
      this.wire = wire;
    }

    /** The name as RFC 7616 spells it. */
    String wire() {
      return wire;
    }

    /** The name {@code text} is, ignoring ASCII case (names are tokens), or null for another. */
    static Name of(String text) {
      // by length, then one comparison as clients spell it: every request has about ten
      // parameters, and a map lookup hashed each fresh name string (a profile showed it per
      // request)
      Name candidate = switch (text.length()) {
        case 2 -> NC;
        case 3 -> text.charAt(0) == 'q' ? QOP : URI;
        case 5 -> text.charAt(0) == 'r' ? REALM : NONCE;
        case 6 -> text.charAt(0) == 'c' ? CNONCE : OPAQUE;
        case 8 -> text.charAt(0) == 'r' ? RESPONSE : text.charAt(4) == 'n' ? USERNAME : USERHASH;
        case 9 -> text.charAt(0) == 'a' ? ALGORITHM : USERNAME_EXT;
        default -> null;
      };
      if (candidate != null && candidate.wire.equals(text)) {
        return candidate;
      }
      for (Name name : ALL) {
        if (name.wire.equalsIgnoreCase(text)) {
          return name;
        }
      }
      return null;
    }
  }

  private final String[] values = new String[Name.ALL.length];
  private final byte[] counts = new byte[Name.ALL.length];

  private boolean token68;

  private DigestFields() {}

  /**
   * Reads a whole {@code Proxy-Authorization} field value ({@code Digest username=...}) with the
   * project's one parser, keeping only the parameters RFC 7616 defines: the parser's failure, or the
   * fields.
   */
  static ParseResult<DigestFields> read(String fieldValue) {
    return AuthHeaderParser.parseCredentials(fieldValue, new DigestFields());
  }

  /** The fields of {@code credentials}' parameters. */
  static DigestFields of(Credentials credentials) {
    DigestFields fields = new DigestFields();
    for (AuthParam param : credentials.params()) {
      fields.param(param.name(), param.value(), param.quoted());
    }
    fields.token68 = credentials.hasToken68();
    return fields;
  }

  @Override
  public DigestFields token68(String scheme, String token68) {
    this.token68 = true;
    return this;
  }

  @Override
  public void param(String name, String value, boolean quoted) {
    Name known = Name.of(name);
    if (known == null) {
      return;
    }
    int i = known.ordinal();
    if (counts[i] == 0) {
      values[i] = value;
      counts[i] = 1;
    } else {
      counts[i] = 2; // only "more than once" matters
    }
  }

  @Override
  public DigestFields params(String scheme) {
    return this;
  }

  /** Whether the credentials were a token68 rather than parameters: none of the fields is given. */
  boolean hasToken68() {
    return token68;
  }

  /** The first value given for {@code name}, or null when it was not given. */
  String value(Name name) {
    return values[name.ordinal()];
  }

  /** The first value given for {@code name}, or {@code orElse} when it was not given. */
  String value(Name name, String orElse) {
    String value = values[name.ordinal()];
    return value == null ? orElse : value;
  }

  /** Whether {@code name} was given, with any value, even empty. */
  boolean has(Name name) {
    return values[name.ordinal()] != null;
  }

  /** Whether {@code userhash=true} (any ASCII case) was given. */
  boolean userhash() {
    return "true".equalsIgnoreCase(values[Name.USERHASH.ordinal()]);
  }

  /** The first name, in {@link Name} order, given more than once. */
  Optional<Name> duplicate() {
    for (Name name : Name.ALL) {
      if (counts[name.ordinal()] > 1) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the Digest {@code uri} names the request's target: the target exactly as sent, or, for
   * an absolute-form target, its origin form (path and query), which curl and browsers send.
   */
  static boolean namesTarget(String uri, AuthRequest request) {
    String target = request.target();
    if (uri.equals(target)) {
      return true;
    }
    if ("CONNECT".equals(request.method())) {
      return false;
    }
    // the target was parsed and checked by the stage already: absolute-form, no fragment
    int scheme = target.indexOf("://");
    if (scheme < 0) {
      return false;
    }
    int authorityEnd = scheme + 3;
    while (authorityEnd < target.length()
        && target.charAt(authorityEnd) != '/'
        && target.charAt(authorityEnd) != '?') {
      authorityEnd++;
    }
    String rest = target.substring(authorityEnd);
    String origin = rest.isEmpty() || rest.charAt(0) == '?' ? "/" + rest : rest;
    return uri.equals(origin);
  }

  /** The value of an {@code nc} of exactly 8 hex digits (RFC 7616 §3.4), or -1 for anything else. */
  static long nonceCount(String nc) {
    if (nc.length() != 8) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < 8; i++) {
      int digit = Character.digit(nc.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
