package dev.warden.cli;

import dev.warden.core.settings.FaultKnob;
import dev.warden.core.settings.ProxyProfile;
import dev.warden.core.settings.ProxyProfiles;

/** What {@code warden --list-profiles} prints: each profile with its sentence, then every fault knob. */
public final class ProfileList {

  private ProfileList() {}

  public static String text() {
    StringBuilder out = new StringBuilder("Proxy profiles (--profile NAME):\n");
    for (ProxyProfile profile : ProxyProfiles.all()) {
      out.append("  ")
          .append(profile.name())
          .append('\n')
          .append("      ")
          .append(profile.about())
          .append('\n');
    }
    out.append("\nFault knobs (--fault KNOB=VALUE, repeatable):\n");
    for (FaultKnob knob : FaultKnob.values()) {
      out.append("  ")
          .append(knob.knob())
          .append('=')
          .append(knob.syntax())
          .append('\n')
          .append("      ")
          .append(knob.sentence())
          .append('\n');
    }
    return out.toString();
  }
}
