/**
 * The HTTP authentication grammar, read and written in one place: challenges
 * ({@code Proxy-Authenticate}, {@code WWW-Authenticate}) and credentials ({@code Proxy-Authorization},
 * {@code Authorization}) as defined by RFC 9110 §11.2–§11.6, and the RFC 8187 {@code ext-value} of
 * parameters such as {@code username*}.
 *
 * <p>{@link dev.warden.core.auth.header.AuthHeaderParser} turns field values into
 * {@link dev.warden.core.auth.header.Challenge} and {@link dev.warden.core.auth.header.Credentials}
 * values and never throws: malformed input gives a {@link dev.warden.core.auth.header.ParseResult.Failed}
 * with a short reason. {@link dev.warden.core.auth.header.AuthHeaderWriter} turns those values back into
 * field values; writing then parsing gives back an equal value.
 *
 * <p>Nothing here knows any scheme's rules (Basic, Digest, NTLM, Bearer): that is for the schemes. The
 * package does no I/O and no logging, depends on nothing but the JDK, and every method is pure and
 * thread-safe; every value is immutable.
 */
package dev.warden.core.auth.header;
