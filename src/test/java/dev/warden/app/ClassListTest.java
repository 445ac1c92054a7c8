package dev.warden.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * packaging/warden.classlist, from which the launcher's class data sharing archive is made, is
 * generated (scripts/cds-classlist.sh) and can go stale: a Warden class renamed or removed since is
 * silently left out of the archive and loaded the slow way at every start.
 */
class ClassListTest {

  private static final Path LIST = Path.of("packaging", "warden.classlist");
  private static final Pattern WARDEN_CLASS =
      Pattern.compile("^(?:@lambda-proxy )?(dev/warden/[^ ]+)");

  @Test
  void namesOnlyWardenClassesThatExist() throws IOException {
    List<String> lines = Files.readAllLines(LIST);
    List<String> warden = lines.stream()
        .map(WARDEN_CLASS::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1).replace('/', '.'))
        .distinct()
        .toList();

    assertThat(warden).as("Warden classes in " + LIST).hasSizeGreaterThan(100);
    assertThat(warden)
        .as("classes in %s that no longer exist: run scripts/cds-classlist.sh", LIST)
        .filteredOn(name -> !exists(name))
        .isEmpty();
  }

  @Test
  void startsWithTheClassesEveryJvmLoadsFirst() throws IOException {
    List<String> classes =
        Files.readAllLines(LIST).stream().filter(l -> !l.startsWith("#")).toList();

    assertThat(classes).first().isEqualTo("java/lang/Object");
    assertThat(classes).contains("dev/warden/app/Main", "javafx/scene/Scene");
  }

  private static boolean exists(String name) {
    try {
      Class.forName(name, false, ClassListTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
