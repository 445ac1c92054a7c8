package dev.warden.ui;

import dev.warden.core.EngineStatus;
import dev.warden.core.Warden;
import dev.warden.core.replay.CurlCommand;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.ui.details.ConversationFacts;
import dev.warden.ui.details.DetailsView;
import dev.warden.ui.details.DetailsViewModel;
import dev.warden.ui.editor.EditorViewModel;
import dev.warden.ui.editor.EditorWindow;
import dev.warden.ui.editor.PasswordHashing;
import dev.warden.ui.feedback.NotificationView;
import dev.warden.ui.feedback.OpenProxyBanner;
import dev.warden.ui.fx.AfterFirstFrame;
import dev.warden.ui.fx.CoalescedSignal;
import dev.warden.ui.fx.FxExecutor;
import dev.warden.ui.lockouts.LockoutsViewModel;
import dev.warden.ui.state.UiState;
import dev.warden.ui.status.StatusView;
import dev.warden.ui.status.StatusViewModel;
import dev.warden.ui.theme.Theme;
import dev.warden.ui.toolbar.ToolbarView;
import dev.warden.ui.toolbar.ToolbarViewModel;
import dev.warden.ui.traffic.FilterBarView;
import dev.warden.ui.traffic.TrafficView;
import dev.warden.ui.traffic.TrafficViewModel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Warden's main window: toolbar and filters on top, the live traffic table beside the details of the
 * selected exchange, the status bar below; the realms and users editor in a second, non-modal
 * window. Composes the features and wires Warden's callbacks to the FX thread. FX thread only.
 */
public final class WardenWindow {

  private final Warden warden;
  private final Executor fx = new FxExecutor();
  private final TrafficViewModel trafficModel;
  private final ToolbarViewModel toolbarModel;
  private final StatusViewModel statusModel;
  private final DetailsViewModel detailsModel = new DetailsViewModel();
  private final EditorViewModel editorModel;
  private final StatusBarLockouts lockouts;
  private final TrafficView trafficView;
  private final ToolbarView toolbarView;
  private final FilterBarView filterBar;
  private final OpenProxyBanner openProxyBanner;
  private final NotificationView notifications;
  private final TrafficDetailsSplit split;
  private final DetailsView details;
  private final WindowIcons icons;
  private final LiveTraffic live;
  private final ReadOnlyStringWrapper proxyAddress = new ReadOnlyStringWrapper();
  private final BorderPane root = new BorderPane();
  private final Optional<String> startupNotice;
  private Theme theme;
  private final HarCaptures har;
  private Stage stage;
  private final EditorWindow editorWindow;

  private MoreMenu moreMenu;

