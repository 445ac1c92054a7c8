package dev.warden.core.auth.ntlm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the common parts of an NTLM message (MS-NLMP §2.2): the signature, the type, little-endian
 * integers and security buffers (length, allocated length, offset) bounded by the message. Never
 * reads outside the array: a buffer pointing past the end is an {@link NtlmMessageException}.
 */
final class MessageBytes {

  static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

  private final byte[] bytes;

  private MessageBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The message, checked to start with the signature and to be of {@code type}. */
  static MessageBytes of(byte[] bytes, int type, int minLength) throws NtlmMessageException {
    if (bytes.length < 12 || !Arrays.equals(bytes, 0, 8, SIGNATURE, 0, 8)) {
      throw new NtlmMessageException("not an NTLMSSP message");
    }
    MessageBytes message = new MessageBytes(bytes);
    int actual = message.int32(8);
    if (actual != type) {
      throw new NtlmMessageException(
          "expected a Type " + type + " message, got Type " + Integer.toUnsignedString(actual));
    }
    if (bytes.length < minLength) {
      throw new NtlmMessageException(
          "Type " + type + " message too short (" + bytes.length + " bytes)");
    }
    return message;
  }

  /** The type of an NTLMSSP message, or -1 when it is not one. */
  static int typeOf(byte[] bytes) {
    if (bytes.length < 12 || !Arrays.equals(bytes, 0, 8, SIGNATURE, 0, 8)) {
      return -1;
    }
    return new MessageBytes(bytes).int32(8);
  }

  int length() {
    return bytes.length;
  }

  int int32(int offset) {
    return (bytes[offset] & 0xff)
        | (bytes[offset + 1] & 0xff) << 8
        | (bytes[offset + 2] & 0xff) << 16
        | (bytes[offset + 3] & 0xff) << 24;
  }

  int int16(int offset) {
    return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8;
  }

  /** The security buffer whose descriptor starts at {@code at}; {@code name} is for the error. */
  byte[] buffer(int at, String name) throws NtlmMessageException {
    int length = int16(at);
    long offset = Integer.toUnsignedLong(int32(at + 4));
    if (length == 0) {
      return new byte[0];
    }
    if (offset + length > bytes.length) {
      throw new NtlmMessageException(name + " lies outside the message");
    }
    return Arrays.copyOfRange(bytes, (int) offset, (int) offset + length);
  }

  /** {@code count} bytes at {@code offset}. */
  byte[] slice(int offset, int count) {
    return Arrays.copyOfRange(bytes, offset, offset + count);
  }

  /** Text in the message's encoding: UTF-16LE when {@code unicode}, else the OEM code page (read as Latin-1). */
  static String text(byte[] value, boolean unicode) {
    return new String(value, unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
  }

  /** Writes little-endian values and security buffers into a message being built. */
  static final class Writer {
    private final byte[] out;
    private int payload;

    Writer(int headerLength, int payloadLength) {
      out = new byte[headerLength + payloadLength];
      payload = headerLength;
    }

    Writer int32(int at, int value) {
      out[at] = (byte) value;
      out[at + 1] = (byte) (value >>> 8);
      out[at + 2] = (byte) (value >>> 16);
      out[at + 3] = (byte) (value >>> 24);
      return this;
    }

    Writer bytes(int at, byte[] value) {
      System.arraycopy(value, 0, out, at, value.length);
      return this;
    }

    /** Puts {@code value} in the payload and its descriptor at {@code at}. */
    Writer buffer(int at, byte[] value) {
      out[at] = (byte) value.length;
      out[at + 1] = (byte) (value.length >>> 8);
      out[at + 2] = out[at];
      out[at + 3] = out[at + 1];
      int32(at + 4, payload);
      System.arraycopy(value, 0, out, payload, value.length);
      payload += value.length;
      return this;
    }

    byte[] done() {
      return out;
    }
  }
}
