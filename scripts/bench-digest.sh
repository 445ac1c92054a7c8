#!/usr/bin/env bash
# Digest against Basic through headless Warden, measured by one load generator in one run.
#
# Starts the 1 KiB keep-alive origin (dev.warden.bench.BenchOrigin) and headless Warden offering
# Digest (SHA-256) and Basic to one user, on 127.0.0.1. Then ROUNDS interleaved rounds of
# dev.warden.bench.AuthLoad with Basic, then Digest (a fresh response and the next nc on every
# request of each keep-alive connection). Prints each round, the medians and their ratio.
# Target (Digest issue): Digest req/s >= 0.9 x Basic req/s. Exits 3 when missed.
#
# Knobs (environment): ROUNDS=5 RUN_SECONDS=10 CONNECTIONS=50 WARMUP_SECONDS=10 AUTHLOAD_WARMUP=2 PIN=1 JAVA_OPTS=""
# PIN=1 (default, when taskset exists and there are 2+ CPUs) runs Warden on CPU 0 and the origin and
# the load generator on the others: the generator's own Digest work (a hash and a header per
# request) then costs Warden nothing, so the ratio is Warden's own Digest/Basic cost. PIN=0 shares
# every CPU, as the first runs did (the generator's cost then lowers the Digest figure too).
# (not SECONDS: bash keeps its own SECONDS, the time since the shell started)
# Only loopback traffic; every process started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh

ROUNDS=${ROUNDS:-5}
SECONDS_PER_RUN=${RUN_SECONDS:-10}
CONNECTIONS=${CONNECTIONS:-50}
JAVA_OPTS=${JAVA_OPTS:-}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
PIN=${PIN:-1}
warden_cpus=() others=()
if [ "$PIN" = 1 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  warden_cpus=(taskset -c 0) others=(taskset -c "1-$(($(nproc) - 1))")
fi

build_if_stale AuthLoad

use_scratch

cp="target/test-classes:target/lib/*"
"${others[@]}" java -cp "$cp" dev.warden.bench.BenchOrigin >"$work/origin.out" 2>&1 &
pids+=($!)
origin_port=$(await_port "$work/origin.out" "origin listening" $!)

password=bench-password-$RANDOM
# shellcheck disable=SC2086
"${warden_cpus[@]}" java $JAVA_OPTS -jar target/warden.jar --headless --listen 127.0.0.1:0 --user "bench:$password" \
  --schemes digest,basic --digest-algorithms SHA-256,MD5 >"$work/warden.out" 2>"$work/warden.err" &
pids+=($!)
warden_port=$(await_port "$work/warden.out" "Warden listening" $!)

# AuthLoad warms itself up for AUTHLOAD_WARMUP seconds first, left out of its rate (a fresh JVM's
# generator runs interpreted at first); its last field counts those requests too
load() { "${others[@]}" java -cp "$cp" dev.warden.bench.AuthLoad "$warden_port" "$origin_port" "$1" "$2" "$CONNECTIONS" bench "$password" "${AUTHLOAD_WARMUP:-2}"; }
warden_pid=${pids[-1]}
# Warden's CPU time (user + system, clock ticks) so far: per request it is the cost the ratio is
# about, and unlike req/s it holds when other processes share the CPUs.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$warden_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)
# One measured load run: the generator's line plus Warden's CPU microseconds per answered request.
measured() {
  local before after line
  before=$(cpu_ticks)
  line=$(load "$1" "$SECONDS_PER_RUN")
  after=$(cpu_ticks)
  echo "$line" | awk -v t=$((after - before)) -v hz="$ticks_per_second" -v s="$SECONDS_PER_RUN" \
    '{ printf "%s %.1f", $0, ($6 > 0 ? t / hz * 1e6 / $6 : 0) }'
}

echo "warm-up..." >&2
load basic "$WARMUP_SECONDS" >/dev/null
load digest "$WARMUP_SECONDS" >/dev/null
echo "pinned: Warden ${warden_cpus[*]:-on every CPU}, origin and load ${others[*]:-on every CPU}" >&2
basic=() digest=() basic_cpu=() digest_cpu=()
for round in $(seq 1 "$ROUNDS"); do
  b=$(measured basic)
  d=$(measured digest)
  echo "round $round: $b | $d   (scheme req/s failed p50-ms p99-ms answered Warden-CPU-us/request)"
  basic+=("$(echo "$b" | awk '{ print $2 }')")
  digest+=("$(echo "$d" | awk '{ print $2 }')")
  basic_cpu+=("$(echo "$b" | awk '{ print $NF }')")
  digest_cpu+=("$(echo "$d" | awk '{ print $NF }')")
done
mb=$(median "${basic[@]}")
md=$(median "${digest[@]}")
ratio=$(awk -v d="$md" -v b="$mb" 'BEGIN { printf "%.2f", d / b }')
cb=$(median "${basic_cpu[@]}")
cd_=$(median "${digest_cpu[@]}")
echo "median Warden CPU per request: Basic $cb us, Digest $cd_ us, Basic/Digest $(awk -v d="$cd_" -v b="$cb" 'BEGIN { printf "%.2f", b / d }') (the req/s ratio when Warden's CPU is the limit)"
echo "median Basic $mb req/s, Digest $md req/s, Digest/Basic $ratio (target >= 0.90)"
awk -v r="$ratio" 'BEGIN { exit !(r >= 0.9) }' && echo "target met" || { echo "target missed"; exit 3; }
