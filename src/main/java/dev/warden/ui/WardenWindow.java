package dev.warden.ui;

import dev.warden.core.EngineStatus;
import dev.warden.core.Warden;
import dev.warden.core.auth.Lockout;
import dev.warden.core.auth.LockoutListener;
import dev.warden.core.replay.CurlCommand;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.ui.details.ConversationFacts;
import dev.warden.ui.details.DetailsView;
import dev.warden.ui.details.DetailsViewModel;
import dev.warden.ui.editor.EditorViewModel;
import dev.warden.ui.editor.EditorWindow;
import dev.warden.ui.editor.PasswordHashing;
import dev.warden.ui.feedback.NotificationView;
import dev.warden.ui.feedback.OpenProxyBanner;
import dev.warden.ui.fx.CoalescedSignal;
import dev.warden.ui.fx.FxExecutor;
import dev.warden.ui.fx.TrafficFeed;
import dev.warden.ui.lockouts.LockoutsView;
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
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

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
  private final LockoutsViewModel lockoutsModel;
  private final TrafficView trafficView;
  private final ToolbarView toolbarView;
  private final FilterBarView filterBar;
  private final OpenProxyBanner openProxyBanner;
  private final NotificationView notifications;
  private final SplitPane split;
  private final TrafficFeed feed;
  private final Timeline rateTimer;
  private final ReadOnlyStringWrapper proxyAddress = new ReadOnlyStringWrapper();
  private final BorderPane root = new BorderPane();
  private final Optional<String> startupNotice;
  private Theme theme;
  private final dev.warden.ui.har.HarMenu harMenu;
  private dev.warden.ui.har.CaptureWindow lastCapture;
  private Stage stage;
  private final EditorWindow editorWindow;
  /** The side-by-side divider, kept while the details pane is under the table. */
  private double horizontalDivider = UiState.DEFAULT.divider();

  private MoreMenu moreMenu;

  public WardenWindow(
      Warden warden, PasswordHashing hashing, UiState state, Optional<String> startupNotice) {
    this.warden = warden;
    this.startupNotice = startupNotice;
    this.theme = state.dark() ? Theme.DARK : Theme.LIGHT;
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
    split = new SplitPane(trafficView.node(), new DetailsView(detailsModel).node());
    split.setOrientation(Orientation.HORIZONTAL);
    split.setId("warden-split");
    split.setDividerPositions(state.divider());
    SplitPane.setResizableWithParent(split.getItems().get(1), false);
    notifications = new NotificationView(split);

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
    harMenu = addHarMenu();
    addMoreMenu();
    addResendMenu();

    root.setId("warden-root");
    root.setTop(new VBox(openProxyBanner.node(), toolbarView.node(), filterBar.node()));
    root.setCenter(notifications.node());
    // listening before the snapshot is taken: a lockout that starts in between is not missed (the
    // events run on the FX thread after this constructor, and the model keys lockouts by subject)
    warden.onLockout(new LockoutListener() {
      @Override
      public void started(Lockout lockout) {
        fx.execute(() -> lockoutsModel.started(lockout));
      }

      @Override
      public void ended(Lockout lockout) {
        fx.execute(() -> lockoutsModel.ended(lockout));
      }
    });
    lockoutsModel = new LockoutsViewModel(warden.lockouts(), warden::release);
    StatusView statusView = new StatusView(statusModel, trafficModel);
    javafx.scene.Node lockouts = new LockoutsView(lockoutsModel).node();
    if (lockouts instanceof javafx.scene.layout.Region r) {
      r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    statusView.node().getRightItems().add(0, lockouts);
    root.setBottom(statusView.node());

    feed = new TrafficFeed(
        warden.traffic(),
        Platform::runLater,
        TrafficFeed.DEFAULT_MAX_BATCH,
        TrafficFeed.DEFAULT_MIN_INTERVAL,
        trafficView::append);
    feed.onWaiting(trafficModel.waitingProperty()::set);
    trafficModel.pausedProperty().addListener((o, a, paused) -> feed.setPaused(paused));
    rateTimer = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
      trafficModel.sampleRate(System.nanoTime(), warden.traffic().totalRecorded());
      trafficModel.sampleDropped(warden.traffic().dropped());
    }));
    rateTimer.setCycleCount(Timeline.INDEFINITE);

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

  /** The "HAR" menu after the realms button: its files are read and written on a daemon thread of its own. */
  private dev.warden.ui.har.HarMenu addHarMenu() {
    java.util.concurrent.ExecutorService files =
        dev.warden.ui.fx.DaemonThread.named("warden-har-files");
    dev.warden.ui.har.HarFilesViewModel model = new dev.warden.ui.har.HarFilesViewModel(
        trafficModel,
        dev.warden.cli.Version.of(WardenWindow.class),
        exchange -> warden.conversations().ofExchange(exchange.id()).map(c -> "c" + c.id()),
        files,
        fx,
        notifications,
        this::showCapture);
    dev.warden.ui.har.HarMenu menu = new dev.warden.ui.har.HarMenu(
        model, () -> stage, new dev.warden.ui.har.HarFileChooser(() -> stage));
    var items = toolbarView.node().getItems();
    int realms = items.indexOf(
        items.stream().filter(n -> "open-editor".equals(n.getId())).findFirst().orElse(null));
    items.add(realms < 0 ? items.size() : realms + 1, menu.node());
    return menu;
  }

  /** Resend commands at the end of the live table's context menu. */
  private void addResendMenu() {
    dev.warden.ui.replay.ResendViewModel resend = new dev.warden.ui.replay.ResendViewModel(
        () -> warden
            .boundAddress()
            .map(a -> new java.net.InetSocketAddress(a.reachableHost(), a.port())),
        fx,
        notifications);
    trafficView
        .rowMenu()
        .getItems()
        .addAll(new dev.warden.ui.replay.ResendMenu(
                resend,
                trafficModel.selectedProperty(),
                () -> warden.settings().realms().stream()
                    .flatMap(r -> r.users().stream())
                    .map(User::name)
                    .distinct()
                    .toList(),
                () -> stage,
                notifications)
            .items());
  }

  private void showCapture(java.nio.file.Path file, dev.warden.core.har.HarCapture capture) {
    lastCapture =
        new dev.warden.ui.har.CaptureWindow(file, capture, stage, proxyAddress::get, theme::apply);
    lastCapture.show();
  }

  /** Shows the window on the given stage and starts the proxy. */
  public void show(Stage stage, UiState state) {
    this.stage = stage;
    // A remembered or default size larger than this screen (a laptop, a 1280x800 Xvfb) would put
    // the window partly off-screen: fit it into the usable area first.
    Rectangle2D usable = Screen.getPrimary().getVisualBounds();
    double width = Math.min(state.width(), usable.getWidth());
    double height = Math.min(state.height(), usable.getHeight());
    Scene scene = new Scene(root, width, height);
    theme.apply(scene);
    installShortcuts(scene);
    stage.setTitle("Warden");
    stage.setScene(scene);
    if (!Double.isNaN(state.x())
        && !Double.isNaN(state.y())
        && usable.contains(state.x() + 40, state.y() + 20)) {
      stage.setX(Math.max(usable.getMinX(), Math.min(state.x(), usable.getMaxX() - width)));
      stage.setY(Math.max(usable.getMinY(), Math.min(state.y(), usable.getMaxY() - height)));
    }
    WindowIcons.addTo(stage);
    stage.addEventHandler(
        javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST,
        new dev.warden.ui.editor.UnsavedEditsOnQuit(editorModel, stage, this::openEditor));
    stage.setMinWidth(900);
    stage.setMinHeight(500);
    horizontalDivider = state.divider();
    scene.widthProperty().addListener((o, a, w) -> arrangeSplit(w.doubleValue()));
    arrangeSplit(width);
    stage.show();
    // GTK under some window managers opens a stage at its minimum size and ignores the scene's:
    // the size is set again once it shows, so the window opens as remembered and never grows
    stage.setWidth(width);
    stage.setHeight(height);
    // and wherever it was placed (by the window manager, or where a smaller window stood before),
    // it
    // must lie on the screen: a status bar below the screen's edge cannot be clicked
    stage.setX(Math.max(usable.getMinX(), Math.min(stage.getX(), usable.getMaxX() - width)));
    stage.setY(Math.max(usable.getMinY(), Math.min(stage.getY(), usable.getMaxY() - height)));
    feed.start();
    rateTimer.play();
    warden.start();
    startupNotice.ifPresent(notifications::error);
  }

  /** The window's geometry, split, column widths and theme now, for the UI state file. */
  public UiState captureState() {
    double[] dividers = split.getDividerPositions();
    if (split.getOrientation() == Orientation.HORIZONTAL && dividers.length > 0) {
      horizontalDivider = dividers[0];
    }
    return new UiState(
        stage.getX(),
        stage.getY(),
        stage.getWidth(),
        stage.getHeight(),
        horizontalDivider,
        trafficView.columnWidths(),
        theme == Theme.DARK,
        trafficView.hiddenColumns());
  }

  /** Below this width the details pane goes under the table, which then has the whole width. */
  static final double SIDE_BY_SIDE_MIN_WIDTH = 1200;

  private void arrangeSplit(double width) {
    Orientation wanted =
        width < SIDE_BY_SIDE_MIN_WIDTH ? Orientation.VERTICAL : Orientation.HORIZONTAL;
    if (split.getOrientation() == wanted) {
      return;
    }
    if (split.getOrientation() == Orientation.HORIZONTAL
        && split.getDividerPositions().length > 0) {
      horizontalDivider = split.getDividerPositions()[0];
    }
    split.setOrientation(wanted);
    split.setDividerPositions(wanted == Orientation.VERTICAL ? 0.6 : horizontalDivider);
  }

  /** Stops the feed and timers; the caller closes Warden off the FX thread. */
  public void dispose() {
    feed.close();
    rateTimer.stop();
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
        settings.realms().stream()
            .flatMap(r -> r.users().stream())
            .map(User::name)
            .distinct()
            .toList(),
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
    return lockoutsModel;
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
    return harMenu;
  }

  /** The capture window opened last from a HAR file, or null. */
  public dev.warden.ui.har.CaptureWindow lastCapture() {
    return lastCapture;
  }
}
