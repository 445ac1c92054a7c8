package dev.warden.core.replay;

import dev.warden.core.traffic.BodyPreview;
import dev.warden.core.traffic.Exchange;
import dev.warden.core.traffic.Header;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Copy as curl": a POSIX shell command that sends an exchange's request again through Warden, so it
 * is answered as the original was. The method, headers and body are the recorded ones; proxy
 * credentials are {@code --proxy-user NAME} without a password, so curl asks for it (Warden never
 * knows it, and a made-up one would only be refused), with the scheme's flag ({@code --proxy-basic},
 * {@code --proxy-digest}, {@code --proxy-ntlm}, {@code --proxy-negotiate}); a CONNECT becomes
 * {@code -p} (a tunnel) to its authority. Pure; any thread.
 *
 * <p>What curl would add on its own that the original lacked ({@code Accept}, {@code User-Agent}, a
 * form {@code Content-Type} for a body) is removed with an empty {@code -H 'Name:'}. Headers curl
 * must compute (framing, hop-by-hop, Proxy-Authorization) are left to it. An origin
 * {@code Authorization} Warden recorded without its secret is left out and said in a comment; so is a
 * body Warden did not keep whole, which is then read from {@code body.bin}.
 */
public final class CurlCommand {

  /** Headers curl writes itself or that belong to one hop. */
  private static final Set<String> LEFT_TO_CURL = Set.of(
      "proxy-authorization",
      "proxy-connection",
      "connection",
      "keep-alive",
      "te",
      "transfer-encoding",
      "upgrade",
      "content-length",
      "trailer");

  private CurlCommand() {}

  /**
   * @param exchange the exchange to send again
   * @param proxy Warden's address as clients reach it, {@code host:port}
   */
  public static String of(Exchange exchange, String proxy) {
    List<String> notes = new ArrayList<>();
    List<String> args = new ArrayList<>();
    args.add("curl");
    if (exchange.isConnect()) {
      args.add("-p");
    }
    args.add("--proxy");
    args.add(ShellQuote.quote("http://" + proxy));
    ReplayFacts.user(exchange)
        .filter(u -> ReplayFacts.sentCredentials(exchange))
        .ifPresent(user -> {
          args.add("--proxy-user");
          args.add(ShellQuote.quote(user));
          String flag = switch (ReplayFacts.scheme(exchange)) {
            case "digest" -> "--proxy-digest";
            case "ntlm" -> "--proxy-ntlm";
            case "negotiate" -> "--proxy-negotiate";
            default -> "--proxy-basic";
          };
          args.add(flag);
        });
    if ("HTTP/1.0".equalsIgnoreCase(exchange.protocol())) {
      args.add("--http1.0");
    }
    String printf = null;
    if (exchange.isConnect()) {
      addHeaders(exchange, args, notes, "--proxy-header");
      args.add(ShellQuote.quote(tunnelUrl(exchange.url())));
    } else {
      BodyPreview body = exchange.requestBody();
      boolean hasBody = body.totalSize() > 0
          || exchange
              .requestHeader("Content-Length")
              .map(String::strip)
              .filter("0"::equals)
              .isPresent();
      String method = exchange.method();
      if (method.equalsIgnoreCase("HEAD")) {
        args.add("--head");
      } else if (!method.equals("GET") || hasBody) {
        args.add("-X");
        args.add(ShellQuote.quote(method));
      }
      addHeaders(exchange, args, notes, "-H");
      if (hasBody) {
        if (exchange.requestHeader("Content-Type").isEmpty()) {
          args.add("-H");
          args.add(ShellQuote.quote("Content-Type:"));
        }
        args.add("--data-binary");
        if (body.truncated() || body.droppedForMemory()) {
          notes.add("Warden kept " + body.keptSize() + " of the body's " + body.totalSize()
              + " bytes: put the whole body in body.bin");
          args.add("@body.bin");
        } else {
          String text = text(body.bytes());
          if (text != null) {
            args.add(ShellQuote.quote(text));
          } else {
            printf = "printf " + ShellQuote.printfFormat(body.bytes()) + " | ";
            args.add("@-");
          }
        }
      }
      args.add(ShellQuote.quote(exchange.url()));
    }
    StringBuilder out = new StringBuilder();
    for (String note : notes) {
      out.append("# ").append(note).append('\n');
    }
    if (printf != null) {
      out.append(printf);
    }
    return out.append(String.join(" ", args)).toString();
  }

  private static void addHeaders(
      Exchange exchange, List<String> args, List<String> notes, String option) {
    boolean accept = false;
    boolean agent = false;
    for (Header h : exchange.requestHeaders()) {
      String name = h.name().toLowerCase(Locale.ROOT);
      if (LEFT_TO_CURL.contains(name) || name.startsWith(":")) {
        continue;
      }
      if (name.equals("host")
          && (exchange.isConnect() || h.value().equalsIgnoreCase(authority(exchange.url())))) {
        continue;
      }
      if (name.equals("authorization")
          && h.value().strip().matches("\\S+ (\\*\\*\\*|\\[redacted\\])")) {
        notes.add("the request's Authorization (" + h.value().strip().split(" ")[0]
            + ") is not copied: Warden does not keep its secret");
        continue;
      }
      accept |= name.equals("accept");
      agent |= name.equals("user-agent");
      args.add(option);
      args.add(ShellQuote.quote(h.name() + ": " + h.value()));
    }
    if (!exchange.isConnect() && !accept) {
      args.add(option);
      args.add(ShellQuote.quote("Accept:"));
    }
    if (!agent) {
      args.add(option);
      args.add(ShellQuote.quote("User-Agent:"));
    }
  }

  /** The bytes as text when they are UTF-8 without NUL (a shell argument cannot hold NUL). */
  private static String text(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notText) {
      return null;
    }
  }

  private static String authority(String url) {
    try {
      String authority = URI.create(url).getRawAuthority();
      return authority == null ? "" : authority;
    } catch (IllegalArgumentException notAUri) {
      return "";
    }
  }

  /** A tunnel's URL: https, unless the port is 80 (plain HTTP inside the tunnel). */
  private static String tunnelUrl(String authority) {
    return (authority.endsWith(":80") ? "http://" : "https://") + authority + "/";
  }
}
