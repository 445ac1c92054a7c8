package dev.warden.ui;

import dev.warden.core.Warden;
import dev.warden.core.settings.Settings;
import dev.warden.core.settings.User;
import dev.warden.ui.feedback.NotificationView;
import dev.warden.ui.replay.ResendMenu;
import dev.warden.ui.replay.ResendViewModel;
import dev.warden.ui.traffic.TrafficView;
import dev.warden.ui.traffic.TrafficViewModel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.stage.Stage;

/**
 * The resend commands at the end of the live table's row menu: they send the selected exchange
 * again through the running proxy, as it was or as one of the configured users. FX thread only.
 */
final class ResendCommands {

  private ResendCommands() {}

  /** Adds the commands to {@code table}'s row menu. */
  static void addTo(
      TrafficView table,
      TrafficViewModel model,
      Warden warden,
      Executor fx,
      NotificationView notifications,
      Supplier<Stage> stage) {
    ResendViewModel resend = new ResendViewModel(
        () -> warden.boundAddress().map(a -> new InetSocketAddress(a.reachableHost(), a.port())),
        fx,
        notifications);
    table
        .rowMenu()
        .getItems()
        .addAll(new ResendMenu(
                resend,
                model.selectedProperty(),
                () -> userNames(warden.settings()),
                stage::get,
                notifications)
            .items());
  }

  /** Every user name of every realm, each once, in the settings' order. */
  static List<String> userNames(Settings settings) {
    return settings.realms().stream()
        .flatMap(r -> r.users().stream())
        .map(User::name)
        .distinct()
        .toList();
  }
}
