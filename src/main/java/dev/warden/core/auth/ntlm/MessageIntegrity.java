package dev.warden.core.auth.ntlm;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The MIC of an AUTHENTICATE_MESSAGE (MS-NLMP §3.1.5.1.2, §3.2.5.1.2): HMAC-MD5 keyed with the
 * ExportedSessionKey over the three messages as they travelled, the Type 3 with its MIC field
 * zeroed. A client announces it with bit 0x2 of MsvAvFlags in its NTLMv2 blob; it then sits at
 * offset 72 of the Type 3, after the Version field. Pure functions; any thread; never blocks.
 */
public final class MessageIntegrity {

  /** Where the MIC sits in a Type 3, and its length. */
  public static final int OFFSET = 72;

  public static final int LENGTH = 16;
  /** MsvAvFlags bit: the client provides a MIC. */
  public static final int AV_FLAG_MIC = 0x2;

  private MessageIntegrity() {}

  /** Whether the NTLMv2 blob's AV pairs announce a MIC (MsvAvFlags bit 0x2). */
  public static boolean announced(TargetInfo blobPairs) {
    for (TargetInfo.Pair pair : blobPairs.pairs()) {
      if (pair.id() == TargetInfo.FLAGS && pair.value().length >= 4) {
        return (pair.value()[0] & AV_FLAG_MIC) != 0;
      }
    }
    return false;
  }

  /**
   * The ExportedSessionKey: with KEY_EXCH, the client's EncryptedRandomSessionKey RC4-decrypted with
   * the KeyExchangeKey; else the KeyExchangeKey itself (for NTLMv2 that is the SessionBaseKey).
   */
  public static byte[] exportedSessionKey(
      byte[] keyExchangeKey, int flags, byte[] encryptedRandomSessionKey) {
    if ((flags & NtlmFlags.KEY_EXCH) == 0 || encryptedRandomSessionKey.length != 16) {
      return keyExchangeKey.clone();
    }
    return NtlmCiphers.rc4(keyExchangeKey, encryptedRandomSessionKey);
  }

  /** HMAC-MD5(key, Type 1 ‖ Type 2 ‖ Type 3 with its MIC zeroed); the Type 3 must have the MIC field. */
  public static byte[] mic(byte[] exportedSessionKey, byte[] type1, byte[] type2, byte[] type3) {
    byte[] zeroed = type3.clone();
    Arrays.fill(zeroed, OFFSET, OFFSET + LENGTH, (byte) 0);
    byte[] all = new byte[type1.length + type2.length + zeroed.length];
    System.arraycopy(type1, 0, all, 0, type1.length);
    System.arraycopy(type2, 0, all, type1.length, type2.length);
    System.arraycopy(zeroed, 0, all, type1.length + type2.length, zeroed.length);
    return NtlmV2.hmacMd5(exportedSessionKey, all);
  }

  /** Whether {@code type3} has room for a MIC: its payload starts at or after the MIC field's end. */
  public static boolean hasRoom(byte[] type3) {
    if (type3.length < OFFSET + LENGTH) {
      return false;
    }
    for (int at : new int[] {12, 20, 28, 36, 44, 52}) {
      int length = (type3[at] & 0xff) | (type3[at + 1] & 0xff) << 8;
      long offset = (type3[at + 4] & 0xffL)
          | (type3[at + 5] & 0xffL) << 8
          | (type3[at + 6] & 0xffL) << 16
          | (type3[at + 7] & 0xffL) << 24;
      if (length > 0 && offset < OFFSET + LENGTH) {
        return false;
      }
    }
    return true;
  }

  /** Whether the MIC in {@code type3} is the one computed; a constant-time compare. */
  public static boolean verifies(
      byte[] exportedSessionKey, byte[] type1, byte[] type2, byte[] type3) {
    byte[] sent = Arrays.copyOfRange(type3, OFFSET, OFFSET + LENGTH);
    return MessageDigest.isEqual(mic(exportedSessionKey, type1, type2, type3), sent);
  }

  /** {@code type3} with the MIC written in (tests play a Windows client with it). */
  public static byte[] withMic(
      byte[] exportedSessionKey, byte[] type1, byte[] type2, byte[] type3) {
    byte[] out = type3.clone();
    System.arraycopy(mic(exportedSessionKey, type1, type2, type3), 0, out, OFFSET, LENGTH);
    return out;
  }

  /** RC4-encrypts a random session key with the KeyExchangeKey, as a KEY_EXCH client does. */
  public static byte[] encryptSessionKey(byte[] keyExchangeKey, byte[] randomSessionKey) {
    return NtlmCiphers.rc4(keyExchangeKey, randomSessionKey);
  }
}
