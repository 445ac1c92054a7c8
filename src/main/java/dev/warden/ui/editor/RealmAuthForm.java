package dev.warden.ui.editor;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * A realm's Authentication tab in the editor: which schemes it offers and in which order, the
 * Digest algorithm preset with one sentence on what it means for real clients, the Digest nonce
 * lifetime and whether {@code qop=auth-int} is offered, whether a disabled user gets 403 or 407, and
 * the Bearer tokens ({@link TokensForm}). Bound to one {@link RealmDraft} at a time. FX thread.
 */
final class RealmAuthForm {

  private final CheckBox basic = new CheckBox("Basic");
  private final CheckBox digest = new CheckBox("Digest");
  private final CheckBox digestFirst = new CheckBox("Offer Digest before Basic");
  private final ComboBox<DigestPreset> preset = new ComboBox<>();
  private final Label presetExplanation = new Label();
  /** NTLM, Negotiate and Bearer: shown, set headless or in the file. */
  private final Label otherSchemes = new Label();

  private final CheckBox disabled407 =
      new CheckBox("Answer disabled users with 407 instead of 403");
  private final TextField nonceLifetime = new TextField();
  private final CheckBox lockedOut429 =
      new CheckBox("Answer locked-out clients with 429 Too Many Requests instead of 407");
  private final CheckBox authInt =
      new CheckBox("Also offer qop=auth-int (the response covers the request body)");
  private final TokensForm tokens = new TokensForm();
  private RealmDraft bound;

  /** Schemes and their order, the Digest algorithm preset with what it means, disabled users' status. */
  Node node() {
    basic.setId("realm-basic");
    basic.setTooltip(new Tooltip("Offer Basic: user and password in every request, base64 only"));
    digest.setId("realm-digest");
    digest.setTooltip(
        new Tooltip("Offer Digest: a hash of the password, never the password itself"));
    digestFirst.setId("realm-digest-first");
    digestFirst
        .disableProperty()
        .bind(basic.selectedProperty().and(digest.selectedProperty()).not());
    digestFirst.setTooltip(new Tooltip(
        "curl answers the first challenge it understands, JDK 17 HttpURLConnection the last"));
    HBox schemes = new HBox(14, basic, digest, digestFirst);
    schemes.setAlignment(Pos.CENTER_LEFT);

    preset.setId("realm-digest-preset");
    preset.setTooltip(new Tooltip("Which Digest algorithms and qop this realm offers"));
    preset.getItems().setAll(DigestPreset.values());
    preset.setButtonCell(presetCell());
    preset.disableProperty().bind(digest.selectedProperty().not());
    presetExplanation.setId("realm-digest-explanation");
    presetExplanation.setWrapText(true);
    presetExplanation.getStyleClass().add(Styles.TEXT_MUTED);
    presetExplanation
        .textProperty()
        .bind(Bindings.createStringBinding(
            () -> preset.getValue() == null
                ? "Kept as loaded; choose a preset to change it."
                : preset.getValue().explanation(),
            preset.valueProperty()));
    presetExplanation.disableProperty().bind(preset.disableProperty());

    Label keepBasic =
        new Label("Java HttpClient and wget do no proxy Digest: keep Basic on for them.");
    keepBasic.setId("realm-keep-basic");
    keepBasic.setWrapText(true);
    keepBasic.getStyleClass().add("warning-note");
    keepBasic.setGraphic(new FontIcon(MaterialDesignA.ALERT));
    keepBasic.visibleProperty().bind(basic.selectedProperty().not().and(digest.selectedProperty()));
    keepBasic.managedProperty().bind(keepBasic.visibleProperty());

    nonceLifetime.setId("realm-nonce-lifetime");
    nonceLifetime.setPrefColumnCount(6);
    nonceLifetime.disableProperty().bind(digest.selectedProperty().not());
    nonceLifetime.setTooltip(
        new Tooltip("A nonce older than this is answered with stale=true; clients retry"
            + " with the new one without asking for the password"));
    Label lifetimeHint = new Label("90s, 5m, 1h; from 1 s to 24 h");
    lifetimeHint.getStyleClass().add(Styles.TEXT_MUTED);
    HBox lifetime = new HBox(10, nonceLifetime, lifetimeHint);
    lifetime.setAlignment(Pos.CENTER_LEFT);

    authInt.setId("realm-auth-int");
    authInt.disableProperty().bind(digest.selectedProperty().not());
    authInt.setTooltip(
        new Tooltip("Warden holds a body of up to 1 MiB before judging it; curl and Python urllib"
            + " do not do auth-int and keep answering qop=auth"));

    disabled407.setId("realm-disabled-407");
    disabled407.setTooltip(
        new Tooltip("403 tells the client that retrying cannot help; 407 asks again"));

    lockedOut429.setId("realm-locked-out-429");
    // its text names the realm's thresholds and is longer than the column: wrapped, never cut to
    // "..."
    lockedOut429.setWrapText(true);
    lockedOut429.setTooltip(
        new Tooltip("429 carries Retry-After; 407 looks like any other challenge"));

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(6);
    Label schemesLabel = new Label("Schemes");
    Label presetLabel = new Label("Digest algorithms");
    // a GridPane column shrinks labels to "..." when the row's other cell asks for the width
    schemesLabel.setMinWidth(Region.USE_PREF_SIZE);
    presetLabel.setMinWidth(Region.USE_PREF_SIZE);
    Label lifetimeLabel = new Label("Nonce lifetime");
    lifetimeLabel.setMinWidth(Region.USE_PREF_SIZE);
    grid.addRow(0, schemesLabel, schemes);
    grid.add(keepBasic, 1, 1);
    grid.addRow(2, presetLabel, preset);
    grid.add(presetExplanation, 1, 3);
    grid.addRow(4, lifetimeLabel, lifetime);
    grid.add(authInt, 1, 5);
    grid.add(disabled407, 1, 6);
    grid.add(lockedOut429, 1, 7);
    Label otherLabel = new Label("Also offered");
    otherLabel.setMinWidth(Region.USE_PREF_SIZE);
    otherSchemes.setId("realm-other-schemes");
    otherSchemes.setWrapText(true);
    otherSchemes.getStyleClass().add(Styles.TEXT_MUTED);
    grid.addRow(8, otherLabel, otherSchemes);
    Label tokensLabel = new Label("Bearer tokens");
    tokensLabel.setMinWidth(Region.USE_PREF_SIZE);
    grid.addRow(9, tokensLabel, tokens.node());
    GridPane.setHgrow(presetExplanation, Priority.ALWAYS);
    VBox box = new VBox(8, grid);
    box.setPadding(new Insets(10, 0, 0, 0));
    return box;
  }

