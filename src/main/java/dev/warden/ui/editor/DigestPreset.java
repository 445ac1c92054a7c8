package dev.warden.ui.editor;

import dev.warden.core.settings.RealmAuth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Digest algorithm orders the editor offers, each with what it means for real clients. Clients
 * differ in which Digest challenge they answer: curl the first, JDK 17 HttpURLConnection the last,
 * python urllib up to 3.13 only the first field and only MD5, JDK 19+ refuses MD5. Immutable.
 */
public enum DigestPreset {
  RFC_ORDER(
      "RFC order (SHA-256, MD5)",
      RealmAuth.DEFAULT_ALGORITHMS,
      "RFC 7616's preference: curl answers SHA-256, JDK 17 HttpURLConnection MD5; python urllib ≤3.13 and JDK 19+ HttpURLConnection fail."),
  MOST_COMPATIBLE(
      "Most compatible (MD5, SHA-256)",
      RealmAuth.COMPATIBLE_ALGORITHMS,
      "MD5 first for curl and python urllib ≤3.13 (first challenge, MD5 only), SHA-256 last for JDK HttpURLConnection (it takes the last; JDK 19+ refuses MD5)."),
  SHA_256_ONLY(
      "SHA-256 only",
      List.of("SHA-256"),
      "Strongest: curl and JDK HttpURLConnection answer it; python urllib ≤3.13 cannot (it knows only MD5)."),
  MD5_ONLY(
      "MD5 only (like Squid)",
      List.of("MD5"),
      "What Squid offers: curl, python urllib and JDK 17 HttpURLConnection answer it; JDK 19+ HttpURLConnection refuses MD5.");

  private final String label;
  private final List<String> algorithms;
  private final String explanation;

  DigestPreset(String label, List<String> algorithms, String explanation) {
    this.label = label;
    this.algorithms = algorithms;
    this.explanation = explanation;
  }

  /** The preset offering exactly {@code algorithms} in this order, or empty for any other list. */
  public static Optional<DigestPreset> of(List<String> algorithms) {
    return Arrays.stream(values()).filter(p -> p.algorithms.equals(algorithms)).findFirst();
  }

  public String label() {
    return label;
  }

  /** The algorithm tokens in challenge order. */
  public List<String> algorithms() {
    return algorithms;
  }

  /** One sentence on which clients complete Digest with it. */
  public String explanation() {
    return explanation;
  }

  @Override
  public String toString() {
    return label;
  }
}
