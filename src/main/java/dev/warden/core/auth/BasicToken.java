package dev.warden.core.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads the part of a Basic Proxy-Authorization value after the scheme (RFC 7617 §2): exactly one
 * strict base64 token of UTF-8 {@code user ":" password}, split at the first colon because the
 * password may contain colons and the user-id may not. Stateless; any thread; never throws.
 */
final class BasicToken {

  /** What a token yields: credentials or the reason it is malformed. */
  sealed interface Result {}

  /**
   * Well-formed credentials. {@code password} is a fresh array owned by the receiver, who should wipe
   * it when done.
   */
  record Credentials(String user, char[] password, boolean latin1) implements Result {
    Credentials(String user, char[] password) {
      this(user, password, false);
    }

    @Override
    public String toString() {
      return "Credentials[" + user + ":***]";
    }
  }

  /** Malformed credentials; {@code detail} is short and holds no secret. */
  record Malformed(String detail) implements Result {}

  private BasicToken() {}

  /** Reads {@code token}, the credentials after {@code Basic} and its whitespace. */
  static Result read(String token) {
    if (token.isEmpty()) {
      return new Malformed("no token after scheme");
    }
    if (token.indexOf(' ') >= 0 || token.indexOf('\t') >= 0) {
      return new Malformed("more than one token after scheme");
    }
    String base64Problem = base64Problem(token);
    if (base64Problem != null) {
      return new Malformed(base64Problem);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return new Malformed("invalid base64");
    }
    try {
      // RFC 4648 §3.5: a canonical encoder leaves the pad bits zero ("YR==" is not "YQ==")
      if (!padBitsZero(token)) {
        return new Malformed("invalid base64");
      }
      return split(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Whether the bits of the last character that fall into padding are zero: with one {@code =} the
   * last two bits of the character before it, with two the last four. Arithmetic, not a re-encoding:
   * this runs on every request.
   */
  private static boolean padBitsZero(String token) {
    int end = token.length();
    int padding = 0;
    while (padding < 2 && end > 0 && token.charAt(end - 1) == '=') {
      end--;
      padding++;
    }
    if (padding == 0) {
      return true;
    }
    int last = sextet(token.charAt(end - 1));
    return (last & (padding == 1 ? 0x3 : 0xF)) == 0;
  }

  private static int sextet(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : 63;
  }

  private static Result split(byte[] bytes) {
    if (ascii(bytes)) {
      // the common case: every byte is one character, no decoder needed
      char[] text = new char[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        text[i] = (char) bytes[i];
      }
      try {
        return splitAtFirstColon(text);
      } finally {
        Arrays.fill(text, '\0');
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars;
    boolean latin1 = false;
    try {
      chars = decoder.decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      // JDK HttpClient and older browsers send ISO-8859-1 despite charset="UTF-8" (RFC 7617 §2.1
      // only asks them to): read it so, and let the outcome say the client ignored the charset.
      chars = StandardCharsets.ISO_8859_1.decode(ByteBuffer.wrap(bytes));
      latin1 = true;
    }
    char[] text = new char[chars.remaining()];
    chars.get(text);
    if (chars.hasArray()) {
      Arrays.fill(chars.array(), '\0');
    }
    try {
      Result result = splitAtFirstColon(text);
      if (latin1 && result instanceof Credentials c) {
        return new Credentials(c.user(), c.password(), true);
      }
      return result;
    } finally {
      Arrays.fill(text, '\0');
    }
  }

  private static Result splitAtFirstColon(char[] text) {
    int colon = -1;
    for (int i = 0; i < text.length; i++) {
      if (text[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon < 0) {
      return new Malformed("no colon between user and password");
    }
    if (colon == 0) {
      return new Malformed("empty user name");
    }
    for (int i = 0; i < text.length; i++) {
      // Character.CONTROL is C0, DEL and C1: RFC 7617 forbids CTLs, and PRECIS (RFC 8265) C1 too
      if (Character.getType(text[i]) == Character.CONTROL) {
        return new Malformed("control character in credentials");
      }
    }
    return new Credentials(
        new String(text, 0, colon), Arrays.copyOfRange(text, colon + 1, text.length));
  }

  private static boolean ascii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Alphabet and padding checks (RFC 4648 §4), which Java's decoder is lenient about. */
  private static String base64Problem(String token) {
    int padding = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '=') {
        padding++;
      } else if (padding > 0) {
        return "bad base64 padding";
      } else if (!((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '+'
          || c == '/')) {
        return "invalid base64";
      }
    }
    if (padding > 2 || token.length() % 4 != 0) {
      return "bad base64 padding";
    }
    return null;
  }
}
