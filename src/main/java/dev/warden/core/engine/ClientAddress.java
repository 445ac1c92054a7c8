package dev.warden.core.engine;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** How a client connection's remote address is written in the record and in lockout keys. */
final class ClientAddress {

  private ClientAddress() {}

  /** The IP alone, e.g. {@code 127.0.0.1} or {@code ::1}; empty when the address is not an IP. */
  static String of(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return "";
  }

  /** {@code ip:port}, IPv6 in brackets: one client connection, as the traffic view shows it. */
  static String withPort(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      String host =
          inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }
}
