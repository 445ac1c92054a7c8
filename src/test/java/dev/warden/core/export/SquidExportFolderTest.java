package dev.warden.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SquidExportFolderTest {

  @TempDir
  Path temp;

  static SquidFiles files(String conf) {
    return new SquidFiles(
        conf, Optional.of("ann:x\n"), Optional.of("ann:R:0\n"), "readme\n", List.of(), List.of());
  }

  @Test
  void writesEveryFileAndKeepsThePasswordFilesOwnerOnly() throws IOException {
    Path folder = temp.resolve("export");
    List<String> written = SquidExportFolder.write(folder, files("conf\n"), false);

    assertEquals(
        List.of("squid.conf", "passwords", "digest_passwords", "README-export.txt"), written);
    assertEquals("conf\n", Files.readString(folder.resolve("squid.conf")));
    assertEquals("ann:x\n", Files.readString(folder.resolve("passwords")));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("passwords"))));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(folder.resolve("digest_passwords"))));
    assertEquals(List.of(folder), entries(temp), "no staging folder is left beside the export");
  }

  @Test
  void refusesAFolderThatHoldsFilesAndLeavesThemAlone() throws IOException {
    Path folder = Files.createDirectory(temp.resolve("export"));
    Files.writeString(folder.resolve("notes.txt"), "mine");

    assertThrows(
        DirectoryNotEmptyException.class,
        () -> SquidExportFolder.write(folder, files("conf\n"), false));
    assertEquals(List.of(folder.resolve("notes.txt")), entries(folder));
    assertEquals(List.of(folder), entries(temp));
  }

  @Test
  void replacesAFullFolderWhenTold() throws IOException {
    Path folder = temp.resolve("export");
    SquidExportFolder.write(folder, files("old\n"), false);
    SquidExportFolder.write(folder, files("new\n"), true);

    assertEquals("new\n", Files.readString(folder.resolve("squid.conf")));
    assertEquals(List.of(folder), entries(temp));
  }

  @Test
  void writesIntoAnEmptyExistingFolder() throws IOException {
    Path folder = Files.createDirectory(temp.resolve("export"));
    SquidExportFolder.write(folder, files("conf\n"), false);
    assertTrue(Files.isRegularFile(folder.resolve("README-export.txt")));
  }

  private static List<Path> entries(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.sorted().toList();
    }
  }
}
