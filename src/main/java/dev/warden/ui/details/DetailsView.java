package dev.warden.ui.details;

import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * Tabs for the selected exchange: Overview, Request, Response, Auth. Shows a hint while nothing is
 * selected. FX thread.
 */
public final class DetailsView {

  private final StackPane root = new StackPane();
  private final DetailsViewModel model;
  private TabPane tabs;

  /**
   * Builds the hint only. The tabs (about 240 nodes, 40 % of the window's at start, each styled and
   * laid out before the window can appear) are built by {@link #prepare}, or on the first selection
   * when that comes first.
   */
  public DetailsView(DetailsViewModel model) {
    this.model = model;
    root.setId("details");
    root.getStyleClass().add("details");
    root.getStylesheets().add(DetailsView.class.getResource("details.css").toExternalForm());
    Label empty = new Label(
        "Select an exchange to see its details",
        new FontIcon(MaterialDesignC.CURSOR_DEFAULT_CLICK_OUTLINE));
    empty.getStyleClass().add("details-empty");
    empty.visibleProperty().bind(model.exchangeProperty().isNull());
    root.getChildren().add(empty);
    model.exchangeProperty().addListener((o, was, exchange) -> {
      if (exchange != null) {
        prepare();
      }
    });
  }

  /** Builds the tabs now if they are not built yet, so the first selection shows at once. */
  public void prepare() {
    if (tabs == null) {
      tabs = tabs(model);
      root.getChildren().add(tabs);
    }
  }

  public Node node() {
    return root;
  }

  private static TabPane tabs(DetailsViewModel model) {
    Label outcome = new Label();
    outcome.setId("details-outcome");
    outcome.getStyleClass().add("outcome");
    outcome.setWrapText(true);
    outcome.textProperty().bind(model.outcomeProperty());
    GridPane facts = new GridPane();
    facts.setId("details-facts");
    facts.getStyleClass().add("facts");
    facts.setHgap(16);
    facts.setVgap(6);
    follow(model.overview(), () -> showFacts(facts, model.overview(), false));
    Label conversation = new Label();
    conversation.setId("details-conversation");
    conversation.getStyleClass().add("conversation");
    conversation.setWrapText(true);
    conversation.textProperty().bind(model.conversationProperty());
    conversation.managedProperty().bind(conversation.textProperty().isNotEmpty());
    conversation.visibleProperty().bind(conversation.managedProperty());
    VBox diagnosis = new VBox(6);
    diagnosis.setId("details-diagnosis");
    diagnosis.getStyleClass().add("diagnosis");
    follow(model.diagnosis(), () -> showDiagnosis(diagnosis, model.diagnosis()));
    diagnosis.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.diagnosis()));
    diagnosis.visibleProperty().bind(diagnosis.managedProperty());
    VBox overview = new VBox(14, outcome, conversation, diagnosis, facts);
    overview.setPadding(new Insets(14));
    ScrollPane overviewScroll = new ScrollPane(overview);
    overviewScroll.setFitToWidth(true);

    // Auth comes second: it is why people open Warden, and at the default split the last tabs
    // fold into the overflow menu.
    TabPane pane = new TabPane(
        tab("Overview", new FontIcon(MaterialDesignI.INFORMATION_OUTLINE), overviewScroll),
        tab("Auth", new FontIcon(MaterialDesignK.KEY_VARIANT), authPane(model)),
        tab(
            "Request",
            new FontIcon(MaterialDesignA.ARROW_UP_BOLD_CIRCLE_OUTLINE),
            split(
                text("request-head", model.requestHeadProperty()),
                text("request-body", model.requestBodyProperty()))),
        tab(
            "Response",
            new FontIcon(MaterialDesignA.ARROW_DOWN_BOLD_CIRCLE_OUTLINE),
            split(
                text("response-head", model.responseHeadProperty()),
                text("response-body", model.responseBodyProperty()))));
    pane.setId("details-tabs");
    pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    pane.visibleProperty().bind(model.exchangeProperty().isNotNull());
    return pane;
  }

  /**
   * Why the credentials were accepted or refused (one sentence), the challenges sent, and a grid of
   * the parameters received, one row each, the secret masked.
   */
  private static Node authPane(DetailsViewModel model) {
    Label verdict = new Label();
    verdict.setId("auth-verdict");
    verdict.getStyleClass().add("outcome");
    verdict.setWrapText(true);
    verdict.textProperty().bind(model.authVerdictProperty());
    Label sent = new Label("Challenge Warden sent");
    sent.getStyleClass().add("section-title");
    Label received = new Label("Credentials received");
    received.getStyleClass().add("section-title");
    TextArea challenge = text("auth-challenge", model.challengeProperty());
    challenge.setPrefRowCount(4);
    GridPane grid = new GridPane();
    grid.setId("auth-received");
    grid.getStyleClass().add("facts");
    grid.setHgap(16);
    grid.setVgap(4);
    follow(model.received(), () -> showFacts(grid, model.received(), true));
    VBox box = new VBox(8, verdict, sent, challenge, received, grid);
    box.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    return scroll;
  }

  /**
   * Shows a list now and again on every change: the tabs may be built after the model already
   * holds the selected exchange's content.
   */
  private static void follow(ObservableList<?> list, Runnable show) {
    show.run();
    list.addListener((ListChangeListener<Object>) c -> show.run());
  }

  /**
   * One row per fact. The Auth tab's values ({@code received}) are protocol fields: monospaced, each
   * with an id named after its label.
   */
  private static void showFacts(
      GridPane grid, List<DetailsViewModel.Fact> facts, boolean received) {
    grid.getChildren().clear();
    int row = 0;
    for (DetailsViewModel.Fact f : facts) {
      Label key = new Label(f.label());
      key.getStyleClass().add("fact-label");
      key.setMinWidth(Region.USE_PREF_SIZE);
      Label value = new Label(f.value());
      value.getStyleClass().add("fact-value");
      if (received) {
        value.setId(
            "auth-" + f.label().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        value.getStyleClass().add("mono");
      }
      value.setWrapText(true);
      grid.addRow(row++, key, value);
    }
  }

  private static void showDiagnosis(VBox diagnosis, List<String> sentences) {
    diagnosis.getChildren().clear();
    for (String sentence : sentences) {
      Label line = new Label(sentence, new FontIcon(MaterialDesignL.LIGHTBULB_ON_OUTLINE));
      line.getStyleClass().add("diagnosis-line");
      line.setWrapText(true);
      diagnosis.getChildren().add(line);
    }
  }

  private static Tab tab(String title, Node icon, Node content) {
    Tab tab = new Tab(title, content);
    tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
    tab.setGraphic(icon);
    return tab;
  }

  private static SplitPane split(Node head, Node body) {
    SplitPane split = new SplitPane(head, body);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.45);
    return split;
  }

  private static TextArea text(String id, ObservableStringValue value) {
    TextArea area = new TextArea();
    area.setId(id);
    area.getStyleClass().add("mono");
    area.setEditable(false);
    area.setWrapText(false);
    area.textProperty().bind(value);
    return area;
  }
}
