package dev.warden.core.auth.digest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues Digest nonces that carry their own issue time and are verified without a lookup, and the
 * realm's {@code opaque} value.
 *
 * <p>A nonce is {@code base64url(t ‖ r ‖ HMAC-SHA256(key, "nonce" ‖ t ‖ r ‖ realmId)[0..16))}, without
 * padding (54 characters): {@code t} the issue time in epoch milliseconds (8 bytes, big-endian),
 * {@code r} 16 bytes from {@link SecureRandom}, {@code key} 32 random bytes made when the factory is,
 * so nonces die with the process (or the factory). A nonce is valid only for the {@code realmId} it was
 * issued for: any stable name of the protection space, e.g. the realm name. The issue time is visible
 * to the client; nothing else is.
 *
 * <p>Thread-safe: every call uses its own {@link Mac}; the key and the {@link SecureRandom} are shared.
 */
public final class NonceFactory {

  /** How far in the future a nonce's issue time may be (the clock stepped back) and still be fresh. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(5);

  private static final String HMAC = "HmacSHA256";
  private static final int TIME_BYTES = 8;
  private static final int RANDOM_BYTES = 16;
  private static final int MAC_BYTES = 16;
  private static final int NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;
  private static final int NONCE_CHARS = (NONCE_BYTES * 8 + 5) / 6;
  // domain separation: a nonce's MAC can never serve as an opaque value and vice versa
  private static final byte[] NONCE_LABEL =
      "warden digest nonce\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OPAQUE_LABEL =
      "warden digest opaque\0".getBytes(StandardCharsets.US_ASCII);

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String BASE64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
  /** Opaque values by realm: a constant per realm and process, asked for on every Digest request. */
  private final java.util.concurrent.ConcurrentHashMap<String, String> opaques =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** A factory with a new random key, on the system clock. */
  public NonceFactory() {
    this(Clock.systemUTC());
  }

  /** A factory with a new random key, reading the time from {@code clock} (tests move it). */
  public NonceFactory(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    byte[] keyBytes = new byte[32];
    random.nextBytes(keyBytes);
    this.key = new SecretKeySpec(keyBytes, HMAC);
    Arrays.fill(keyBytes, (byte) 0);
  }

  /** A new nonce for {@code realmId}, never issued before (128 random bits). */
  public String issue(String realmId) {
    Objects.requireNonNull(realmId, "realmId");
    byte[] nonce = new byte[NONCE_BYTES];
    ByteBuffer.wrap(nonce).putLong(clock.millis());
    byte[] randomPart = new byte[RANDOM_BYTES];
    random.nextBytes(randomPart);
    System.arraycopy(randomPart, 0, nonce, TIME_BYTES, RANDOM_BYTES);
    byte[] mac = nonceMac(nonce, realmId);
    System.arraycopy(mac, 0, nonce, TIME_BYTES + RANDOM_BYTES, MAC_BYTES);
    return ENCODER.encodeToString(nonce);
  }

  /**
   * What {@code nonce} is for {@code realmId}: {@link NonceVerdict.Fresh} when this factory issued it
   * for that realm at most {@code lifetime} ago, {@link NonceVerdict.Expired} when longer ago,
   * {@link NonceVerdict.Unknown} otherwise (including {@code null}). The MAC is compared in constant
   * time. Never throws for any {@code nonce}.
   *
   * @throws IllegalArgumentException when {@code lifetime} is not positive
   */
  public NonceVerdict verify(String nonce, String realmId, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive");
    }
    Objects.requireNonNull(realmId, "realmId");
    byte[] bytes = decode(nonce);
    if (bytes == null) {
      return new NonceVerdict.Unknown(NonceVerdict.Reason.MALFORMED);
    }
    byte[] expected = Arrays.copyOf(nonceMac(bytes, realmId), MAC_BYTES);
    byte[] received = Arrays.copyOfRange(bytes, TIME_BYTES + RANDOM_BYTES, NONCE_BYTES);
    if (!MessageDigest.isEqual(expected, received)) {
      return new NonceVerdict.Unknown(NonceVerdict.Reason.NOT_ISSUED_HERE);
    }
    long issuedMillis = ByteBuffer.wrap(bytes).getLong();
    long ageMillis = clock.millis() - issuedMillis;
    Instant issuedAt = Instant.ofEpochMilli(issuedMillis);
    if (ageMillis < -MAX_CLOCK_SKEW.toMillis()) {
      return new NonceVerdict.Unknown(NonceVerdict.Reason.FROM_THE_FUTURE);
    }
    if (ageMillis > lifetime.toMillis()) {
      return new NonceVerdict.Expired(issuedAt, Duration.ofMillis(ageMillis));
    }
    return new NonceVerdict.Fresh(issuedAt, Duration.ofMillis(Math.max(0, ageMillis)));
  }

  /**
   * The {@code opaque} value for {@code realmId}: the same for every challenge of this factory and
   * realm, unguessable without the key (base64url of 16 MAC bytes, 22 characters).
   */
  public String opaque(String realmId) {
    Objects.requireNonNull(realmId, "realmId");
    return opaques.computeIfAbsent(realmId, this::computeOpaque);
  }

  /** Whether {@code candidate} is {@link #opaque(String) opaque(realmId)}, compared in constant time. */
  public boolean isOpaque(String candidate, String realmId) {
    return ConstantTimeText.equal(opaque(realmId), candidate);
  }

  /** The 40 bytes of a nonce in its canonical spelling, or null. */
  private static byte[] decode(String nonce) {
    if (nonce == null || nonce.length() != NONCE_CHARS) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(nonce);
    } catch (IllegalArgumentException e) {
      return null;
    }
    // The decoder ignores the unused low bits of the last character: one nonce, one spelling, so
    // those bits must be zero. 54 characters carry 324 bits for 320, so the last one brings 2 bits
    // and 4 unused: its alphabet index is a multiple of 16 ('A', 'Q', 'g' or 'w').
    if (bytes.length != NONCE_BYTES
        || (BASE64URL.indexOf(nonce.charAt(NONCE_CHARS - 1)) & 0xf) != 0) {
      return null;
    }
    return bytes;
  }

  /** The full MAC over the time and random parts of {@code nonce} and the realm. */
  private byte[] nonceMac(byte[] nonce, String realmId) {
    Mac mac = mac();
    mac.update(NONCE_LABEL);
    mac.update(nonce, 0, TIME_BYTES + RANDOM_BYTES);
    mac.update(realmId.getBytes(StandardCharsets.UTF_8));
    return mac.doFinal();
  }

  private String computeOpaque(String realmId) {
    Mac mac = newMac();
    mac.update(OPAQUE_LABEL);
    mac.update(realmId.getBytes(StandardCharsets.UTF_8));
    return ENCODER.encodeToString(Arrays.copyOf(mac.doFinal(), 16));
  }

  /**
   * This thread's Mac under the key: building one (provider lookup, key schedule) costs more than
   * the HMAC itself, and every Digest request verifies a nonce and an opaque. {@code doFinal} resets
   * it for the next use; one thread uses it at a time.
   */
  private Mac mac() {
    return macs.get();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
  }
}
