package dev.warden.core.auth.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChallengeMessageTest {

  @Test
  void exposesNoArrayThatCallersCouldChange() {
    assertThat(Arrays.stream(ChallengeMessage.class.getDeclaredFields())
            .filter(f -> f.getType().isArray())
            .filter(f -> Modifier.isStatic(f.getModifiers()))
            .filter(f -> !Modifier.isPrivate(f.getModifiers()))
            .map(Field::getName))
        .isEmpty();
  }

  @Test
  void aChangedCopyOfTheWindowsVersionLeavesTheNextCopyAsItWas() {
    ChallengeMessage.windowsVersion()[0] = 99;

    assertThat(ChallengeMessage.windowsVersion())
        .isEqualTo(new byte[] {6, 0, 0x70, 0x17, 0, 0, 0, 0x0f});
  }
}
