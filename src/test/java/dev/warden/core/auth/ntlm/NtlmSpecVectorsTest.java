package dev.warden.core.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Warden's NTLMv2 against the test vectors of MS-NLMP §4.2.4 (user "User", domain "Domain",
 * password "Password", server challenge 0123456789abcdef, client challenge aa…aa, time 0), and
 * §4.2.1 for the NT hash. The expected values are copied from the specification, not computed.
 */
class NtlmSpecVectorsTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");
  private static final byte[] CLIENT_CHALLENGE = HEX.parseHex("aaaaaaaaaaaaaaaa");
  /** §4.2.4.3: the CHALLENGE_MESSAGE of the example. */
  private static final String SPEC_CHALLENGE_MESSAGE =
      "4e544c4d53535000020000000c000c003800000033828ae2"
          + "0123456789abcdef00000000000000002400240044000000060070170000000f"
          + "53006500720076006500720002000c0044006f006d00610069006e0001000c0053006500720076006500720000000000";
  /** §4.2.4.1.3: the AV pairs the example's client copies into its blob ("temp"). */
  private static final String SPEC_AV_PAIRS =
      "02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000";

  @Test
  void ntHashOfPasswordIsTheSpecsNtowfv1() {
    assertThat(HEX.formatHex(NtlmV2.ntHash("Password".toCharArray())))
        .isEqualTo("a4f49c406510bdcab6824ee7c30fd852");
  }

  @Test
  void ntowfv2IsTheSpecsResponseKeyNt() {
    byte[] key = NtlmV2.ntowfv2(NtlmV2.ntHash("Password".toCharArray()), "User", "Domain");
    assertThat(HEX.formatHex(key)).isEqualTo("0c868a403bfd7a93a3001ef22ef02e3f");
  }

  @Test
  void lmv2ResponseIsTheSpecs() {
    byte[] key = NtlmV2.ntowfv2(NtlmV2.ntHash("Password".toCharArray()), "User", "Domain");
    assertThat(HEX.formatHex(NtlmV2.lmv2(key, SERVER_CHALLENGE, CLIENT_CHALLENGE)))
        .isEqualTo("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa");
  }

  @Test
  void ntProofStrAndSessionBaseKeyAreTheSpecs() {
    byte[] key = NtlmV2.ntowfv2(NtlmV2.ntHash("Password".toCharArray()), "User", "Domain");
    byte[] blob = NtlmV2.blob(0, CLIENT_CHALLENGE, HEX.parseHex(SPEC_AV_PAIRS));
    byte[] proof = NtlmV2.ntProof(key, SERVER_CHALLENGE, blob);
    assertThat(HEX.formatHex(proof)).isEqualTo("68cd0ab851e51c96aabc927bebef6a1c");
    assertThat(HEX.formatHex(NtlmV2.sessionBaseKey(key, proof)))
        .isEqualTo("8de40ccadbc14a82f15cb0ad0de95ca3");
  }

  @Test
  void verifiesTheSpecsNtResponseAndRefusesItForAnotherPasswordOrChallenge() {
    byte[] blob = NtlmV2.blob(0, CLIENT_CHALLENGE, HEX.parseHex(SPEC_AV_PAIRS));
    byte[] response = concat(HEX.parseHex("68cd0ab851e51c96aabc927bebef6a1c"), blob);
    byte[] key = NtlmV2.ntowfv2(NtlmV2.ntHash("Password".toCharArray()), "User", "Domain");
    assertThat(NtlmV2.verifies(key, SERVER_CHALLENGE, response)).isTrue();
    assertThat(NtlmV2.verifies(
            NtlmV2.ntowfv2(NtlmV2.ntHash("password".toCharArray()), "User", "Domain"),
            SERVER_CHALLENGE,
            response))
        .isFalse();
    assertThat(NtlmV2.verifies(key, HEX.parseHex("0123456789abcdee"), response)).isFalse();
    // the user name is case-insensitive (upper-cased), the domain is not
    assertThat(NtlmV2.verifies(
            NtlmV2.ntowfv2(NtlmV2.ntHash("Password".toCharArray()), "user", "Domain"),
            SERVER_CHALLENGE,
            response))
        .isTrue();
    assertThat(NtlmV2.verifies(
            NtlmV2.ntowfv2(NtlmV2.ntHash("Password".toCharArray()), "User", "DOMAIN"),
            SERVER_CHALLENGE,
            response))
        .isFalse();
  }

  @Test
  void encodesTheSpecsChallengeMessageByteForByte() {
    ChallengeMessage message = new ChallengeMessage(
        0xe28a8233,
        SERVER_CHALLENGE,
        "Server",
        new TargetInfo(List.of(
            TargetInfo.text(TargetInfo.NB_DOMAIN_NAME, "Domain"),
            TargetInfo.text(TargetInfo.NB_COMPUTER_NAME, "Server"))),
        ChallengeMessage.windowsVersion());
    assertThat(HEX.formatHex(message.encode())).isEqualTo(SPEC_CHALLENGE_MESSAGE);
  }

  @Test
  void decodesTheSpecsChallengeMessage() throws Exception {
    ChallengeMessage message = ChallengeMessage.decode(HEX.parseHex(SPEC_CHALLENGE_MESSAGE));
    assertThat(message.targetName()).isEqualTo("Server");
    assertThat(message.serverChallenge()).isEqualTo(SERVER_CHALLENGE);
    assertThat(message.targetInfo().describe())
        .containsExactly("NbDomainName=Domain", "NbComputerName=Server");
    assertThat(NtlmFlags.names(message.flags()))
        .contains(
            "UNICODE",
            "NTLM",
            "EXTENDED_SESSIONSECURITY",
            "TARGET_INFO",
            "VERSION",
            "KEY_EXCH",
            "56",
            "128");
  }

  @Test
  void roundTripsAnAuthenticateMessageWithTheSpecsFields() throws Exception {
    byte[] blob = NtlmV2.blob(0, CLIENT_CHALLENGE, HEX.parseHex(SPEC_AV_PAIRS));
    byte[] nt = concat(HEX.parseHex("68cd0ab851e51c96aabc927bebef6a1c"), blob);
    AuthenticateMessage sent = new AuthenticateMessage(
        0xe2888215,
        HEX.parseHex("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa"),
        nt,
        "Domain",
        "User",
        "COMPUTER",
        HEX.parseHex("c5dad2544fc9799094ce1ce90bc9d03e"));
    AuthenticateMessage read = AuthenticateMessage.decode(sent.encode());
    assertThat(read.user()).isEqualTo("User");
    assertThat(read.domain()).isEqualTo("Domain");
    assertThat(read.workstation()).isEqualTo("COMPUTER");
    assertThat(read.kind()).isEqualTo(AuthenticateMessage.ResponseKind.NTLM_V2);
    assertThat(read.ntResponse()).isEqualTo(nt);
    assertThat(NtlmV2.blobTargetInfo(read.ntResponse()).describe())
        .containsExactly("NbDomainName=Domain", "NbComputerName=Server");
  }

  @Test
  void refusesABufferPointingOutsideTheMessage() {
    byte[] message = new AuthenticateMessage(
            NtlmFlags.UNICODE, new byte[24], new byte[24], "D", "U", "W", new byte[0])
        .encode();
    message[36 + 4] = (byte) 0xf0; // the user name's offset
    assertThatThrownBy(() -> AuthenticateMessage.decode(message))
        .isInstanceOf(NtlmMessageException.class)
        .hasMessage("the user name lies outside the message");
  }

  @Test
  void timestampPairReadsBackAsTheSameInstant() throws Exception {
    Instant when = Instant.parse("2026-12-02T03:04:05.123456700Z");
    TargetInfo info =
        TargetInfo.decode(new TargetInfo(List.of(TargetInfo.timestamp(when))).encode());
    assertThat(info.describe()).containsExactly("Timestamp=" + when);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
