package dev.warden.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Warden's own log file, through slf4j as every class of Warden logs. */
class WardenLogTest {

  private static final Logger WARDEN = LoggerFactory.getLogger("dev.warden.log.WardenLogTest");
  private static final Logger LITTLEPROXY =
      LoggerFactory.getLogger("org.littleshoot.proxy.impl.ClientToProxyConnection");

  @TempDir
  Path dir;

  @AfterEach
  void stopWriting() {
    WardenLog.stopWritingFile();
  }

  @Test
  void rollsAtTheSizeAndKeepsAtMostThreeFiles() throws Exception {
    WardenLog.writeTo(dir, 2_000, 3);
    for (int i = 0; i < 100; i++) {
      WARDEN.info("entry {} of a hundred, padded to about a hundred bytes: {}", i, "x".repeat(30));
    }
    WardenLog.stopWritingFile();

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("warden.log", "warden.log.1", "warden.log.2");
    }
    for (String name : List.of("warden.log", "warden.log.1", "warden.log.2")) {
      assertThat(Files.size(dir.resolve(name))).isLessThanOrEqualTo(2_000);
    }
    assertThat(Files.readString(dir.resolve("warden.log"))).contains("entry 99 of a hundred");
    assertThat(Files.readString(dir.resolve("warden.log.2")))
        .doesNotContain("entry 0 of a hundred");
    assertThat(Files.readString(dir.resolve("warden.log.1")))
        .contains(" INFO dev.warden.log.WardenLogTest - entry ");
  }

  @Test
  void writesAnErrorWithItsStackTrace() throws Exception {
    Path file = WardenLog.writeTo(dir, 100_000, 3);

    WARDEN.error(
        "Internal error while judging a request; refused with 407",
        new IllegalStateException("boom"));
    WardenLog.stopWritingFile();

    assertThat(Files.readString(file))
        .contains("ERROR dev.warden.log.WardenLogTest - Internal error while judging a request")
        .contains("java.lang.IllegalStateException: boom")
        .contains("\tat dev.warden.log.WardenLogTest.writesAnErrorWithItsStackTrace");
  }

  @Test
  void keepsLittleProxysDebugOutputOut() throws Exception {
    Path file = WardenLog.writeTo(dir, 100_000, 3);

    // LittleProxy writes the raw Proxy-Authorization at debug level
    LITTLEPROXY.debug("Proxy-Authorization: Basic {}", "YWxpY2U6czNjcmV0");
    LITTLEPROXY.info("Proxy-Authorization: Basic {}", "YWxpY2U6czNjcmV0");
    WARDEN.debug("debug of Warden's own");
    WARDEN.warn("a warning");
    WardenLog.stopWritingFile();

    assertThat(Files.readString(file))
        .doesNotContain("YWxpY2U6czNjcmV0")
        .doesNotContain("debug of")
        .contains("WARN dev.warden.log.WardenLogTest - a warning");
  }
}