  public WardenWindow(
      Warden warden, PasswordHashing hashing, UiState state, Optional<String> startupNotice) {
    this.warden = warden;
    this.startupNotice = startupNotice;
    this.theme = state.dark() ? Theme.DARK : Theme.LIGHT;
    theme.useForApplication();
    icons = WindowIcons.decodeInBackground();
    proxyAddress.set(warden.settings().listen().toString());

    trafficModel = new TrafficViewModel(warden.traffic().capacity());
    statusModel = new StatusViewModel(warden.status());
    trafficView = new TrafficView(
        trafficModel,
        proxyAddress::get,
        FirstRunHint.create(proxyAddress.getReadOnlyProperty(), this::openEditor));
    trafficView.applyColumnWidths(state.columnWidths());
    trafficView.hideColumns(state.hiddenColumns());
    detailsModel.exchangeProperty().bind(trafficModel.selectedProperty());
    detailsModel.useConversations(
        new ConversationFacts(warden.conversations()::ofExchange, warden::settings));
    trafficModel.useConversations(warden.conversations()::ofExchange);
    CoalescedSignal conversationsChanged = new CoalescedSignal(fx, () -> {
      detailsModel.conversationsChanged();
      trafficModel.conversationsChanged();
    });
    warden.conversations().onChanged(changed -> conversationsChanged.signal());
    details = new DetailsView(detailsModel);
    split = new TrafficDetailsSplit(trafficView.node(), details.node(), state.divider());
    notifications = new NotificationView(split.node());

    toolbarModel = new ToolbarViewModel(warden, fx, notifications);
    editorModel = new EditorViewModel(warden, hashing, fx, notifications);
    editorWindow = new EditorWindow(editorModel, () -> stage, scene -> theme.apply(scene));
    toolbarView = new ToolbarView(toolbarModel, this::openEditor, this::clearTraffic);
    toolbarView.darkButton().setSelected(state.dark());
    toolbarView
        .darkButton()
        .selectedProperty()
        .addListener((o, a, dark) -> setTheme(dark ? Theme.DARK : Theme.LIGHT));
    toolbarView.pauseButton().selectedProperty().bindBidirectional(trafficModel.pausedProperty());
    filterBar = new FilterBarView(trafficModel);
    openProxyBanner = new OpenProxyBanner(warden.settings());
    har = new HarCaptures(
        warden, trafficModel, fx, notifications, () -> stage, proxyAddress::get, () -> theme);
    har.addTo(toolbarView.node());
    addMoreMenu();
    ResendCommands.addTo(trafficView, trafficModel, warden, fx, notifications, () -> stage);

    root.setId("warden-root");
    root.setTop(new VBox(openProxyBanner.node(), toolbarView.node(), filterBar.node()));
    root.setCenter(notifications.node());
    lockouts = new StatusBarLockouts(warden, fx);
    StatusView statusView = new StatusView(statusModel, trafficModel);
    statusView.node().getRightItems().add(0, lockouts.node());
    root.setBottom(statusView.node());

    live = new LiveTraffic(warden.traffic(), trafficModel, trafficView);

    warden.onStatus(status -> fx.execute(() -> statusChanged(status)));
    warden.onSettings(settings -> fx.execute(() -> settingsChanged(settings)));
    offerNames(warden.settings());
  }

  private void addMoreMenu() {
    moreMenu = new MoreMenu(
        warden,
        fx,
        notifications,
        () -> stage,
        () -> theme,
        toolbarView.darkButton().selectedProperty());
    toolbarView.node().getItems().add(moreMenu.node());
  }

  /** Switches the theme as the "Dark theme" menu item does. FX thread. */
  public void useDarkTheme(boolean dark) {
    toolbarView.darkButton().setSelected(dark);
  }

  /** Opens the "Connect a client" window (or brings it forward). FX thread. */
  public void openConnect() {
    moreMenu.openConnect();
  }

  /** Opens the limits and deadlines dialog (or brings it forward). FX thread. */
  public void openLimits() {
    moreMenu.openLimits();
  }

  /** Opens the authentication dashboard (or brings it forward). FX thread. */
  public void openDashboard() {
    moreMenu.openDashboard();
  }

  /** The dashboard window, opened or not; for tests, screenshots and the benchmark. */
  public dev.warden.ui.dashboard.DashboardWindow dashboard() {
    return moreMenu.dashboard();
  }

  /** The ids of the "More" menu's items, in order. */
  public List<String> moreMenuIds() {
    return moreMenu.ids();
  }

  /** Shows the window on the given stage and starts the proxy. */
  public void show(Stage stage, UiState state) {
    this.stage = stage;
    WindowPlacement placement = new WindowPlacement(state);
    Scene scene = new Scene(root, placement.width(), placement.height());
    theme.apply(scene);
    installShortcuts(scene);
    stage.setTitle("Warden");
    stage.setScene(scene);
    placement.placeBeforeShowing(stage);
    icons.addTo(stage);
    stage.addEventHandler(
        javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST,
        new dev.warden.ui.editor.UnsavedEditsOnQuit(editorModel, stage, this::openEditor));
    stage.setMinWidth(900);
    stage.setMinHeight(500);
    split.rememberSideBySide(state.divider());
    scene.widthProperty().addListener((o, a, w) -> split.arrangeFor(w.doubleValue()));
    split.arrangeFor(placement.width());
    AfterFirstFrame.run(scene, details::prepare);
    stage.show();
    placement.settleAfterShowing(stage);
    live.start();
    warden.start();
    startupNotice.ifPresent(notifications::error);
  }

