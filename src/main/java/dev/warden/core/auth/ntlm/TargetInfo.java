package dev.warden.core.auth.ntlm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * An NTLM AV_PAIR list (MS-NLMP §2.2.2.1): the TargetInfo a Type 2 message carries and the client
 * copies into its NTLMv2 blob. Immutable; any thread.
 */
public record TargetInfo(List<Pair> pairs) {

  public static final int EOL = 0;
  public static final int NB_COMPUTER_NAME = 1;
  public static final int NB_DOMAIN_NAME = 2;
  public static final int DNS_COMPUTER_NAME = 3;
  public static final int DNS_DOMAIN_NAME = 4;
  public static final int DNS_TREE_NAME = 5;
  public static final int FLAGS = 6;
  public static final int TIMESTAMP = 7;
  public static final int SINGLE_HOST = 8;
  public static final int TARGET_NAME = 9;
  public static final int CHANNEL_BINDINGS = 10;

  /** Windows FILETIME: 100-ns intervals since 1601-01-01. */
  private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

  /** One AV_PAIR; the value as sent. */
  public record Pair(int id, byte[] value) {
    public Pair {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    /** {@code Name=value} for the record: names as text, the timestamp as an instant, others as their size. */
    public String describe() {
      return switch (id) {
        case NB_COMPUTER_NAME -> "NbComputerName=" + text();
        case NB_DOMAIN_NAME -> "NbDomainName=" + text();
        case DNS_COMPUTER_NAME -> "DnsComputerName=" + text();
        case DNS_DOMAIN_NAME -> "DnsDomainName=" + text();
        case DNS_TREE_NAME -> "DnsTreeName=" + text();
        case TARGET_NAME -> "TargetName=" + text();
        case FLAGS ->
          value.length == 4
              ? "Flags=" + String.format("0x%08x", littleEndian(value, 4))
                  + ((littleEndian(value, 4) & 2) != 0 ? " (MIC present)" : "")
              : "Flags=(" + value.length + " bytes)";
        case TIMESTAMP ->
          value.length == 8
              ? "Timestamp=" + fromFiletime(littleEndian(value, 8))
              : "Timestamp=(malformed)";
        case SINGLE_HOST -> "SingleHost=(" + value.length + " bytes)";
        case CHANNEL_BINDINGS ->
          "ChannelBindings="
              + (isZero(value) ? "(none: all zero)" : "(" + value.length + " bytes)");
        default ->
          "AV " + id + "=" + HexFormat.of().formatHex(value, 0, Math.min(value.length, 16))
              + (value.length > 16 ? "…" : "");
      };
    }

    private String text() {
      return new String(value, StandardCharsets.UTF_16LE);
    }
  }

  public TargetInfo {
    pairs = List.copyOf(pairs);
  }

  /** A pair whose value is {@code text} in UTF-16LE. */
  public static Pair text(int id, String text) {
    return new Pair(id, text.getBytes(StandardCharsets.UTF_16LE));
  }

  /** A MsvAvTimestamp pair of {@code when}. */
  public static Pair timestamp(Instant when) {
    long filetime =
        when.getEpochSecond() * 10_000_000L + when.getNano() / 100 + FILETIME_EPOCH_OFFSET;
    byte[] value = new byte[8];
    for (int i = 0; i < 8; i++) {
      value[i] = (byte) (filetime >>> (8 * i));
    }
    return new Pair(TIMESTAMP, value);
  }

  /** The pairs read up to MsvAvEOL (or the end of {@code bytes}). */
  public static TargetInfo decode(byte[] bytes) throws NtlmMessageException {
    List<Pair> pairs = new ArrayList<>();
    int at = 0;
    while (at + 4 <= bytes.length) {
      int id = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
      int length = (bytes[at + 2] & 0xff) | (bytes[at + 3] & 0xff) << 8;
      at += 4;
      if (id == EOL) {
        return new TargetInfo(pairs);
      }
      if (at + length > bytes.length) {
        throw new NtlmMessageException("an AV pair runs past the target info");
      }
      if (pairs.size() >= 64) {
        throw new NtlmMessageException("more than 64 AV pairs");
      }
      pairs.add(new Pair(id, Arrays.copyOfRange(bytes, at, at + length)));
      at += length;
    }
    if (at != bytes.length) {
      throw new NtlmMessageException("target info ends inside an AV pair");
    }
    return new TargetInfo(pairs);
  }

  /** The pairs followed by MsvAvEOL. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Pair pair : pairs) {
      byte[] value = pair.value();
      out.write(pair.id());
      out.write(pair.id() >>> 8);
      out.write(value.length);
      out.write(value.length >>> 8);
      out.writeBytes(value);
    }
    out.writeBytes(new byte[4]);
    return out.toByteArray();
  }

  /** Each pair described, in order. */
  public List<String> describe() {
    return pairs.stream().map(Pair::describe).toList();
  }

  private static long littleEndian(byte[] value, int count) {
    long result = 0;
    for (int i = count - 1; i >= 0; i--) {
      result = result << 8 | (value[i] & 0xff);
    }
    return result;
  }

  private static Instant fromFiletime(long filetime) {
    long since1970 = filetime - FILETIME_EPOCH_OFFSET;
    return Instant.ofEpochSecond(
        Math.floorDiv(since1970, 10_000_000L), Math.floorMod(since1970, 10_000_000L) * 100);
  }

  private static boolean isZero(byte[] value) {
    for (byte b : value) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
