package dev.warden.core.traffic;

import java.util.Objects;

/**
 * Why Warden could not get an answer from the destination, and what it sent the client instead.
 *
 * @param kind what went wrong
 * @param detail a short plain explanation, e.g. "no.such.host: name not resolved"
 */
public record ExchangeError(Kind kind, String detail) {

  public ExchangeError {
    Objects.requireNonNull(kind);
    detail = detail == null ? "" : detail;
  }

  /** The kinds of failure Warden tells apart. */
  public enum Kind {
    DNS_FAILURE("DNS failure", 502),
    CONNECT_FAILED("connection refused or unreachable", 502),
    TIMEOUT("timeout", 504),
    CLIENT_ABORTED("client closed the connection", 0),
    SERVER_ABORTED("server closed the connection", 502),
    /** Warden's own stage refused or cut the request (bad framing, a slow or oversize refused body). */
    REFUSED_BY_PROXY("refused by Warden", 400);

    private final String label;
    private final int statusSent;

    Kind(String label, int statusSent) {
      this.label = label;
      this.statusSent = statusSent;
    }

    public String label() {
      return label;
    }

    /** The status Warden answers with for this failure (0: no response could be sent). */
    public int statusSent() {
      return statusSent;
    }
  }
}
