package dev.warden.core.auth.ntlm;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two ciphers NTLM needs, from the JDK's own provider (SunJCE, part of java.base): single-block
 * DES (DESL, NTLMv1) and RC4 (the KEY_EXCH session key). Both are broken and used only where the
 * protocol demands them. Stateless; any thread.
 */
final class NtlmCiphers {

  private NtlmCiphers() {}

  /** One DES block: {@code data8} encrypted with the 8-byte key (parity bits ignored). */
  static byte[] desBlock(byte[] key8, byte[] data8) {
    return run("DES/ECB/NoPadding", "DES", Cipher.ENCRYPT_MODE, key8, data8);
  }

  /** RC4 of {@code data} with {@code key}: encryption and decryption are the same. */
  static byte[] rc4(byte[] key, byte[] data) {
    return run("ARCFOUR", "ARCFOUR", Cipher.ENCRYPT_MODE, key, data);
  }

  private static byte[] run(
      String transformation, String algorithm, int mode, byte[] key, byte[] data) {
    try {
      Cipher cipher = Cipher.getInstance(transformation);
      cipher.init(mode, new SecretKeySpec(key, algorithm));
      return cipher.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(transformation + " is part of every JDK (SunJCE)", e);
    }
  }
}
