package dev.warden.core.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of schemes and fault knobs that makes a realm behave like one real proxy ("Squid 5.7
 * (Basic)", "tinyproxy 1.11"), read from a resource file ({@link ProxyProfiles}). Choosing it fills
 * the realm's schemes, Digest algorithms (when it names them) and fault knobs; users, host patterns
 * and the rest stay. Immutable.
 *
 * @param name the name shown and given to {@code --profile}
 * @param about one sentence on what a client meets
 * @param schemes the schemes offered, in order
 * @param digestAlgorithms the Digest algorithms, or empty to keep the realm's
 * @param faults the fault knobs, all of them (knobs not named are off)
 */
public record ProxyProfile(
    String name,
    String about,
    List<String> schemes,
    List<String> digestAlgorithms,
    RealmFaults faults) {

  public ProxyProfile {
    Objects.requireNonNull(name);
    Objects.requireNonNull(about);
    schemes = List.copyOf(schemes);
    digestAlgorithms = List.copyOf(digestAlgorithms);
    Objects.requireNonNull(faults);
  }

  /**
   * Reads a profile file: {@code key=value} lines ({@code name}, {@code about}, {@code schemes},
   * {@code digestAlgorithms}, and {@code fault=knob=value} as often as needed), {@code #} comments.
   *
   * @throws IllegalArgumentException naming the line that cannot be read
   */
  public static ProxyProfile parse(String text) {
    String name = null;
    String about = "";
    List<String> schemes = List.of(RealmAuth.BASIC);
    List<String> algorithms = List.of();
    List<String> faults = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("line " + (i + 1) + " is not key=value");
      }
      String value = line.substring(eq + 1);
      switch (line.substring(0, eq)) {
        case "name" -> name = value.strip();
        case "about" -> about = value.strip();
        case "schemes" ->
          schemes = Arrays.stream(value.split(",")).map(String::strip).toList();
        case "digestAlgorithms" ->
          algorithms = Arrays.stream(value.split(",")).map(String::strip).toList();
        case "fault" -> faults.add(value);
        default ->
          throw new IllegalArgumentException(
              "line " + (i + 1) + ": unknown key " + line.substring(0, eq));
      }
    }
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("the profile has no name");
    }
    return new ProxyProfile(name, about, schemes, algorithms, FaultKnob.parse(faults));
  }

  /** {@code realm} behaving like this profile: its schemes, algorithms and fault knobs replaced. */
  public Realm applyTo(Realm realm) {
    RealmAuth auth = realm.auth().withSchemes(schemes);
    if (!digestAlgorithms.isEmpty()) {
      auth = auth.withDigestAlgorithms(digestAlgorithms);
    }
    return realm.withAuth(auth).withFaults(faults);
  }

  /**
   * What in {@code realm} differs from this profile, one short phrase each ({@code schemes basic,
   * digest}, {@code connection=close}); empty when the realm is exactly this profile.
   */
  public List<String> differences(Realm realm) {
    List<String> out = new ArrayList<>();
    if (!realm.auth().schemes().equals(schemes)) {
      out.add("schemes " + String.join(", ", realm.auth().schemes()));
    }
    if (!digestAlgorithms.isEmpty()
        && realm.auth().offers(RealmAuth.DIGEST)
        && !realm.auth().digestAlgorithms().equals(digestAlgorithms)) {
      out.add("Digest algorithms " + String.join(", ", realm.auth().digestAlgorithms()));
    }
    for (FaultKnob knob : FaultKnob.values()) {
      List<String> mine = knob.values(faults);
      List<String> theirs = knob.values(realm.faults());
      if (!mine.equals(theirs)) {
        out.add(
            theirs.isEmpty()
                ? knob.knob() + " (none)"
                : knob.knob() + "=" + String.join(" | ", theirs));
      }
    }
    return out;
  }

  /**
   * Which of {@code profiles} {@code realm} follows, or which it is closest to and what differs:
   * "Behaves like Squid 5.7 (Basic)", "Custom: tinyproxy 1.11 with status=407"; empty without profiles.
   */
  public static String note(Realm realm, List<ProxyProfile> profiles) {
    ProxyProfile closest = null;
    List<String> differences = null;
    for (ProxyProfile profile : profiles) {
      List<String> d = profile.differences(realm);
      if (differences == null || d.size() < differences.size()) {
        closest = profile;
        differences = d;
      }
    }
    if (closest == null) {
      return "";
    }
    return differences.isEmpty()
        ? "Behaves like " + closest.name()
        : "Custom: " + closest.name() + " with " + String.join(", ", differences);
  }

  /** The profile among {@code profiles} that {@code realm} follows exactly, if any. */
  public static Optional<ProxyProfile> inForce(Realm realm, List<ProxyProfile> profiles) {
    return profiles.stream().filter(p -> p.differences(realm).isEmpty()).findFirst();
  }
}
