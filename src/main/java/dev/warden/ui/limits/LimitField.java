package dev.warden.ui.limits;

import dev.warden.core.settings.LifetimeText;
import dev.warden.core.settings.Limits;
import dev.warden.core.settings.SizeText;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One of the {@link Limits} as the limits dialog shows it: its name (the same as in the settings'
 * error sentences), how it is written, and what a client sees when it fires. Immutable; any thread.
 */
public enum LimitField {
  REQUEST_HEAD(
      "Request head deadline",
      Kind.DURATION,
      Limits::requestHead,
      Limits::withRequestHead,
      null,
      "A client that starts a request and has not sent its whole head this long after gets 408 Request Timeout; "
          + "the connection closes."),
  IDLE(
      "Idle keep-alive timeout",
      Kind.DURATION,
      Limits::idle,
      Limits::withIdle,
      null,
      "A keep-alive connection that sends no request for this long is closed, without an answer."),
  REFUSED_BODY(
      "Refused body deadline",
      Kind.DURATION,
      Limits::refusedBody,
      Limits::withRefusedBody,
      null,
      "After a 407, the client has this long to finish the body it was sending; then the connection closes."),
  REFUSED_BODY_DRAIN(
      "Refused body drain",
      Kind.SIZE,
      null,
      null,
      Limits::refusedBodyDrain,
      "After a 407, at most this much of the refused body is read and discarded; beyond it the connection closes."),
  REQUEST_LINE(
      "Request line limit",
      Kind.SIZE,
      null,
      null,
      Limits::requestLine,
      "A longer request line is answered 414 URI Too Long; the connection closes."),
  HEADER_BLOCK(
      "Header block limit",
      Kind.SIZE,
      null,
      null,
      Limits::headerBlock,
      "Larger request headers (a huge Proxy-Authorization included) are answered 431; the connection closes."),
  MAX_CONNECTIONS(
      "Maximum client connections",
      Kind.COUNT,
      null,
      null,
      Limits::maxConnections,
      "A connection beyond this many open ones gets 503 Service Unavailable and is closed."),
  CONNECT(
      "Upstream connect timeout",
      Kind.DURATION,
      Limits::connect,
      Limits::withConnect,
      null,
      "A destination that has not accepted the connection by then: the client gets 504 Gateway Timeout."),
  FIRST_BYTE(
      "Upstream first-byte timeout",
      Kind.DURATION,
      Limits::firstByte,
      Limits::withFirstByte,
      null,
      "A destination that has not started its response this long after the whole request: 504 Gateway Timeout.");

  private enum Kind {
    DURATION,
    SIZE,
    COUNT
  }

  private final String label;
  private final Kind kind;
  private final Function<Limits, Duration> duration;
  private final BiFunction<Limits, Duration, Limits> withDuration;
  private final Function<Limits, Integer> number;
  private final String effect;

  LimitField(
      String label,
      Kind kind,
      Function<Limits, Duration> duration,
      BiFunction<Limits, Duration, Limits> withDuration,
      Function<Limits, Integer> number,
      String effect) {
    this.label = label;
    this.kind = kind;
    this.duration = duration;
    this.withDuration = withDuration;
    this.number = number;
    this.effect = effect;
  }

  /** The limit's name, as the settings' error sentences name it. */
  public String label() {
    return label;
  }

  /** One sentence: what a client sees when this limit fires. */
  public String effect() {
    return effect;
  }

  /** The field's id in the dialog, for tests and styling. */
  public String id() {
    return "limit-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** How the value is written in the dialog: {@code 30s}, {@code 64 KiB}, {@code 20000}. */
  public String text(Limits limits) {
    return switch (kind) {
      case DURATION -> LifetimeText.format(duration.apply(limits));
      case SIZE -> SizeText.format(number.apply(limits));
      case COUNT -> Integer.toString(number.apply(limits));
    };
  }

  /** {@code limits} with this value set from {@code text}, or empty when {@code text} is not a value of its kind. */
  public Optional<Limits> apply(Limits limits, String text) {
    return switch (kind) {
      case DURATION ->
        LifetimeText.parse(text.strip().toLowerCase(java.util.Locale.ROOT))
            .map(d -> withDuration.apply(limits, d));
      case SIZE -> SizeText.parse(text).map(bytes -> withNumber(limits, bytes));
      case COUNT ->
        text.strip().matches("[0-9]{1,9}")
            ? Optional.of(withNumber(limits, Integer.parseInt(text.strip())))
            : Optional.empty();
    };
  }

  /** The sentence for a value that is not of this limit's kind. */
  public String unreadable(String text) {
    String what = switch (kind) {
      case DURATION -> "a duration; use " + LifetimeText.DEADLINE_FORMS;
      case SIZE -> "a size; use " + SizeText.FORMS;
      case COUNT -> "a whole number";
    };
    return label + ": '" + text.strip() + "' is not " + what;
  }

  private Limits withNumber(Limits limits, int value) {
    return switch (this) {
      case REFUSED_BODY_DRAIN -> limits.withRefusedBodyDrain(value);
      case REQUEST_LINE -> limits.withRequestLine(value);
      case HEADER_BLOCK -> limits.withHeaderBlock(value);
      case MAX_CONNECTIONS -> limits.withMaxConnections(value);
      default -> throw new IllegalStateException(name() + " is not a number");
    };
  }
}