  /** The window's geometry, split, column widths and theme now, for the UI state file. */
  public UiState captureState() {
    return new UiState(
        stage.getX(),
        stage.getY(),
        stage.getWidth(),
        stage.getHeight(),
        split.sideBySideDivider(),
        trafficView.columnWidths(),
        theme == Theme.DARK,
        trafficView.hiddenColumns());
  }

  /** Stops the feed and timers; the caller closes Warden off the FX thread. */
  public void dispose() {
    live.stop();
    moreMenu.dashboard().close();
    moreMenu.connect().model().close();
    editorWindow.close();
  }

  /** Opens (or brings forward) the realms and users editor. */
  public void openEditor() {
    editorWindow.open(warden.settings());
  }

  public void clearTraffic() {
    warden.traffic().clear();
    trafficModel.clear();
    trafficView.jumpToLatest();
    notifications.info("Traffic cleared");
  }

  private void statusChanged(EngineStatus status) {
    statusModel.statusChanged(status);
    toolbarModel.statusChanged(status);
    proxyAddress.set(status.boundAddress().orElse(status.requested()).toString());
    moreMenu.connect().model().listenChanged(status.boundAddress().orElse(status.requested()));
    if (status.state() == EngineStatus.State.FAILED) {
      notifications.error(status.message());
    }
  }

  private void settingsChanged(Settings settings) {
    toolbarModel.settingsChanged(settings);
    editorModel.settingsChanged(settings);
    openProxyBanner.update(settings);
    offerNames(settings);
  }

  private void offerNames(Settings settings) {
    moreMenu.connect().model().settingsChanged(settings);
    trafficModel.offerNames(
        ResendCommands.userNames(settings),
        settings.realms().stream().map(Realm::name).toList());
  }

  private void setTheme(Theme next) {
    theme = next;
    theme.apply(stage.getScene());
    moreMenu.connect().restyle(theme::apply);
    editorWindow.restyle();
    moreMenu.dashboard().restyle(theme::apply);
  }

  private void installShortcuts(Scene scene) {
    new WindowShortcuts()
        .on(WindowShortcuts.SEARCH, filterBar::focusSearch)
        .on(WindowShortcuts.CLEAR, this::clearTraffic)
        .on(WindowShortcuts.ENFORCEMENT, toolbarModel::toggleEnforcement)
        .on(WindowShortcuts.EDITOR, this::openEditor)
        .on(WindowShortcuts.DASHBOARD, this::openDashboard)
        .on(
            WindowShortcuts.PAUSE,
            () ->
                trafficModel.pausedProperty().set(!trafficModel.pausedProperty().get()))
        .on(WindowShortcuts.JUMP, trafficView::jumpToLatest)
        .on(WindowShortcuts.ARRIVAL_ORDER, trafficView::arrivalOrder)
        .on(WindowShortcuts.START_STOP, () -> {
          if (!toolbarModel.busyProperty().get()) {
            toolbarModel.toggleRunning();
          }
        })
        .on(WindowShortcuts.COPY_CURL, () -> {
          trafficView.copySelected(x -> CurlCommand.of(x, proxyAddress.get()));
          if (trafficModel.selectedProperty().get() != null) {
            notifications.info("Copied as curl (curl asks for the password)");
          }
        })
        .installOn(scene);
  }

  /** The About dialog: the same text as {@code --about}. FX thread. */
  public void showAbout() {
    moreMenu.showAbout();
  }

  // For tests and the benchmark

  public TrafficViewModel trafficModel() {
    return trafficModel;
  }

  public List<String> toolbarItemIds() {
    return toolbarView.node().getItems().stream().map(javafx.scene.Node::getId).toList();
  }

  public dev.warden.ui.connect.ConnectViewModel connectModel() {
    return moreMenu.connect().model();
  }

  public LockoutsViewModel lockoutsModel() {
    return lockouts.model();
  }

  public EditorViewModel editorModel() {
    return editorModel;
  }

  public NotificationView notifications() {
    return notifications;
  }

  public Stage editorStage() {
    return editorWindow.stage();
  }

  public dev.warden.ui.har.HarMenu harMenu() {
    return har.menu();
  }

  /** The capture window opened last from a HAR file, or null. */
  public dev.warden.ui.har.CaptureWindow lastCapture() {
    return har.lastCapture();
  }
}
