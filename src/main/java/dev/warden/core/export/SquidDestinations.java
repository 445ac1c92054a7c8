package dev.warden.core.export;

import dev.warden.core.settings.HostPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one realm's host patterns into Squid ACL lines that match the same destinations, all under
 * one ACL name (an {@code any-of} of one ACL per pattern). Pure; any thread.
 *
 * <ul>
 *   <li>{@code api.example.com}: {@code dstdomain -n api.example.com} (exactly that name; {@code -n}
 *       so an IP-literal request costs no reverse DNS lookup, as Warden does none)
 *   <li>{@code *.corp.example}: {@code dstdom_regex -n -i (^|\.)...} would also match corp.example
 *       itself, as {@code dstdomain .corp.example} does; Warden's wildcard does not, so the regex is
 *       {@code \.corp\.example\.?$}
 *   <li>{@code 10.0.0.5}, {@code [::1]}: {@code dst}
 *   <li>{@code :8443}: an {@code all-of} with {@code port 8443}
 * </ul>
 */
final class SquidDestinations {

  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  /** The ACL lines and a note for what Squid matches differently, if anything. */
  record Acls(List<String> lines, List<String> notes) {}

  private SquidDestinations() {}

  /**
   * @param name the ACL name every destination of the realm matches
   * @param patterns the realm's host patterns, valid ({@link HostPattern#parse} accepts them)
   */
  static Acls of(String name, List<String> patterns) {
    List<String> lines = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> members = new ArrayList<>();
    int index = 0;
    for (String text : patterns) {
      HostPattern.parse(text);
      index++;
      String acl = name + "_" + index;
      String value = text.strip().toLowerCase(Locale.ROOT);
      String host = value;
      String port = null;
      if (value.startsWith("[")) {
        int close = value.indexOf(']');
        host = value.substring(1, close);
        if (close + 1 < value.length()) {
          port = value.substring(close + 2);
        }
      } else if (value.indexOf(':') > 0) {
        host = value.substring(0, value.lastIndexOf(':'));
        port = value.substring(value.lastIndexOf(':') + 1);
      }
      String hostAcl = port == null ? acl : acl + "_host";
      if (host.indexOf(':') >= 0 || IPV4.matcher(host).matches()) {
        lines.add("acl " + hostAcl + " dst " + host);
        notes.add("'" + text.strip() + "': Squid's dst also matches a host name that resolves to "
            + host + "; Warden matches only the address written in the request");
      } else if (host.startsWith("*.")) {
        lines.add("acl " + hostAcl + " dstdom_regex -n -i " + regex(host.substring(2)));
      } else {
        lines.add("acl " + hostAcl + " dstdomain -n " + host);
      }
      if (port != null) {
        lines.add("acl " + acl + "_port port " + port);
        lines.add("acl " + acl + " all-of " + hostAcl + " " + acl + "_port");
      }
      members.add(acl);
    }
    lines.add("acl " + name + " any-of " + String.join(" ", members));
    return new Acls(List.copyOf(lines), List.copyOf(notes));
  }

  /** Any name below {@code domain}, not {@code domain} itself; a trailing dot allowed, as in Warden. */
  private static String regex(String domain) {
    return "\\." + domain.replace(".", "\\.") + "\\.?$";
  }
}
