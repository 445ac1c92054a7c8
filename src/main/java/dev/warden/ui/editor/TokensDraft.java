package dev.warden.ui.editor;

import dev.warden.core.settings.BearerToken;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A realm's Bearer tokens being edited: the stored ones (hashed, shown by name and the start of
 * their hash, never the token), one added from a name and the token typed once (hashed at once;
 * the typed characters are not kept), one removed. Bad input is refused with a sentence and changes
 * nothing. FX thread (a SHA-256 of a short token is far below a frame).
 */
public final class TokensDraft {

  private final ObservableList<BearerToken> tokens = FXCollections.observableArrayList();
  private final StringProperty name = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final IntegerProperty revision = new SimpleIntegerProperty();

  TokensDraft(List<BearerToken> loaded) {
    tokens.setAll(loaded);
    tokens.addListener(
        (javafx.collections.ListChangeListener<BearerToken>) c -> revision.set(revision.get() + 1));
  }

  /** The tokens as they would be saved, in order. */
  public ObservableList<BearerToken> tokens() {
    return tokens;
  }

  /** The name of the token to add: recorded as the user a request with it authenticates as. */
  public StringProperty nameProperty() {
    return name;
  }

  /** Why the last add was refused; empty after a good one. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Changes whenever a token is added or removed. */
  public ReadOnlyIntegerProperty revisionProperty() {
    return revision;
  }

  /**
   * Adds {@code token} hashed under the typed name, then clears the name; {@code token} is zeroed
   * either way. Refused with {@link #errorProperty()} set and nothing changed when the name is empty
   * or taken, or the token is not an RFC 6750 b64token or already stored.
   *
   * @return whether it was added
   */
  public boolean add(char[] token) {
    try {
      String typed = name.get() == null ? "" : name.get().strip();
      String problem = nameProblem(typed);
      if (problem == null) {
        problem = BearerToken.syntaxProblem(token);
      }
      if (problem == null) {
        String hash = BearerToken.hashOf(token);
        problem = tokens.stream()
            .filter(t -> t.hash().equals(hash))
            .findFirst()
            .map(t -> "That token is already stored as '" + t.name() + "'")
            .orElse(null);
      }
      if (problem != null) {
        error.set(problem);
        return false;
      }
      tokens.add(BearerToken.of(typed, token));
      name.set("");
      error.set("");
      return true;
    } finally {
      Arrays.fill(token, '\0');
    }
  }

  /** Removes {@code token}; the next request with it is refused once the realm is saved. */
  public void remove(BearerToken token) {
    tokens.remove(token);
    error.set("");
  }

  /** How a stored token is shown: its name and the start of its hash. */
  public static String shown(BearerToken token) {
    return token.name() + "  " + token.fingerprint();
  }

  private String nameProblem(String typed) {
    if (typed.isEmpty()) {
      return "Give the token a name: it is recorded as the user of the requests that send it";
    }
    if (typed.chars().anyMatch(Character::isISOControl)) {
      return "A token's name cannot hold a control character";
    }
    if (tokens.stream().anyMatch(t -> t.name().equals(typed))) {
      return "A token named '" + typed + "' is already stored: remove it first to replace it";
    }
    return null;
  }
}
