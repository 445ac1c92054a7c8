package dev.warden.bench;

import dev.warden.core.Warden;
import dev.warden.core.auth.PasswordHasher;
import dev.warden.core.settings.Realm;
import dev.warden.core.settings.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's settings, changed every second through Warden's own API ({@link Warden#update}), and
 * what each version makes of a request. Each version is kept with the time its update was asked
 * for and the time it completed: a version may judge requests from the first until the next
 * version's update completed, so a response is right if some version that may have been in force
 * between the request's sending and its answer expects it.
 *
 * <p>Realms: "Default" (renamed now and then) always; "Second", guarding 127.0.0.2, now and then.
 * Each holds users with plain passwords the driver remembers, enabled or not. Every realm allows
 * CONNECT to the origin's port.
 */
final class SoakSettings {

  /** A user as the driver knows it: the password in plain text. */
  record Member(String password, boolean enabled) {}

  /** A realm as the driver knows it. */
  record Space(String name, boolean second, Map<String, Member> users) {}

  /** One version of the settings: what it holds and when it may have been in force. */
  static final class Version {
    final boolean enforcement;
    final List<Space> spaces;
    final List<Integer> connectPorts;
    final long asked;
    volatile long completed = Long.MAX_VALUE;

    Version(boolean enforcement, List<Space> spaces, List<Integer> connectPorts, long asked) {
      this.enforcement = enforcement;
      this.spaces = spaces;
      this.connectPorts = connectPorts;
      this.asked = asked;
    }
  }

  /** A request as the model judges it. */
  record Ask(boolean connect, String host, int port, String user, String password) {}

  static final String SECOND_HOST = "127.0.0.2";

  private final Warden warden;
  private final int originPort;
  private final PasswordHasher hasher = new PasswordHasher();
  private final Map<String, String> hashes = new HashMap<>();
  private final List<Version> versions = new CopyOnWriteArrayList<>();
  private final Random random = new Random();
  private final AtomicLong changes = new AtomicLong();
  private int names;

  SoakSettings(Warden warden, int originPort) throws Exception {
    this.warden = warden;
    this.originPort = originPort;
    Map<String, Member> users = new LinkedHashMap<>();
    users.put("alice", new Member("alice-pw", true));
    users.put("bob", new Member("bob-pw", true));
    apply(true, List.of(new Space("Default", false, users)));
  }

  long changes() {
    return changes.get();
  }

  /** The version asked for last: what the traffic draws its credentials from. */
  Version current() {
    return versions.get(versions.size() - 1);
  }

  /** One random change: enforcement, a user added, removed, re-passworded or switched, a realm added, removed or renamed. */
  void change() throws Exception {
    Version now = current();
    boolean enforcement = now.enforcement;
    List<Space> spaces = new ArrayList<>();
    now.spaces.forEach(
        s -> spaces.add(new Space(s.name(), s.second(), new LinkedHashMap<>(s.users()))));
    Space space = spaces.get(random.nextInt(spaces.size()));
    List<String> userNames = new ArrayList<>(space.users().keySet());
    String someone = userNames.isEmpty() ? null : userNames.get(random.nextInt(userNames.size()));
    switch (random.nextInt(8)) {
      case 0 -> enforcement = !enforcement;
      case 1 -> space.users().put("u" + (++names), new Member("pw-" + random.nextInt(1000), true));
      case 2 -> {
        if (someone != null) {
          space.users().remove(someone);
        }
      }
      case 3 -> {
        if (someone != null) {
          space
              .users()
              .put(
                  someone,
                  new Member(
                      "pw-" + random.nextInt(1000), space.users().get(someone).enabled()));
        }
      }
      case 4 -> {
        if (someone != null) {
          Member m = space.users().get(someone);
          space.users().put(someone, new Member(m.password(), !m.enabled()));
        }
      }
      case 5 -> {
        if (spaces.stream().anyMatch(Space::second)) {
          spaces.removeIf(Space::second);
        } else {
          Map<String, Member> users = new LinkedHashMap<>();
          users.put("carol", new Member("carol-pw", true));
          users.put("alice", new Member("alice-second-pw", true));
          spaces.add(0, new Space("Second", true, users));
        }
      }
      case 6 -> {
        int index = spaces.indexOf(space);
        spaces.set(
            index,
            new Space(
                space.name().replaceAll("-\\d+$", "") + "-" + (++names),
                space.second(),
                space.users()));
      }
      default -> {
        // a user of the other realm under the same name: the realm, not the name, decides
        if (someone != null) {
          for (Space other : spaces) {
            if (other != space) {
              other.users().put(someone, new Member("other-" + random.nextInt(1000), true));
            }
          }
        }
      }
    }
    apply(enforcement, spaces);
    changes.incrementAndGet();
  }

  private void apply(boolean enforcement, List<Space> spaces) throws Exception {
    List<Integer> ports = List.of(443, 8443, originPort);
    List<Realm> realms = new ArrayList<>();
    for (Space space : spaces) {
      List<User> users = new ArrayList<>();
      space
          .users()
          .forEach((name, m) -> users.add(new User(
              name,
              m.enabled(),
              hashes.computeIfAbsent(
                  name + "\u0000" + m.password(), k -> hasher.hash(m.password().toCharArray())))));
      realms.add(new Realm(space.name(), space.second() ? List.of(SECOND_HOST) : List.of(), users)
          .withConnectPorts(ports));
    }
    Version next = new Version(enforcement, List.copyOf(spaces), ports, System.nanoTime());
    versions.add(next);
    warden.update(s -> s.withEnforcement(enforcement).withRealms(realms)).get(30, TimeUnit.SECONDS);
    next.completed = System.nanoTime();
  }

  /**
   * Whether {@code status} is what some version that may have judged the request expects: one asked
   * for before the answer came, and not replaced (its successor's update completed) before the
   * request was sent.
   */
  boolean explains(Ask ask, long sent, long answered, int status) {
    for (int i = versions.size() - 1; i >= 0; i--) {
      Version v = versions.get(i);
      long replaced = i + 1 < versions.size() ? versions.get(i + 1).completed : Long.MAX_VALUE;
      if (v.asked <= answered && replaced >= sent && expected(v, ask) == status) {
        return true;
      }
      if (replaced < sent) {
        return false;
      }
    }
    return false;
  }

  /**
   * What one version answers: 200 when it lets the request through; 407 without valid credentials;
   * 403 for a disabled user with the right password, or a CONNECT to a port the realm does not list.
   */
  static int expected(Version v, Ask ask) {
    Space space = null;
    for (Space s : v.spaces) {
      if (s.second() && ask.host().equals(SECOND_HOST)) {
        space = s;
      }
    }
    if (space == null) {
      space = v.spaces.stream().filter(s -> !s.second()).findFirst().orElseThrow();
    }
    int decision;
    if (!v.enforcement) {
      decision = 200;
    } else {
      Member member = ask.user() == null ? null : space.users().get(ask.user());
      if (member == null || !member.password().equals(ask.password())) {
        decision = 407;
      } else {
        decision = member.enabled() ? 200 : 403;
      }
    }
    if (decision == 200 && ask.connect() && !v.connectPorts.contains(ask.port())) {
      return 403;
    }
    return decision;
  }
}
