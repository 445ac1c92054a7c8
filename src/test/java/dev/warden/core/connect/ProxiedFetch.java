package dev.warden.core.connect;

import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.URI;

/**
 * The child JVM of the Java snippet's test: {@code main(url, user)} fetches {@code url} with
 * HttpURLConnection, proxied only by the system properties it was started with, and answers the 407
 * with the Authenticator the snippet prints (the password from {@code WARDEN_PASSWORD}). Prints
 * {@code STATUS=n}.
 */
public final class ProxiedFetch {

  private ProxiedFetch() {}

  public static void main(String[] args) throws Exception {
    String user = args[1];
    Authenticator.setDefault(new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return getRequestorType() == RequestorType.PROXY
            ? new PasswordAuthentication(
                user, System.getenv(ClientSetup.PASSWORD_VARIABLE).toCharArray())
            : null;
      }
    });
    HttpURLConnection connection =
        (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
    System.out.println("STATUS=" + connection.getResponseCode());
    connection.disconnect();
  }
}
