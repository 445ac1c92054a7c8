package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionAuthTest {

  private final ConnectionAuth connection = new ConnectionAuth();

  @Test
  void holdsAtMostItsBoundDroppingTheOldestEntry() {
    for (int i = 0; i <= ConnectionAuth.MAX_ENTRIES; i++) {
      connection.put("scheme-" + i, i);
    }
    assertThat(connection.size()).isEqualTo(ConnectionAuth.MAX_ENTRIES);
    assertThat(connection.get("scheme-0", Integer.class)).isEmpty();
    assertThat(connection.get("scheme-" + ConnectionAuth.MAX_ENTRIES, Integer.class))
        .contains(ConnectionAuth.MAX_ENTRIES);
  }

  @Test
  void aTakenValueIsGoneAndAValueOfAnotherTypeIsNotReturned() {
    connection.put("Knock", "token");
    assertThat(connection.get("Knock", Integer.class)).isEmpty();
    assertThat(connection.take("Knock", String.class)).contains("token");
    assertThat(connection.take("Knock", String.class)).isEmpty();
  }

  @Test
  void keepsNothingOnceClosed() {
    connection.put("Knock", "token");
    connection.close();
    connection.put("Knock", "later");
    assertThat(connection.size()).isZero();
    assertThat(connection.get("Knock", String.class)).isEmpty();
  }
}
