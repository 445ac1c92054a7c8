package dev.warden.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SquidHelpersTest {

  @Test
  void findsTheHelperInTheFirstFolderThatHoldsIt() {
    assertEquals(
        "/usr/lib64/squid/basic_ncsa_auth",
        SquidHelpers.locate(
            "basic_ncsa_auth",
            path ->
                path.startsWith(Path.of("/usr/lib64")) || path.startsWith(Path.of("/usr/local"))));
  }

  @Test
  void fallsBackToTheDebianPathWhenNoFolderHoldsIt() {
    assertEquals(
        "/usr/lib/squid/digest_file_auth", SquidHelpers.locate("digest_file_auth", path -> false));
  }
}
