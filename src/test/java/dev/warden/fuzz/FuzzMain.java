package dev.warden.fuzz;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The fuzzer outside the suite, for {@code scripts/fuzz.sh}: {@code FuzzMain CASES [SEED]} runs
 * CASES mutated requests (in rounds of at most 100,000, each round a seed of its own derived from
 * SEED, so one failing round replays alone) and prints the figures. Exits 1 on any wrong accept or
 * hang. Needs {@code -Djdk.net.hosts.file} (the script sets it).
 */
public final class FuzzMain {

  private static final int ROUND = 100_000;

  private FuzzMain() {}

  public static void main(String[] args) throws Exception {
    long cases = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    long seed = args.length > 1 && !args[1].isEmpty()
        ? Long.parseLong(args[1])
        : new SecureRandom().nextLong();
    int parallel = Integer.getInteger("warden.fuzz.parallel", 8);
    System.out.println("fuzz: " + cases + " cases, seed " + seed
        + " (replay one round with SEED=<its seed> CASES=<its cases>)");
    long total = 0;
    long wrong = 0;
    long hangs = 0;
    long arrivals = 0;
    long damage = 0;
    long nanos = 0;
    try (FuzzBed bed = new FuzzBed()) {
      for (long round = 0; total < cases; round++) {
        long roundSeed = round == 0 ? seed : seed + round;
        int size = (int) Math.min(ROUND, cases - total);
        FuzzRun.Result result = new FuzzRun(bed, roundSeed, size, parallel, FuzzRun.BOUND).run();
        System.out.println(result.summary());
        result.wrongAcceptSamples().forEach(s -> System.out.println("  wrong accept: " + s));
        result.hangSamples().forEach(s -> System.out.println("  hang: " + s));
        result
            .tunnelDamageSamples()
            .forEach(s -> System.out.println("  damaged tunnel stream: " + s));
        damage += result.tunnelDamage();
        total += result.cases();
        wrong += result.wrongAccepts();
        hangs += result.hangs();
        arrivals += result.arrivals();
        nanos += result.elapsed().toNanos();
      }
      long internalErrors = bed.authState().internalErrorCount();
      System.out.printf(
          Locale.ROOT,
          "fuzz total: %,d cases in %.1f s = %,.0f cases/s; wrong accepts %d; hangs %d; internal errors %d; "
              + "damaged tunnel streams %d; requests reaching origins %,d%n",
          total,
          nanos / 1e9,
          total / Math.max(0.001, nanos / 1e9),
          wrong,
          hangs,
          internalErrors,
          damage,
          arrivals);
      System.exit(wrong == 0 && hangs == 0 && internalErrors == 0 && damage == 0 ? 0 : 1);
    }
  }
}
