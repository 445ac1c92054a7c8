package dev.warden.core.auth.ntlm;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The little of SPNEGO (RFC 4178) that {@code Negotiate} with NTLM needs: find the NTLM message in a
 * client's NegTokenInit (inside a GSS InitialContextToken) or NegTokenResp, and wrap Warden's Type 2
 * in a NegTokenResp. Kerberos tokens are recognised and named, never processed: Warden does not
 * emulate a KDC. A DER reader with bounds checks; pure functions, any thread.
 */
public final class Spnego {

  /** 1.3.6.1.5.5.2, SPNEGO. */
  private static final byte[] SPNEGO_OID = HexFormat.of().parseHex("2b0601050502");
  /** 1.3.6.1.4.1.311.2.2.10, NTLMSSP. */
  private static final byte[] NTLMSSP_OID = HexFormat.of().parseHex("2b06010401823702020a");
  /** 1.2.840.113554.1.2.2, Kerberos 5. */
  private static final byte[] KRB5_OID = HexFormat.of().parseHex("2a864886f712010202");
  /** 1.2.840.48018.1.2.2, Microsoft's Kerberos 5. */
  private static final byte[] MS_KRB5_OID = HexFormat.of().parseHex("2a864882f712010202");

  private Spnego() {}

  /** What a Negotiate token carries. */
  public sealed interface Content {}

  /** An NTLM message, raw or from a SPNEGO token. */
  public record Ntlm(byte[] message, boolean wrapped) implements Content {}

  /** A Kerberos token (or a SPNEGO offer of Kerberos alone); {@code what} names it for the record. */
  public record Kerberos(String what) implements Content {}

  /** Reads a Negotiate token: a raw NTLM message, a SPNEGO NegTokenInit or NegTokenResp. */
  public static Content read(byte[] token) throws NtlmMessageException {
    if (MessageBytes.typeOf(token) > 0) {
      return new Ntlm(token, false);
    }
    if (token.length == 0) {
      throw new NtlmMessageException("empty Negotiate token");
    }
    Der outer = Der.read(token, 0, token.length);
    if (outer.tag() == 0x60) {
      Der oid = Der.read(token, outer.start(), outer.end());
      if (oid.tag() != 0x06) {
        throw new NtlmMessageException("GSS token without a mechanism OID");
      }
      if (oid.is(token, KRB5_OID) || oid.is(token, MS_KRB5_OID)) {
        return new Kerberos("a raw Kerberos AP-REQ");
      }
      if (!oid.is(token, SPNEGO_OID)) {
        throw new NtlmMessageException("GSS token of an unknown mechanism");
      }
      Der init = Der.read(token, oid.end(), outer.end());
      return negTokenInit(token, init);
    }
    if (outer.tag() == 0xa1) {
      Der sequence = Der.read(token, outer.start(), outer.end());
      return responseToken(token, sequence);
    }
    throw new NtlmMessageException("neither NTLM nor SPNEGO");
  }

  private static Content negTokenInit(byte[] token, Der init) throws NtlmMessageException {
    if (init.tag() != 0xa0) {
      throw new NtlmMessageException("SPNEGO token is not a NegTokenInit");
    }
    Der sequence = Der.read(token, init.start(), init.end());
    boolean offersNtlm = false;
    boolean offersKerberos = false;
    byte[] mechToken = null;
    for (int at = sequence.start(); at < sequence.end(); ) {
      Der field = Der.read(token, at, sequence.end());
      if (field.tag() == 0xa0) {
        Der list = Der.read(token, field.start(), field.end());
        for (int m = list.start(); m < list.end(); ) {
          Der mech = Der.read(token, m, list.end());
          offersNtlm |= mech.is(token, NTLMSSP_OID);
          offersKerberos |= mech.is(token, KRB5_OID) || mech.is(token, MS_KRB5_OID);
          m = mech.end();
        }
      } else if (field.tag() == 0xa2) {
        Der octets = Der.read(token, field.start(), field.end());
        mechToken = Arrays.copyOfRange(token, octets.start(), octets.end());
      }
      at = field.end();
    }
    if (mechToken != null && MessageBytes.typeOf(mechToken) > 0) {
      return new Ntlm(mechToken, true);
    }
    if (offersKerberos && !offersNtlm) {
      return new Kerberos("a SPNEGO offer of Kerberos only");
    }
    if (mechToken != null && offersKerberos) {
      return new Kerberos("a SPNEGO token whose first mechanism is Kerberos");
    }
    throw new NtlmMessageException("SPNEGO NegTokenInit without an NTLM message");
  }

