package dev.warden.core.connect;

import java.util.Objects;

/**
 * One client family's set-up: its title, one line saying what the text does, and the text to copy.
 * Immutable.
 */
public record ClientSnippet(String title, String summary, String text) {

  public ClientSnippet {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(text, "text");
  }
}
