package dev.warden.core.auth.ntlm;

import java.util.ArrayList;
import java.util.List;

/** The NegotiateFlags of NTLM messages (MS-NLMP §2.2.2.5), and their names for the record. */
public final class NtlmFlags {

  public static final int UNICODE = 0x0000_0001;
  public static final int OEM = 0x0000_0002;
  public static final int REQUEST_TARGET = 0x0000_0004;
  public static final int SIGN = 0x0000_0010;
  public static final int SEAL = 0x0000_0020;
  public static final int DATAGRAM = 0x0000_0040;
  public static final int LM_KEY = 0x0000_0080;
  public static final int NTLM = 0x0000_0200;
  public static final int ANONYMOUS = 0x0000_0800;
  public static final int OEM_DOMAIN_SUPPLIED = 0x0000_1000;
  public static final int OEM_WORKSTATION_SUPPLIED = 0x0000_2000;
  public static final int ALWAYS_SIGN = 0x0000_8000;
  public static final int TARGET_TYPE_DOMAIN = 0x0001_0000;
  public static final int TARGET_TYPE_SERVER = 0x0002_0000;
  public static final int EXTENDED_SESSIONSECURITY = 0x0008_0000;
  public static final int IDENTIFY = 0x0010_0000;
  public static final int REQUEST_NON_NT_SESSION_KEY = 0x0040_0000;
  public static final int TARGET_INFO = 0x0080_0000;
  public static final int VERSION = 0x0200_0000;
  public static final int NEGOTIATE_128 = 0x2000_0000;
  public static final int KEY_EXCH = 0x4000_0000;
  public static final int NEGOTIATE_56 = 0x8000_0000;

  private static final int[] BITS = {
    UNICODE,
    OEM,
    REQUEST_TARGET,
    SIGN,
    SEAL,
    DATAGRAM,
    LM_KEY,
    NTLM,
    ANONYMOUS,
    OEM_DOMAIN_SUPPLIED,
    OEM_WORKSTATION_SUPPLIED,
    ALWAYS_SIGN,
    TARGET_TYPE_DOMAIN,
    TARGET_TYPE_SERVER,
    EXTENDED_SESSIONSECURITY,
    IDENTIFY,
    REQUEST_NON_NT_SESSION_KEY,
    TARGET_INFO,
    VERSION,
    NEGOTIATE_128,
    KEY_EXCH,
    NEGOTIATE_56
  };
  private static final String[] NAMES = {
    "UNICODE",
    "OEM",
    "REQUEST_TARGET",
    "SIGN",
    "SEAL",
    "DATAGRAM",
    "LM_KEY",
    "NTLM",
    "ANONYMOUS",
    "OEM_DOMAIN_SUPPLIED",
    "OEM_WORKSTATION_SUPPLIED",
    "ALWAYS_SIGN",
    "TARGET_TYPE_DOMAIN",
    "TARGET_TYPE_SERVER",
    "EXTENDED_SESSIONSECURITY",
    "IDENTIFY",
    "REQUEST_NON_NT_SESSION_KEY",
    "TARGET_INFO",
    "VERSION",
    "128",
    "KEY_EXCH",
    "56"
  };

  private NtlmFlags() {}

  /**
   * The names of the flags set in {@code flags}, in bit order; a set bit without a name (reserved)
   * shows as its hex value, so nothing a client sent is hidden.
   */
  public static List<String> names(int flags) {
    List<String> names = new ArrayList<>();
    int known = 0;
    for (int i = 0; i < BITS.length; i++) {
      known |= BITS[i];
      if ((flags & BITS[i]) != 0) {
        names.add(NAMES[i]);
      }
    }
    int unknown = flags & ~known;
    for (int bit = 0; bit < 32; bit++) {
      if ((unknown & (1 << bit)) != 0) {
        names.add(String.format("0x%08x", 1 << bit));
      }
    }
    return List.copyOf(names);
  }
}
