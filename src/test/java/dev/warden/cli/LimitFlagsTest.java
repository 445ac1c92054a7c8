package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.settings.Limits;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitFlagsTest {

  @Test
  void readsEveryLimitFlagAndReplacesOnlyThoseLimits() throws UsageException {
    Arguments a = Arguments.parse(
        "--headless",
        "--idle-timeout",
        "500ms",
        "--max-connections=100",
        "--head-timeout",
        "5s",
        "--connect-timeout",
        "2",
        "--first-byte-timeout",
        "2m");

    assertThat(a.limits().apply(Limits.DEFAULTS))
        .isEqualTo(Limits.DEFAULTS
            .withIdle(Duration.ofMillis(500))
            .withMaxConnections(100)
            .withRequestHead(Duration.ofSeconds(5))
            .withConnect(Duration.ofSeconds(2))
            .withFirstByte(Duration.ofMinutes(2)));
  }

  @Test
  void leavesTheLimitsAloneWithoutLimitFlags() throws UsageException {
    Arguments a = Arguments.parse("--headless");

    assertThat(a.limits().isEmpty()).isTrue();
    assertThat(a.limits().apply(Limits.DEFAULTS)).isEqualTo(Limits.DEFAULTS);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--idle-timeout|soon|--idle-timeout: 'soon' is not a duration; use milliseconds (500ms), seconds (30, 30s), minutes (5m) or hours (1h)",
        "--idle-timeout|50ms|--idle-timeout: '50ms' is outside 100ms to 1h",
        "--connect-timeout|2h|--connect-timeout: '2h' is outside 100ms to 1h",
        "--max-connections|0|--max-connections: '0' is outside 1 to 1000000",
        "--max-connections|many|--max-connections: 'many' is not a whole number",
        "--max-connections|-3|--max-connections: '-3' is not a whole number"
      })
  void refusesABadValueInOneLineNamingTheFlag(String flag, String value, String message) {
    assertThatThrownBy(() -> Arguments.parse("--headless", flag + "=" + value))
        .isInstanceOf(UsageException.class)
        .hasMessage(message);
  }

  @Test
  void refusesLimitFlagsForTheWindow() {
    assertThatThrownBy(() -> Arguments.parse("--idle-timeout", "30s"))
        .hasMessage("--idle-timeout: only with --headless (the window has its own settings)");
  }

  @Test
  void refusesALimitFlagGivenTwice() {
    assertThatThrownBy(
            () -> Arguments.parse("--headless", "--max-connections", "5", "--max-connections", "6"))
        .hasMessage("--max-connections: given more than once");
  }
}
