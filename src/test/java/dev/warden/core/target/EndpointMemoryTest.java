package dev.warden.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Endpoint.parse remembers recent answers per thread: they must be the answers a fresh parse gives. */
class EndpointMemoryTest {

  @Property(tries = 300)
  void givesWhatAFreshParseGivesWhateverWasParsedBefore(
      @ForAll("sequences") List<String> authorities) {
    for (int i = 0; i < authorities.size(); i++) {
      String text = authorities.get(i);
      int defaultPort = i % 3 == 0 ? -1 : 80;
      Object remembered = outcome(() -> Endpoint.parse(text, defaultPort));
      Object fresh = outcome(() -> Endpoint.parseAnew(text, defaultPort));
      assertThat(remembered).as("%s (default %d)", text, defaultPort).isEqualTo(fresh);
    }
  }

  @Provide
  Arbitrary<List<String>> sequences() {
    // few distinct texts, so the same ones come back with either default port and after refusals
    return Arbitraries.of(
            "127.0.0.1:8080",
            "127.1:8080",
            "127.0.0.1",
            "LOCALHOST.:80",
            "localhost",
            "[::1]:443",
            "[::ffff:127.0.0.1]",
            "2130706433:9",
            "a.example:0",
            "a.example:",
            "b.example:65536",
            "B.Example:081",
            "x..y",
            "[::1",
            "::1",
            "0x7f.1:1")
        .list()
        .ofMinSize(1)
        .ofMaxSize(30);
  }

  private static Object outcome(java.util.function.Supplier<Endpoint> parse) {
    try {
      return parse.get();
    } catch (RefusalException refused) {
      return refused.refusal();
    }
  }
}
