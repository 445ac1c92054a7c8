package dev.warden.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.settings.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtpasswdFileTest {

  private static Path resource(String name) throws Exception {
    return Path.of(HtpasswdFileTest.class.getResource(name).toURI());
  }

  @Test
  void readsEveryUserOfAnHtpasswdFileAsEnabled() throws Exception {
    List<User> users = HtpasswdFile.read(resource("supported.htpasswd"));

    assertThat(users)
        .extracting(User::name)
        .containsExactly("alice", "jürgen", "long", "bob", "carol");
    assertThat(users).allMatch(User::enabled);
    assertThat(users.get(3).passwordHash()).isEqualTo("{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=");
  }

  @Test
  void skipsBlankLinesAndComments() throws Exception {
    List<User> users = HtpasswdFile.parse(
        "\n# a comment\n   \n  # indented\nbob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\r\n");

    assertThat(users).extracting(User::name).containsExactly("bob");
  }

  @Test
  void namesTheLineOfAnUnsupportedHashWithoutEchoingIt() throws Exception {
    Path file = resource("crypt.htpasswd");
    String crypt = Files.readAllLines(file).get(3).substring("dave:".length());

    assertThatThrownBy(() -> HtpasswdFile.read(file))
        .isInstanceOfSatisfying(
            HtpasswdFormatException.class, e -> assertThat(e.line()).isEqualTo(4))
        .hasMessage("line 4: unsupported hash format (crypt)")
        .hasMessageNotContaining(crypt);
  }

  @Test
  void refusesABcryptCostAboveTwelveWithAClearMessage(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("slow.htpasswd");
    // cost 13, hash text from the bcrypt format (its value never matters: it must not be read)
    String slow = "$2y$13$qHQwp9h5ha0fxroRqLO8R.sSwkpFagV63SCJ5YQgHwSZ4YFKrfZsK";
    Files.writeString(file, "alice:" + slow + "\n");

    assertThatThrownBy(() -> HtpasswdFile.read(file))
        .hasMessageContaining("line 1: bcrypt cost 13 is above 12")
        .hasMessageNotContaining(slow);
  }

  @Test
  void refusesShaCryptAndPlainTextFromHtpasswd() throws Exception {
    assertThatThrownBy(() -> HtpasswdFile.read(resource("sha512crypt.htpasswd")))
        .hasMessage("line 2: unsupported hash format (crypt)");
    assertThatThrownBy(() -> HtpasswdFile.read(resource("plain.htpasswd")))
        .hasMessage("line 2: unsupported hash format (plain text)");
  }

  @Test
  void namesTheLineWithoutAColon() {
    String text = "# users\nbob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\n\n\nno colon here\n";

    assertThatThrownBy(() -> HtpasswdFile.parse(text)).hasMessage("line 5: no ':'");
  }

  @Test
  void refusesAnEmptyUserNameAndAUserTwice() {
    assertThatThrownBy(() -> HtpasswdFile.parse(":{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g="))
        .hasMessage("line 1: empty user name");
    assertThatThrownBy(() -> HtpasswdFile.parse(
            "bob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\nbob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g="))
        .hasMessage("line 2: user 'bob' already appears on line 1");
  }

  @Test
  void refusesAFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.htpasswd");
    Files.write(file, "j\u00fcrgen:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\n".getBytes("ISO-8859-1"));

    assertThatThrownBy(() -> HtpasswdFile.read(file))
        .isInstanceOf(HtpasswdFormatException.class)
        .hasMessage("the file is not UTF-8 text");
  }

  @Test
  void ignoresAByteOrderMark() throws Exception {
    assertThat(HtpasswdFile.parse("\uFEFFbob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g="))
        .extracting(User::name)
        .containsExactly("bob");
  }
}
