package dev.warden.ui.replay;

import dev.warden.core.auth.AuthOutcome;
import dev.warden.core.replay.ResendCredentials;
import dev.warden.core.replay.Resender;
import dev.warden.core.traffic.Exchange;
import dev.warden.ui.feedback.Notifier;
import dev.warden.ui.traffic.ExchangeFacts;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The live table's resend commands: as it was (the same user, whose password is asked), without
 * credentials, as another user. FX thread.
 */
public final class ResendMenu {

  private final List<MenuItem> items;

  /**
   * @param selected the selected exchange
   * @param users the user names the settings know now
   */
  public ResendMenu(
      ResendViewModel model,
      ObjectProperty<Exchange> selected,
      Supplier<List<String>> users,
      Supplier<Window> owner,
      Notifier notifier) {
    MenuItem asItWas = new MenuItem("Resend as it was…", new FontIcon(MaterialDesignR.REPLAY));
    asItWas.setId("resend-as-it-was");
    asItWas.setOnAction(e -> with(selected.get(), notifier, x -> {
      Optional<String> user = ExchangeFacts.userName(x).filter(u -> sentCredentials(x));
      if (user.isEmpty()) {
        model.resend(x, ResendCredentials.NONE);
      } else {
        new ResendDialog(owner.get(), x.id(), users.get(), user)
            .ask()
            .ifPresent(c -> model.resend(x, c));
      }
    }));
    MenuItem without = new MenuItem("Resend without credentials");
    without.setId("resend-without-credentials");
    without.setOnAction(
        e -> with(selected.get(), notifier, x -> model.resend(x, ResendCredentials.NONE)));
    MenuItem asUser = new MenuItem("Resend as user…");
    asUser.setId("resend-as-user");
    asUser.setOnAction(e -> with(
        selected.get(),
        notifier,
        x -> new ResendDialog(owner.get(), x.id(), users.get(), Optional.empty())
            .ask()
            .ifPresent(c -> model.resend(x, c))));
    items = List.of(new SeparatorMenuItem(), asItWas, without, asUser);
  }

  private interface Action {
    void on(Exchange exchange);
  }

  private static void with(Exchange selected, Notifier notifier, Action action) {
    if (selected == null) {
      return;
    }
    Optional<String> whyNot = Resender.whyNot(selected);
    if (whyNot.isPresent()) {
      notifier.error("Cannot resend #" + selected.id() + ": " + whyNot.get());
      return;
    }
    action.on(selected);
  }

  private static boolean sentCredentials(Exchange x) {
    return !x.received().scheme().isEmpty() || x.auth() instanceof AuthOutcome.Authenticated;
  }

  /** The items to add to the table's context menu, a separator first. */
  public List<MenuItem> items() {
    return items;
  }
}
