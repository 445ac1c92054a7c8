package dev.warden.core.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The proxy profiles shipped with Warden: one resource file each under
 * {@code dev/warden/core/settings/profiles/}, listed in that folder's {@code index.txt} (in the order
 * they are offered). Read once; immutable; any thread.
 */
public final class ProxyProfiles {

  private static final String FOLDER = "profiles/";
  private static final List<ProxyProfile> ALL = load();

  private ProxyProfiles() {}

  /** Every profile, in the order of the index. */
  public static List<ProxyProfile> all() {
    return ALL;
  }

  /** The profile named {@code name}, compared without regard to case. */
  public static Optional<ProxyProfile> named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  private static List<ProxyProfile> load() {
    List<ProxyProfile> out = new ArrayList<>();
    for (String file : read("index.txt").split("\n")) {
      if (!file.isBlank()) {
        try {
          out.add(ProxyProfile.parse(read(file.strip())));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException("profile " + file.strip() + ": " + e.getMessage(), e);
        }
      }
    }
    return List.copyOf(out);
  }

  private static String read(String file) {
    try (InputStream in = ProxyProfiles.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("profile file " + file + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("profile file " + file + " could not be read", e);
    }
  }
}