  /** Shows a preset's label, or the loaded algorithms when they match no preset. */
  private ListCell<DigestPreset> presetCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(DigestPreset item, boolean empty) {
        super.updateItem(item, empty);
        setText(
            item != null
                ? item.label()
                : bound == null
                    ? null
                    : "Custom: " + String.join(", ", bound.loadedAlgorithms())
                        + " (as in the settings file)");
      }
    };
  }

  /** Shows {@code realm}'s settings and edits them. */
  void bind(RealmDraft realm) {
    bound = realm;
    basic.selectedProperty().bindBidirectional(realm.basicProperty());
    digest.selectedProperty().bindBidirectional(realm.digestProperty());
    digestFirst.selectedProperty().bindBidirectional(realm.digestFirstProperty());
    preset.valueProperty().bindBidirectional(realm.presetProperty());
    disabled407.selectedProperty().bindBidirectional(realm.disabledGet407Property());
    nonceLifetime.textProperty().bindBidirectional(realm.nonceLifetimeProperty());
    lockedOut429.selectedProperty().bindBidirectional(realm.lockedOutGet429Property());
    lockedOut429.setText(
        "Answer locked-out clients with 429 Too Many Requests instead of 407 (locked out after "
            + realm.loadedLockout().lockoutAfter() + " failed logins a minute, for "
            + realm.loadedLockout().lockoutFor().toMinutes() + " min)");
    authInt.selectedProperty().bindBidirectional(realm.authIntProperty());
    preset.setButtonCell(presetCell()); // a null value shows this realm's loaded algorithms
    otherSchemes.setText(realm.otherSchemesText());
    tokens.bind(realm.tokensDraft());
  }

  /** Stops editing {@code realm}. */
  void unbind(RealmDraft realm) {
    basic.selectedProperty().unbindBidirectional(realm.basicProperty());
    digest.selectedProperty().unbindBidirectional(realm.digestProperty());
    digestFirst.selectedProperty().unbindBidirectional(realm.digestFirstProperty());
    preset.valueProperty().unbindBidirectional(realm.presetProperty());
    disabled407.selectedProperty().unbindBidirectional(realm.disabledGet407Property());
    nonceLifetime.textProperty().unbindBidirectional(realm.nonceLifetimeProperty());
    lockedOut429.selectedProperty().unbindBidirectional(realm.lockedOutGet429Property());
    authInt.selectedProperty().unbindBidirectional(realm.authIntProperty());
    tokens.unbind(realm.tokensDraft());
    bound = null;
  }
}
