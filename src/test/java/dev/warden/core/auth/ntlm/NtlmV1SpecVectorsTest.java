package dev.warden.core.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * NTLMv1, the NTLM2 session response and the MIC's key against MS-NLMP §4.2.2 (NTLMv1), §4.2.3
 * (NTLMv1 with client challenge) and §4.2.4 (the session key of the NTLMv2 example): password
 * "Password", server challenge 0123456789abcdef, client challenge aa…aa, random session key 55…55.
 * The expected values are copied from the specification, not computed.
 */
class NtlmV1SpecVectorsTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");
  private static final byte[] CLIENT_CHALLENGE = HEX.parseHex("aaaaaaaaaaaaaaaa");
  private static final byte[] NT_HASH = NtlmV2.ntHash("Password".toCharArray());

  @Test
  void ntlmV1ResponseIsTheSpecs() {
    assertThat(HEX.formatHex(NtlmV1.response(NT_HASH, SERVER_CHALLENGE)))
        .isEqualTo("67c43011f30298a2ad35ece64f16331c44bdbed927841f94");
  }

  @Test
  void ntlmV1SessionBaseKeyIsTheSpecs() {
    assertThat(HEX.formatHex(NtlmV1.sessionBaseKey(NT_HASH)))
        .isEqualTo("d87262b0cde4b1cb7499becccdf10784");
  }

  @Test
  void ntlm2SessionResponseAndItsLmFieldAreTheSpecs() {
    assertThat(HEX.formatHex(NtlmV1.sessionResponse(NT_HASH, SERVER_CHALLENGE, CLIENT_CHALLENGE)))
        .isEqualTo("7537f803ae367128ca458204bde7caf81e97ed2683267232");
    byte[] lm = NtlmV1.sessionLmField(CLIENT_CHALLENGE);
    assertThat(HEX.formatHex(lm)).isEqualTo("aaaaaaaaaaaaaaaa00000000000000000000000000000000");
    assertThat(NtlmV1.isSessionLmField(lm)).isTrue();
  }

  @Test
  void anLmResponseIsNotTakenForASessionLmField() {
    // §4.2.2.2.2, the LMv1 response of the example
    assertThat(NtlmV1.isSessionLmField(
            HEX.parseHex("98def7b87f88aa5dafe2df779688a172def11c7d5ccdef13")))
        .isFalse();
    assertThat(NtlmV1.isSessionLmField(new byte[0])).isFalse();
  }

  @Test
  void anotherPasswordGivesAnotherResponse() {
    byte[] other = NtlmV2.ntHash("password".toCharArray());
    assertThat(NtlmV1.matches(
            NtlmV1.response(other, SERVER_CHALLENGE),
            HEX.parseHex("67c43011f30298a2ad35ece64f16331c44bdbed927841f94")))
        .isFalse();
  }

  @Test
  void exportedSessionKeyIsTheSpecsRandomSessionKeyDecryptedWithKeyExch() {
    byte[] sessionBaseKey = HEX.parseHex("8de40ccadbc14a82f15cb0ad0de95ca3"); // §4.2.4.1.2
    byte[] encrypted = HEX.parseHex("c5dad2544fc9799094ce1ce90bc9d03e"); // §4.2.4.2.3
    assertThat(HEX.formatHex(
            MessageIntegrity.exportedSessionKey(sessionBaseKey, NtlmFlags.KEY_EXCH, encrypted)))
        .isEqualTo("55555555555555555555555555555555");
    assertThat(MessageIntegrity.encryptSessionKey(
            sessionBaseKey, HEX.parseHex("55555555555555555555555555555555")))
        .isEqualTo(encrypted);
    assertThat(MessageIntegrity.exportedSessionKey(sessionBaseKey, 0, encrypted))
        .isEqualTo(sessionBaseKey);
  }

  @Test
  void micCoversEveryByteOfTheThreeMessagesButItself() {
    byte[] key = HEX.parseHex("55555555555555555555555555555555");
    byte[] type1 = new NegotiateMessage(NtlmFlags.UNICODE | NtlmFlags.NTLM, "", "").encode();
    byte[] type2 = HEX.parseHex(
        "4e544c4d53535000020000000c000c003800000033828ae2"
            + "0123456789abcdef00000000000000002400240044000000060070170000000f"
            + "53006500720076006500720002000c0044006f006d00610069006e0001000c0053006500720076006500720000000000");
    byte[] type3 = new AuthenticateMessage(
            NtlmFlags.UNICODE | NtlmFlags.NTLM,
            new byte[24],
            new byte[60],
            "Domain",
            "User",
            "COMPUTER",
            new byte[0])
        .encodeWithMicField();
    assertThat(MessageIntegrity.hasRoom(type3)).isTrue();
    assertThat(MessageIntegrity.hasRoom(new AuthenticateMessage(
                NtlmFlags.UNICODE, new byte[24], new byte[60], "D", "U", "W", new byte[0])
            .encode()))
        .isFalse();
    byte[] signed = MessageIntegrity.withMic(key, type1, type2, type3);
    assertThat(MessageIntegrity.verifies(key, type1, type2, signed)).isTrue();
    for (int at : new int[] {0, 20, type2.length - 1}) {
      byte[] changed = type2.clone();
      changed[at] ^= 1;
      assertThat(MessageIntegrity.verifies(key, type1, changed, signed))
          .as("Type 2 byte %d", at)
          .isFalse();
    }
    byte[] changedType3 = signed.clone();
    changedType3[signed.length - 1] ^= 1;
    assertThat(MessageIntegrity.verifies(key, type1, type2, changedType3)).isFalse();
    byte[] changedMic = signed.clone();
    changedMic[MessageIntegrity.OFFSET] ^= 1;
    assertThat(MessageIntegrity.verifies(key, type1, type2, changedMic)).isFalse();
    assertThat(MessageIntegrity.verifies(Arrays.copyOf(key, 15), type1, type2, signed))
        .isFalse();
  }
}
