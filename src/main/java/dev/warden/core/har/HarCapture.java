package dev.warden.core.har;

import dev.warden.core.traffic.Exchange;
import java.util.List;
import java.util.Objects;

/**
 * A capture read from a HAR file: its exchanges, read-only. Immutable.
 *
 * @param exchanges the entries as exchanges, in file order, credential fields masked
 * @param source who made the file, e.g. "Warden 0.1.0", "Firefox 120.0", "WebInspector 537.36"
 * @param fromWarden whether the entries carry Warden's own {@code _warden} facts
 * @param skipped entries that could not be read (no request, no URL) or beyond {@link HarReader#MAX_ENTRIES}
 * @param missed exchanges the writer said it could not write (its log dropped them)
 */
public record HarCapture(
    List<Exchange> exchanges, String source, boolean fromWarden, long skipped, long missed) {

  public HarCapture {
    exchanges = List.copyOf(exchanges);
    Objects.requireNonNull(source);
  }
}
