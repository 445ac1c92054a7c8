package dev.warden.core.target;

/**
 * Why a request-target cannot be forwarded. Each carries one sentence, fixed text that never echoes
 * the request (so it can go into a 400 body and a log without leaking what the client sent).
 */
public enum Refusal {
  EMPTY_TARGET("The request-target is empty."),
  FORBIDDEN_CHARACTER(
      "The request-target contains a space, a control character or a non-ASCII byte (RFC 9112 section 3.2)."),
  FRAGMENT(
      "The request-target contains a fragment (#), which a client must not send (RFC 9112 section 3.2)."),
  CONNECT_AUTHORITY_ONLY(
      "CONNECT takes host:port only, without a scheme, a path or credentials (RFC 9112 section 3.2.3)."),
  PORT_REQUIRED("CONNECT needs a port: host:port."),
  BAD_PORT("The port is not a number from 1 to 65535."),
  AUTHORITY_FORM_WITHOUT_CONNECT(
      "Only CONNECT takes a host:port request-target; other methods need an absolute http:// URL."),
  ASTERISK_WITHOUT_OPTIONS("Only OPTIONS takes the * request-target."),
  NOT_A_TARGET("The request-target is neither an absolute http:// URL nor a path."),
  UNSUPPORTED_SCHEME("Only http:// and ws:// URLs can be forwarded by this proxy."),
  HTTPS_NEEDS_CONNECT(
      "Absolute https:// URLs need CONNECT: this proxy does not open TLS on the client's behalf."),
  MISSING_HOST("The URL names no host."),
  BAD_USERINFO("The credentials part of the URL (before @) is malformed."),
  BAD_HOST("The host is neither a valid DNS name nor an IP address."),
  BAD_IPV4("The host is written like an IPv4 address but is not a valid one."),
  BAD_IPV6("The IPv6 address in brackets is malformed."),
  IPV6_NEEDS_BRACKETS("An IPv6 address must be written in brackets, as in [::1]."),
  ZONE_ID("An IPv6 zone id (%25...) names an interface of this machine, not a destination."),
  NOT_A_DESTINATION("The any-address (0.0.0.0/8, ::) is not a destination."),
  BAD_IDN("The internationalized host name cannot be converted to ASCII (IDNA)."),
  NAME_TOO_LONG("A host name label exceeds 63 characters or the name exceeds 253."),
  MULTIPLE_HOST_FIELDS("The request has more than one Host header field (RFC 9112 section 3.2)."),
  BAD_HOST_FIELD("The Host header field is not a valid host[:port] (RFC 9112 section 3.2).");

  private final String sentence;

  Refusal(String sentence) {
    this.sentence = sentence;
  }

  /** One sentence for the 400 body, the record and the access log. Never contains request text. */
  public String sentence() {
    return sentence;
  }
}
