package dev.warden.ui.editor;

/**
 * Turns a new password into the stored hash string. Slow on purpose: the editor calls it only inside
 * {@code Warden.update}, i.e. on Warden's worker thread, never on the FX thread.
 */
@FunctionalInterface
public interface PasswordHashing {

  /** @param password the password; the caller wipes it afterwards */
  String hash(char[] password);
}
