package dev.warden.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keep-alive load generator that authenticates every request, with Basic or with Digest, so both
 * schemes are measured by the same client in the same run (wrk cannot compute a Digest response).
 * Each connection is one thread that sends a request and reads the response, for a fixed time. For
 * Digest it takes the first {@code SHA-256} challenge of a 407 and answers every request with a fresh
 * response and the next nonce count, as real clients do on one connection; a stale nonce is
 * refreshed from the 407.
 *
 * <p>Usage: {@code AuthLoad PROXY_PORT ORIGIN_PORT basic|digest SECONDS CONNECTIONS USER PASSWORD}.
 * Prints one line: {@code <mode> <requests/s> <non-200 responses>}. Loopback only. Not a test.
 */
public final class AuthLoad {

  private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

  public static void main(String[] args) throws Exception {
    int proxyPort = Integer.parseInt(args[0]);
    int originPort = Integer.parseInt(args[1]);
    boolean digest = args[2].equals("digest");
    long seconds = Long.parseLong(args[3]);
    int connections = Integer.parseInt(args[4]);
    String user = args[5];
    String password = args[6];
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Thread t = new Thread(() -> {
        try {
          run(proxyPort, originPort, digest, user, password, end, ok, failed);
        } catch (IOException e) {
          failed.increment();
        }
      });
      t.start();
      threads.add(t);
    }
    long start = System.nanoTime();
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s %.0f %d%n", digest ? "digest" : "basic", ok.sum() / elapsed, failed.sum());
  }

  private static void run(int proxyPort, int originPort, boolean digest, String user, String password, long end,
      LongAdder ok, LongAdder failed) throws IOException {
    String target = "http://127.0.0.1:" + originPort + "/";
    String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxyPort)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String nonce = null;
      String opaque = null;
      String realm = null;
      String ha1 = null;
      int nc = 0;
      // one cnonce per connection and H(A2) once: the generator's own cost per request is one hash,
      // so it takes as little as possible of the CPU it shares with Warden on this machine
      String cnonce = Long.toHexString(System.nanoTime());
      String ha2 = sha256("GET:/");
      while (System.nanoTime() < end) {
        String authorization;
        if (!digest) {
          authorization = basic;
        } else if (nonce == null) {
          authorization = null;
        } else {
          nc++;
          String hex = Integer.toHexString(nc);
          String ncText = "00000000".substring(hex.length()) + hex;
          String response = sha256(ha1 + ":" + nonce + ":" + ncText + ":" + cnonce + ":auth:" + ha2);
          authorization = "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
              + "\", uri=\"/\", algorithm=SHA-256, qop=auth, nc=" + ncText + ", cnonce=\"" + cnonce
              + "\", opaque=\"" + opaque + "\", response=\"" + response + "\"";
        }
        out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + originPort + "\r\n"
            + (authorization == null ? "" : "Proxy-Authorization: " + authorization + "\r\n") + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Response response = Response.read(in);
        if (response.status == 200) {
          ok.increment();
          continue;
        }
        if (digest && response.status == 407 && response.challenge != null) {
          Matcher m = PARAM.matcher(response.challenge);
          while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3);
            switch (m.group(1)) {
              case "nonce" -> nonce = value;
              case "opaque" -> opaque = value;
              case "realm" -> realm = value;
              default -> { }
            }
          }
          ha1 = sha256(user + ":" + realm + ":" + password);
          nc = 0;
          if (authorization == null) {
            continue;
          }
        }
        failed.increment();
      }
    }
  }

  private record Response(int status, String challenge) {
    static Response read(InputStream in) throws IOException {
      String status = line(in);
      int code = Integer.parseInt(status.split(" ")[1]);
      int length = 0;
      String challenge = null;
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Integer.parseInt(value);
        } else if (name.equalsIgnoreCase("Proxy-Authenticate") && challenge == null
            && value.startsWith("Digest") && value.contains("algorithm=SHA-256,")) {
          challenge = value;
        }
      }
      in.readNBytes(length);
      return new Response(code, challenge);
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        if (b != '\r') {
          line.append((char) b);
        }
      }
      if (b < 0) {
        throw new IOException("closed");
      }
      return line.toString();
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private AuthLoad() {}
}
