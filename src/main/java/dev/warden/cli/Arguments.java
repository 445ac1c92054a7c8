package dev.warden.cli;

import dev.warden.core.settings.ListenAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Warden's command line, parsed once for both front ends. Immutable.
 *
 * @param headless run without a window ({@code --headless})
 * @param help print the usage and exit ({@code --help}, {@code -h})
 * @param version print the version and exit ({@code --version}, {@code -V})
 * @param config the settings file ({@code --config}); empty: the platform's default
 * @param listen where to listen instead of the configured address ({@code --listen})
 * @param realm the default realm's name for this run ({@code --realm}, headless only)
 * @param users users given on the command line ({@code --user}, headless only), in order
 * @param usersFile an htpasswd file of users ({@code --users-file}, headless only)
 * @param noAuth turn 407 enforcement off for this run ({@code --no-auth}, headless only)
 */
public record Arguments(
    boolean headless,
    boolean help,
    boolean version,
    Optional<Path> config,
    Optional<ListenAddress> listen,
    Optional<String> realm,
    List<UserCredential> users,
    Optional<Path> usersFile,
    boolean noAuth) {

  public Arguments {
    Objects.requireNonNull(config);
    Objects.requireNonNull(listen);
    Objects.requireNonNull(realm);
    users = List.copyOf(users);
    Objects.requireNonNull(usersFile);
  }

  /**
   * Parses {@code --flag value} and {@code --flag=value} forms. Single-valued flags may appear once;
   * {@code --user} may repeat. Flags that only mean something without a window are refused unless
   * {@code --headless} is given, so a mistyped GUI start does not silently ignore them.
   *
   * @throws UsageException with one line naming the flag and what is wrong with it
   */
  public static Arguments parse(String... args) throws UsageException {
    Builder b = new Builder();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String flag = arg;
      String inlineValue = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        flag = arg.substring(0, equals);
        inlineValue = arg.substring(equals + 1);
      }
      switch (flag) {
        case "--headless" -> b.headless = noValue(flag, inlineValue);
        case "--help", "-h" -> b.help = noValue(flag, inlineValue);
        case "--version", "-V" -> b.version = noValue(flag, inlineValue);
        case "--no-auth" -> b.noAuth = noValue(flag, inlineValue);
        default -> {
          if (!VALUE_FLAGS.contains(flag)) {
            throw unknown(arg);
          }
          String value;
          if (inlineValue != null) {
            value = inlineValue;
          } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            value = args[++i];
          } else {
            throw new UsageException(flag + ": needs a value, e.g. " + flag + " " + example(flag));
          }
          b.accept(flag, value);
        }
      }
    }
    return b.build();
  }

  private static final List<String> VALUE_FLAGS =
      List.of("--config", "--listen", "--realm", "--user", "--users-file");

  private static final List<String> HEADLESS_ONLY = List.of("--realm", "--user", "--users-file", "--no-auth");

  private static boolean noValue(String flag, String inlineValue) throws UsageException {
    if (inlineValue != null) {
      throw new UsageException(flag + ": takes no value");
    }
    return true;
  }

  private static UsageException unknown(String arg) {
    return arg.startsWith("-")
        ? new UsageException("unknown option '" + arg + "'")
        : new UsageException("unexpected argument '" + arg + "' (every option starts with --)");
  }

  private static String example(String flag) {
    return switch (flag) {
      case "--config" -> "settings.json";
      case "--listen" -> "127.0.0.1:3128";
      case "--realm" -> "Warden";
      case "--user" -> "alice:PASSWORD";
      default -> ".htpasswd";
    };
  }

  /** Collects flags in command-line order; checks the combinations at the end. */
  private static final class Builder {
    private final Set<String> seen = new HashSet<>();
    private final List<String> headlessOnlySeen = new ArrayList<>();
    boolean headless;
    boolean help;
    boolean version;
    boolean noAuth;
    Path config;
    ListenAddress listen;
    String realm;
    final List<UserCredential> users = new ArrayList<>();
    Path usersFile;

    void accept(String flag, String value) throws UsageException {
      if (!flag.equals("--user") && !seen.add(flag)) {
        throw new UsageException(flag + ": given more than once");
      }
      switch (flag) {
        case "--config" -> config = path(flag, value);
        case "--listen" -> {
          try {
            listen = ListenAddress.parse(value);
          } catch (IllegalArgumentException e) {
            throw new UsageException(flag + ": " + e.getMessage());
          }
        }
        case "--realm" -> {
          if (value.isBlank()) {
            throw new UsageException(flag + ": the realm name is empty");
          }
          realm = value.strip();
        }
        case "--user" -> users.add(UserCredential.parse(value));
        case "--users-file" -> usersFile = path(flag, value);
        default -> throw new IllegalStateException(flag);
      }
      if (HEADLESS_ONLY.contains(flag)) {
        headlessOnlySeen.add(flag);
      }
    }

    private static Path path(String flag, String value) throws UsageException {
      if (value.isBlank()) {
        throw new UsageException(flag + ": the file name is empty");
      }
      try {
        return Path.of(value);
      } catch (java.nio.file.InvalidPathException e) {
        throw new UsageException(flag + ": '" + value + "' is not a file name (" + e.getReason() + ")");
      }
    }

    Arguments build() throws UsageException {
      if (noAuth) {
        headlessOnlySeen.add("--no-auth");
      }
      if (!headless && !help && !version && !headlessOnlySeen.isEmpty()) {
        throw new UsageException(headlessOnlySeen.get(0) + ": only with --headless (the window has its own settings)");
      }
      return new Arguments(
          headless,
          help,
          version,
          Optional.ofNullable(config),
          Optional.ofNullable(listen),
          Optional.ofNullable(realm),
          users,
          Optional.ofNullable(usersFile),
          noAuth);
    }
  }
}
