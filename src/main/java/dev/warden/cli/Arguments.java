package dev.warden.cli;

import dev.warden.core.auth.digest.DigestAlgorithm;
import dev.warden.core.settings.ListenAddress;
import dev.warden.core.settings.ProxyProfile;
import dev.warden.core.settings.RealmFaults;
import dev.warden.core.settings.RealmLockout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Warden's command line, parsed once for both front ends. Immutable. Parsing here splits the
 * command line into flags and values and checks how flags combine; which flags exist is
 * {@link FlagTable}'s, and each value is read and checked by {@link FlagValues}.
 *
 * @param headless run without a window ({@code --headless})
 * @param help print the usage and exit ({@code --help}, {@code -h})
 * @param version print the version and exit ({@code --version}, {@code -V})
 * @param about print the version, licences and where settings live, and exit ({@code --about})
 * @param config the settings file ({@code --config}); empty: the platform's default
 * @param listen where to listen instead of the configured address ({@code --listen})
 * @param realm the default realm's name for this run ({@code --realm}, headless only)
 * @param users users given on the command line ({@code --user}, headless only), in order
 * @param usersFiles htpasswd or htdigest files of users ({@code --users-file}, headless only), in order
 * @param noAuth turn 407 enforcement off for this run ({@code --no-auth}, headless only)
 * @param schemes the default realm's schemes in challenge order, lower case ({@code --schemes},
 *     headless only)
 * @param digestAlgorithms the default realm's Digest algorithm tokens in challenge order, as
 *     {@link DigestAlgorithm#token()} spells them ({@code --digest-algorithms}, headless only)
 * @param nonceLifetime the default realm's Digest nonce lifetime ({@code --nonce-lifetime}, headless
 *     only)
 * @param limits limits replaced for this run ({@code --idle-timeout}, {@code --max-connections}...,
 *     headless only)
 * @param lockout the default realm's lockout thresholds, duration and status ({@code --lockout},
 *     headless only)
 * @param exportSquid write the settings as a Squid configuration into this folder and exit
 *     ({@code --export-squid}); the flags for a headless run apply to what is exported
 * @param replaceExport let {@code --export-squid} replace what a non-empty folder holds
 *     ({@code --replace-export})
 * @param tokens the default realm's Bearer tokens, name and token ({@code --token}, headless only);
 *     when given they replace the configured ones
 * @param har write every exchange of the run as a HAR file when it stops ({@code --har}, headless only)
 * @param listProfiles print the proxy profiles and the fault knobs, and exit ({@code --list-profiles})
 * @param profile the proxy profile the default realm follows ({@code --profile}, headless only)
 * @param faults fault knobs of the default realm, {@code knob=value} each, applied after the profile
 *     ({@code --fault}, repeatable, headless only)
 */
