package dev.warden.core.auth.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.auth.digest.HtdigestFile.Entry;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtdigestFileTest {

  // htdigest's HA1 of Mufasa / testrealm@host.com / "Circle Of Life" (the RFC 2617 example)
  private static final String MUFASA_HA1 = "939e7578ed9e3c518a452acee763bce9";

  @Test
  void readsUserRealmAndHa1OfEveryLine() throws Exception {
    List<Entry> entries = HtdigestFile.parse("Mufasa:testrealm@host.com:" + MUFASA_HA1 + "\n"
        + "j\u00fcrgen:Warden:0123456789abcdef0123456789abcdef\n");

    assertThat(entries)
        .containsExactly(
            new Entry("Mufasa", "testrealm@host.com", MUFASA_HA1),
            new Entry("j\u00fcrgen", "Warden", "0123456789abcdef0123456789abcdef"));
  }

  @Test
  void theHa1IsTheMd5OfUserRealmAndPassword() throws Exception {
    Entry entry = HtdigestFile.parse("Mufasa:testrealm@host.com:" + MUFASA_HA1).get(0);

    assertThat(entry.ha1())
        .isEqualTo(DigestCalculation.ha1(
            DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life".toCharArray()));
  }

  @Test
  void skipsBlankLinesCommentsAndAByteOrderMark() throws Exception {
    List<Entry> entries =
        HtdigestFile.parse("\uFEFF# users of the lab\n\n   \n  # indented comment\r\n" + "bob:lab:"
            + MUFASA_HA1 + "\r\n\n");

    assertThat(entries).extracting(Entry::user).containsExactly("bob");
  }

  @Test
  void readsFromAReaderAndLeavesItOpen() throws Exception {
    var closed = new boolean[1];
    Reader reader = new StringReader("bob:lab:" + MUFASA_HA1) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };

    assertThat(HtdigestFile.read(reader)).hasSize(1);
    assertThat(closed[0]).isFalse();
  }

  @Test
  void lowerCasesAnUpperCaseHa1() throws Exception {
    assertThat(HtdigestFile.parse("bob:lab:" + MUFASA_HA1.toUpperCase()).get(0).ha1())
        .isEqualTo(MUFASA_HA1);
  }

  @Test
  void ignoresSpacesAfterTheHa1() throws Exception {
    assertThat(HtdigestFile.parse("bob:lab:" + MUFASA_HA1 + "  \t").get(0).ha1())
        .isEqualTo(MUFASA_HA1);
  }

  @Test
  void aRealmMayContainColons() throws Exception {
    assertThat(HtdigestFile.parse("bob:proxy:3128:" + MUFASA_HA1).get(0))
        .isEqualTo(new Entry("bob", "proxy:3128", MUFASA_HA1));
  }

  @Test
  void anEmptyFileHasNoEntries() throws Exception {
    assertThat(HtdigestFile.parse("")).isEmpty();
    assertThat(HtdigestFile.parse("# nothing\n")).isEmpty();
  }

  @Test
  void namesTheLineWithoutUserRealmAndHash() {
    assertThatThrownBy(
            () -> HtdigestFile.parse("# users\nbob:lab:" + MUFASA_HA1 + "\nalice:" + MUFASA_HA1))
        .isInstanceOfSatisfying(
            HtdigestFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessage("line 3: expected user:realm:hash")
        .hasMessageNotContaining(MUFASA_HA1);
    assertThatThrownBy(() -> HtdigestFile.parse("no colon at all"))
        .hasMessage("line 1: expected user:realm:hash");
  }

  @Test
  void namesTheLineOfAnHa1ThatIsNot32HexDigitsWithoutEchoingIt() {
    String shortHash = MUFASA_HA1.substring(1);
    String sha256 =
        DigestCalculation.ha1(DigestAlgorithm.SHA_256, "bob", "lab", "pw".toCharArray());
    String notHex = "z" + MUFASA_HA1.substring(1);

    for (String bad : new String[] {shortHash, sha256, notHex, "", MUFASA_HA1 + "0", "$apr1$x"}) {
      String text = "# users\n\nbob:lab:" + MUFASA_HA1 + "\nalice:lab:" + bad + "\n";
      assertThatThrownBy(() -> HtdigestFile.parse(text))
          .as(bad)
          .isInstanceOfSatisfying(
              HtdigestFormatException.class, e -> assertThat(e.line()).isEqualTo(4))
          .hasMessage("line 4: HA1 must be 32 hex digits");
    }
  }

  @Test
  void namesTheLineOfAnEmptyUserOrRealm() {
    assertThatThrownBy(() -> HtdigestFile.parse(":lab:" + MUFASA_HA1))
        .hasMessage("line 1: empty user name");
    assertThatThrownBy(() -> HtdigestFile.parse("bob::" + MUFASA_HA1))
        .hasMessage("line 1: empty realm");
  }

  @Test
  void namesTheLineOfAControlCharacter() {
    assertThatThrownBy(() -> HtdigestFile.parse("b\u0000ob:lab:" + MUFASA_HA1))
        .hasMessage("line 1: control character in the user name");
    assertThatThrownBy(() -> HtdigestFile.parse("bob:l\tab:" + MUFASA_HA1))
        .hasMessage("line 1: control character in the realm");
  }

  @Test
  void refusesTheSameUserTwiceInOneRealm() throws Exception {
    assertThatThrownBy(
            () -> HtdigestFile.parse("bob:lab:" + MUFASA_HA1 + "\n#\nbob:lab:" + MUFASA_HA1))
        .hasMessage("line 3: user 'bob' in realm 'lab' already appears on line 1");
    assertThat(HtdigestFile.parse("bob:lab:" + MUFASA_HA1 + "\nbob:other:" + MUFASA_HA1))
        .hasSize(2);
  }

  @Test
  void anEntryDoesNotShowItsHa1() {
    assertThat(new Entry("bob", "lab", MUFASA_HA1).toString())
        .contains("bob", "lab")
        .doesNotContain(MUFASA_HA1);
  }

  @Test
  void passesOnAFailingReader() {
    Reader failing = new Reader() {
      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        throw new IOException("disk gone");
      }

      @Override
      public void close() {}
    };

    assertThatThrownBy(() -> HtdigestFile.read(failing))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("disk gone");
  }
}
