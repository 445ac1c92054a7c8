package dev.warden.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a client on this machine reaches Warden for each listen address (resend uses it). */
class ListenAddressReachTest {

  @ParameterizedTest
  @CsvSource({
    "0.0.0.0, 127.0.0.1",
    "::, ::1",
    "[::], ::1",
    "[::1], ::1",
    "127.0.0.2, 127.0.0.2",
    "localhost, localhost"
  })
  void reachesAWildcardOnLoopbackAndDropsBrackets(String host, String reached) {
    assertThat(new ListenAddress(host, 3128).reachableHost()).isEqualTo(reached);
  }
}