  private static Content responseToken(byte[] token, Der sequence) throws NtlmMessageException {
    for (int at = sequence.start(); at < sequence.end(); ) {
      Der field = Der.read(token, at, sequence.end());
      if (field.tag() == 0xa2) {
        Der octets = Der.read(token, field.start(), field.end());
        byte[] inner = Arrays.copyOfRange(token, octets.start(), octets.end());
        if (MessageBytes.typeOf(inner) > 0) {
          return new Ntlm(inner, true);
        }
        throw new NtlmMessageException("SPNEGO NegTokenResp whose token is not NTLM");
      }
      at = field.end();
    }
    throw new NtlmMessageException("SPNEGO NegTokenResp without a response token");
  }

  /**
   * A NegTokenResp with negState accept-incomplete, supportedMech NTLMSSP and {@code message} as its
   * responseToken: how a Type 2 travels to a client that spoke SPNEGO.
   */
  public static byte[] incomplete(byte[] message) {
    byte[] negState = tlv(0xa0, tlv(0x0a, new byte[] {1}));
    byte[] mech = tlv(0xa1, tlv(0x06, NTLMSSP_OID));
    byte[] response = tlv(0xa2, tlv(0x04, message));
    ByteArrayOutputStream fields = new ByteArrayOutputStream();
    fields.writeBytes(negState);
    fields.writeBytes(mech);
    fields.writeBytes(response);
    return tlv(0xa1, tlv(0x30, fields.toByteArray()));
  }

  /**
   * A client's first SPNEGO token offering {@code mechs} with {@code mechToken} (tests play the client
   * with it): InitialContextToken(SPNEGO, NegTokenInit).
   */
  public static byte[] initialToken(byte[] mechToken, byte[]... mechs) {
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    for (byte[] mech : mechs) {
      list.writeBytes(tlv(0x06, mech));
    }
    ByteArrayOutputStream fields = new ByteArrayOutputStream();
    fields.writeBytes(tlv(0xa0, tlv(0x30, list.toByteArray())));
    fields.writeBytes(tlv(0xa2, tlv(0x04, mechToken)));
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    inner.writeBytes(tlv(0x06, SPNEGO_OID));
    inner.writeBytes(tlv(0xa0, tlv(0x30, fields.toByteArray())));
    return tlv(0x60, inner.toByteArray());
  }

  /** A client's NegTokenResp carrying {@code message} (tests play the client with it). */
  public static byte[] responseToken(byte[] message) {
    return tlv(0xa1, tlv(0x30, tlv(0xa2, tlv(0x04, message))));
  }

  /** The NTLMSSP OID, a fresh copy each call: for tests that offer NTLM. */
  public static byte[] ntlmOid() {
    return NTLMSSP_OID.clone();
  }

  /** The Kerberos 5 OID, for tests that offer it. */
  public static byte[] kerberosOid() {
    return KRB5_OID.clone();
  }

  /** The NTLM message inside a NegTokenResp Warden wrote (tests play the client with it). */
  public static byte[] unwrapResponse(byte[] token) throws NtlmMessageException {
    Content content = read(token);
    if (content instanceof Ntlm ntlm) {
      return ntlm.message();
    }
    throw new NtlmMessageException("no NTLM message");
  }

  static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >>> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >>> 16);
      out.write(length >>> 8);
      out.write(length);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  /** One DER element: its tag and where its value lies in the token. */
  private record Der(int tag, int start, int end) {

    /** The element at {@code at}, whose value must end by {@code limit}. */
    static Der read(byte[] token, int at, int limit) throws NtlmMessageException {
      if (at + 2 > limit) {
        throw new NtlmMessageException("SPNEGO token cut short");
      }
      int tag = token[at] & 0xff;
      int first = token[at + 1] & 0xff;
      int start = at + 2;
      long length;
      if (first < 0x80) {
        length = first;
      } else {
        int count = first & 0x7f;
        if (count == 0 || count > 3 || start + count > limit) {
          throw new NtlmMessageException("SPNEGO token with a length Warden does not read");
        }
        length = 0;
        for (int i = 0; i < count; i++) {
          length = length << 8 | (token[start + i] & 0xff);
        }
        start += count;
      }
      if (start + length > limit) {
        throw new NtlmMessageException("SPNEGO element runs past its container");
      }
      return new Der(tag, start, (int) (start + length));
    }

    boolean is(byte[] token, byte[] oid) {
      return tag == 0x06 && Arrays.equals(token, start, end, oid, 0, oid.length);
    }
  }
}
