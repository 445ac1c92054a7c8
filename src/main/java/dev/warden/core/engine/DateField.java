package dev.warden.core.engine;

import io.netty.handler.codec.DateFormatter;
import io.netty.util.AsciiString;
import java.util.Date;

/**
 * The value of a {@code Date} field (RFC 9110 §6.6.1, IMF-fixdate) for the current second, formatted
 * once per second rather than once per response: every 407 Warden writes carries one, and formatting
 * was half the cost of building the 407.
 *
 * <p>Thread-safe without locks: the text and its second travel together in one immutable value
 * behind a volatile field; a thread that finds it out of date formats a fresh one and publishes it
 * (two threads may both do so in the same second, harmlessly).
 */
final class DateField {

  // AsciiString.cached keeps the String too: the text for the record and the bytes for the wire
  // (validated as bytes and encoded with one copy) are made once per second
  private record Stamp(long second, AsciiString text) {}

  private static volatile Stamp latest = new Stamp(Long.MIN_VALUE, AsciiString.EMPTY_STRING);

  private DateField() {}

  /** The Date value for now. */
  static String now() {
    return at(System.currentTimeMillis());
  }

  /** The Date value for now, as the bytes a header holds. */
  static AsciiString nowAscii() {
    return stamp(System.currentTimeMillis()).text();
  }

  /** The Date value for {@code epochMillis}, cached when it falls in the latest second asked for. */
  static String at(long epochMillis) {
    return stamp(epochMillis).text().toString();
  }

  private static Stamp stamp(long epochMillis) {
    long second = Math.floorDiv(epochMillis, 1000);
    Stamp stamp = latest;
    if (stamp.second() != second) {
      stamp = new Stamp(second, AsciiString.cached(DateFormatter.format(new Date(second * 1000))));
      latest = stamp;
    }
    return stamp;
  }
}
