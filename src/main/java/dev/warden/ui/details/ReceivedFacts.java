package dev.warden.ui.details;

import dev.warden.core.auth.ReceivedCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the Auth tab's "Credentials received" grid, from the structured values the core
 * recorded. The secret (a password, a Digest {@code response}, an NTLM proof) is never recorded, so
 * its row only says it is masked. Pure functions; any thread.
 */
final class ReceivedFacts {

  /** What the grid shows for a secret: it was sent, and is never recorded. */
  static final String MASKED = "•••••• (masked, never recorded)";

  private static final String NOT_SENT = "(not sent)";

  private ReceivedFacts() {}

  static List<DetailsViewModel.Fact> of(ReceivedCredentials received) {
    List<DetailsViewModel.Fact> rows = new ArrayList<>();
    if (received instanceof ReceivedCredentials.DigestParams digest) {
      rows.add(fact("Scheme", digest.scheme()));
      rows.add(fact(
          "username",
          digest.username()
              + (digest.userhash() && !digest.username().isEmpty() ? "  (hashed)" : "")));
      rows.add(fact("realm", digest.realm()));
      rows.add(fact("nonce", digest.nonce()));
      rows.add(fact(
          "nonce age",
          digest.nonce().isEmpty()
              ? NOT_SENT
              : digest
                  .issuedNonceAge()
                  .map(ReceivedFacts::age)
                  .orElse("not a nonce Warden issued for this realm")));
      rows.add(fact("nc", digest.nc()));
      rows.add(fact("cnonce", digest.cnonce()));
      rows.add(fact("qop", digest.qop()));
      rows.add(
          fact("algorithm", digest.algorithm().isEmpty() ? "(not sent: MD5)" : digest.algorithm()));
      rows.add(fact("uri", digest.uri()));
      rows.add(fact("userhash", digest.userhash() ? "true" : "false"));
      rows.add(fact("opaque", digest.opaquePresent() ? "sent" : NOT_SENT));
      rows.add(fact("response", MASKED));
    } else if (received instanceof ReceivedCredentials.NtlmParams ntlm) {
      rows.add(fact(
          "Scheme",
          ntlm.scheme()
              + (ntlm.wrapping().isEmpty() ? "" : " (NTLM inside " + ntlm.wrapping() + ")")));
      rows.add(fact("Message", ntlm.message()));
      rows.add(fact("Flags", String.join(", ", ntlm.flags())));
      rows.add(fact("Domain", ntlm.domain()));
      rows.add(fact("User", ntlm.user()));
      rows.add(fact("Workstation", ntlm.workstation()));
      if (!ntlm.response().isEmpty()) {
        rows.add(fact("Response", ntlm.response()));
        rows.add(fact("Target info (in the blob)", String.join("\n", ntlm.targetInfo())));
        rows.add(fact("Proof", MASKED));
      }
      if (!ntlm.sentFlags().isEmpty()) {
        rows.add(fact("Type 2 sent: flags", String.join(", ", ntlm.sentFlags())));
        rows.add(fact("Type 2 sent: target info", String.join("\n", ntlm.sentTargetInfo())));
      }
    } else if (received instanceof ReceivedCredentials.SchemeAndUser named) {
      rows.add(fact("Scheme", named.scheme().isEmpty() ? "(unreadable)" : named.scheme()));
      rows.add(fact("User", named.user().isEmpty() ? "(none readable)" : named.user()));
      rows.add(fact("basic".equalsIgnoreCase(named.scheme()) ? "Password" : "Credentials", MASKED));
    } else {
      rows.add(fact("Credentials", "No Proxy-Authorization was sent"));
    }
    return rows;
  }

  private static DetailsViewModel.Fact fact(String label, String value) {
    return new DetailsViewModel.Fact(label, value.isEmpty() ? NOT_SENT : value);
  }

  private static String age(Duration age) {
    long millis = age.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    long seconds = age.toSeconds();
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
  }
}
