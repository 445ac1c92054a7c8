package dev.warden.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The main window's keyboard shortcuts, one place for the accelerators and the names the tooltips
 * quote ("Ctrl+F"). FX thread.
 */
final class WindowShortcuts {

  static final KeyCombination SEARCH =
      new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination CLEAR =
      new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination ENFORCEMENT =
      new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination EDITOR =
      new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination DASHBOARD =
      new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination PAUSE =
      new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination JUMP =
      new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN);
  static final KeyCombination START_STOP = new KeyCodeCombination(KeyCode.F5);
  static final KeyCombination ARRIVAL_ORDER =
      new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  static final KeyCombination COPY_CURL =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  private final Map<KeyCombination, Runnable> actions = new LinkedHashMap<>();

  WindowShortcuts on(KeyCombination keys, Runnable action) {
    actions.put(keys, action);
    return this;
  }

  void installOn(Scene scene) {
    scene.getAccelerators().putAll(actions);
  }
}