public record Arguments(
    boolean headless,
    boolean help,
    boolean version,
    boolean about,
    Optional<Path> config,
    Optional<ListenAddress> listen,
    Optional<String> realm,
    List<UserCredential> users,
    List<Path> usersFiles,
    boolean noAuth,
    Optional<List<String>> schemes,
    Optional<List<String>> digestAlgorithms,
    Optional<Duration> nonceLifetime,
    LimitFlags limits,
    Optional<RealmLockout> lockout,
    Optional<Path> exportSquid,
    boolean replaceExport,
    List<UserCredential> tokens,
    Optional<Path> har,
    boolean listProfiles,
    Optional<ProxyProfile> profile,
    List<String> faults) {

  public Arguments {
    Objects.requireNonNull(config);
    Objects.requireNonNull(listen);
    Objects.requireNonNull(realm);
    users = List.copyOf(users);
    usersFiles = List.copyOf(usersFiles);
    schemes = schemes.map(List::copyOf);
    digestAlgorithms = digestAlgorithms.map(List::copyOf);
    Objects.requireNonNull(nonceLifetime);
    Objects.requireNonNull(limits);
    Objects.requireNonNull(lockout);
    Objects.requireNonNull(exportSquid);
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(har);
    Objects.requireNonNull(profile);
    faults = List.copyOf(faults);
  }

  /**
   * The same flags without {@code --user}: an export takes those as passwords of users already in the
   * settings, not as users replacing the default realm's.
   */
  public Arguments withoutUsers() {
    return new Arguments(
        headless,
        help,
        version,
        about,
        config,
        listen,
        realm,
        List.of(),
        usersFiles,
        noAuth,
        schemes,
        digestAlgorithms,
        nonceLifetime,
        limits,
        lockout,
        exportSquid,
        replaceExport,
        tokens,
        har,
        listProfiles,
        profile,
        faults);
  }

  /**
   * Whether any flag changes the default realm's authentication (schemes, algorithms, lifetime,
   * lockout).
   */
  public boolean changesRealmAuth() {
    return schemes.isPresent()
        || digestAlgorithms.isPresent()
        || nonceLifetime.isPresent()
        || lockout.isPresent()
        || !tokens.isEmpty()
        || profile.isPresent()
        || !faults.isEmpty();
  }

  /**
   * Parses {@code --flag value} and {@code --flag=value} forms. Single-valued flags may appear once;
   * {@code --user} and {@code --users-file} may repeat. Flags that only mean something without a window are refused unless
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
        case "--about" -> b.about = noValue(flag, inlineValue);
        case "--no-auth" -> b.noAuth = noValue(flag, inlineValue);
        case "--replace-export" -> b.replaceExport = noValue(flag, inlineValue);
        case "--list-profiles" -> b.listProfiles = noValue(flag, inlineValue);
        default -> {
          if (!FlagTable.VALUE_FLAGS.contains(flag)) {
            throw unknown(arg);
          }
          String value;
          if (inlineValue != null) {
            value = inlineValue;
          } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            value = args[++i];
          } else {
            throw new UsageException(
                flag + ": needs a value, e.g. " + flag + " " + FlagTable.example(flag));
          }
          b.accept(flag, value);
        }
      }
    }
    return b.build();
  }

  /** A flag without a value: {@code --flag=value} is refused. */
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

  /** Collects flags in command-line order; checks the combinations at the end. */
  private static final class Builder {
    private final Set<String> seen = new HashSet<>();
    private final List<String> headlessOnlySeen = new ArrayList<>();
    boolean headless;
    boolean help;
    boolean version;
    boolean about;
    boolean noAuth;
    boolean replaceExport;
    boolean listProfiles;
    ProxyProfile profile;
    final List<String> faults = new ArrayList<>();
    RealmFaults checked = RealmFaults.NONE;
    Path exportSquid;
    Path har;
    Path config;
    ListenAddress listen;
    String realm;
    final List<UserCredential> users = new ArrayList<>();
    final List<Path> usersFiles = new ArrayList<>();
    final List<UserCredential> tokens = new ArrayList<>();
    List<String> schemes;
    List<String> digestAlgorithms;
    Duration nonceLifetime;
    LimitFlags limits = LimitFlags.NONE;
    RealmLockout lockout;

    void accept(String flag, String value) throws UsageException {
      if (!FlagTable.REPEATABLE.contains(flag) && !seen.add(flag)) {
        throw new UsageException(flag + ": given more than once");
      }
      switch (flag) {
        case "--config" -> config = FlagValues.path(flag, value);
        case "--listen" -> listen = FlagValues.listen(flag, value);
        case "--realm" -> realm = FlagValues.realm(flag, value);
        case "--user" -> users.add(UserCredential.parse(value));
        case "--users-file" -> usersFiles.add(FlagValues.path(flag, value));
        case "--token" -> tokens.add(FlagValues.token(flag, value));
        case "--schemes" -> schemes = FlagValues.schemes(flag, value);
        case "--digest-algorithms" -> digestAlgorithms = FlagValues.algorithms(flag, value);
        case "--nonce-lifetime" -> nonceLifetime = FlagValues.lifetime(flag, value);
        case "--lockout" -> lockout = FlagValues.lockout(flag, value);
        case "--export-squid" -> exportSquid = FlagValues.path(flag, value);
        case "--har" -> har = FlagValues.path(flag, value);
        case "--profile" -> profile = FlagValues.profile(flag, value);
        case "--fault" -> {
          checked = FlagValues.fault(flag, checked, value);
          faults.add(value);
        }
        default -> limits = limits.with(flag, value);
      }
      if (FlagTable.HEADLESS_ONLY.contains(flag)) {
        headlessOnlySeen.add(flag);
      }
    }

    Arguments build() throws UsageException {
      if (noAuth) {
        headlessOnlySeen.add("--no-auth");
      }
      if (replaceExport && exportSquid == null) {
        throw new UsageException("--replace-export: only with --export-squid DIR");
      }
      // an export opens no window: the headless flags say what to export
      if (!headless
          && exportSquid == null
          && !help
          && !version
          && !about
          && !listProfiles
          && !headlessOnlySeen.isEmpty()) {
        throw new UsageException(
            headlessOnlySeen.get(0) + ": only with --headless (the window has its own settings)");
      }
      return new Arguments(
          headless,
          help,
          version,
          about,
          Optional.ofNullable(config),
          Optional.ofNullable(listen),
          Optional.ofNullable(realm),
          users,
          usersFiles,
          noAuth,
          Optional.ofNullable(schemes),
          Optional.ofNullable(digestAlgorithms),
          Optional.ofNullable(nonceLifetime),
          limits,
          Optional.ofNullable(lockout),
          Optional.ofNullable(exportSquid),
          replaceExport,
          tokens,
          Optional.ofNullable(har),
          listProfiles,
          Optional.ofNullable(profile),
          faults);
    }
  }
}
