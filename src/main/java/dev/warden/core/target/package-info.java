/**
 * The request-target, parsed once: where a request goes, in one canonical spelling.
 *
 * <p>Warden used to choose the realm from one parse of the request-target (java.net.URI, falling
 * back to the Host field) while LittleProxy connected using its own parse; a security review reached
 * destinations of another realm through the gap. Everything that needs the destination (the realm
 * choice, the connection, the record, the access log) must now take it from one {@link
 * dev.warden.core.target.RequestTarget}, and the engine must forward its canonical form.
 *
 * <p>Decisions, per RFC 9112 section 3.2 and RFC 3986:
 *
 * <ul>
 *   <li>CONNECT takes authority-form only, port required; anything with a scheme, path, query or
 *       userinfo is refused. The method is case-sensitive.
 *   <li>Other methods: absolute-form {@code http://} (scheme case-insensitive) is forwarded; {@code
 *       ws://} too, as HTTP on port 80. Absolute {@code https://} and {@code wss://} are refused with
 *       their own reason: a proxy may open TLS itself for them, Warden's engine does not. Other schemes
 *       are refused. Origin-form ({@code /path}) and {@code OPTIONS *} are requests to the proxy
 *       itself; the Host field never turns them into a destination.
 *   <li>Path and query are kept byte-exact for forwarding (no re-encoding; {@code %zz} and {@code
 *       |{^"} pass): the destination never comes from them. Space, controls and non-ASCII bytes are
 *       refused anywhere, and so is a fragment: clients must not send one, and parsers disagree on
 *       where {@code http://a#@b/} ends its authority.
 *   <li>The authority is strict. Userinfo is checked, then dropped: only the fact that there was some
 *       is kept. A Host field that disagrees with the absolute-form is ignored and replaced (RFC 9112
 *       section 3.2.2).
 *   <li>Hosts are canonicalised by {@link dev.warden.core.target.CanonicalHost}: every inet_aton
 *       IPv4 notation, IPv4-mapped IPv6, RFC 5952, IDNA, case and trailing dot. The any-address
 *       (0.0.0.0/8, ::) and IPv6 zone ids are refused. No name is ever resolved.
 * </ul>
 *
 * <p>No Netty, no JavaFX, no I/O: plain values, safe on any thread.
 */
package dev.warden.core.target;
