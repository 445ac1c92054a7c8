#!/usr/bin/env bash
# Throughput and latency of Warden's proxy path against the same origin reached directly.
#
# Starts a 1 KiB keep-alive origin (dev.warden.bench.BenchOrigin) and headless Warden with Basic
# enforcement and one user, and a plain LittleProxy with the same event-loop shape and no Warden code,
# all on 127.0.0.1. Then, in one run and in interleaved rounds: wrk straight to the origin (the
# baseline), through Warden with a valid pre-emptive Proxy-Authorization header on keep-alive
# connections, and through plain LittleProxy. Prints each round and the medians: req/s, p99, ratios.
# Target (issue 2): ratio >= 40 % and p99 through Warden < 20 ms.
#
# Issue 11 adds: Warden >= 0.90x plain LittleProxy's req/s and p99 <= 1.5x its p99, as medians of
# ROUNDS interleaved rounds (the order of the three runs turns each round).
#
# Knobs (environment): THREADS=2 CONNECTIONS=50 DURATION=10s WARMUP=5s ROUNDS=3
#   ACCESS_LOG=FILE       keep Warden's stdout (listening line + access log) there; default: a temp file
#   AUTH=basic            "off" runs Warden with --no-auth, to separate the cost of checking credentials
#   JAVA_OPTS=""          extra JVM options for Warden, e.g. -Xmx512m
#   PLAIN_JAVA_OPTS=""    the same for the plain LittleProxy (e.g. a profiler for both)
# Only loopback traffic; every process started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh
. scripts/system-packages.sh
ensure_packages wrk curl

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-5s}
JAVA_OPTS=${JAVA_OPTS:-}
PLAIN_JAVA_OPTS=${PLAIN_JAVA_OPTS:-}
AUTH=${AUTH:-basic}

build_if_stale BenchOrigin

work=$(mktemp -d)
ACCESS_LOG=${ACCESS_LOG:-$work/access.log}
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT


java -cp "target/test-classes:target/lib/*" dev.warden.bench.BenchOrigin >"$work/origin.out" 2>&1 &
pids+=($!)
origin_port=$(await_port "$work/origin.out" "origin listening" $! /dev/null)

user=bench
password=bench-password-$RANDOM
auth_flag=()
[ "$AUTH" = off ] && auth_flag=(--no-auth)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar target/warden.jar --headless --listen 127.0.0.1:0 --user "$user:$password" "${auth_flag[@]}" \
  >"$ACCESS_LOG" 2>"$work/warden.err" &
pids+=($!)
warden_pid=$!
warden_port=$(await_port "$ACCESS_LOG" "Warden listening" "$warden_pid" "$work/warden.err")

# shellcheck disable=SC2086
java $PLAIN_JAVA_OPTS -cp "target/test-classes:target/lib/*" dev.warden.bench.PlainLittleProxy >"$work/plain.out" 2>"$work/plain.err" &
pids+=($!)
plain_pid=$!
plain_port=$(await_port "$work/plain.out" "plain LittleProxy listening" $! "$work/plain.err")

credentials=$(printf '%s:%s' "$user" "$password" | base64 -w0)
cat >"$work/proxy.lua" <<LUA
-- Proxy requests carry the absolute URL; wrk connects to Warden's port given on its command line.
wrk.path = "http://127.0.0.1:$origin_port/"
wrk.headers["Host"] = "127.0.0.1:$origin_port"
wrk.headers["Proxy-Authorization"] = "Basic $credentials"
LUA

check=$(curl -s -o /dev/null -w '%{http_code}' --proxy "http://127.0.0.1:$warden_port" \
  --proxy-user "$user:$password" "http://127.0.0.1:$origin_port/")
if [ "$check" != 200 ]; then
  echo "bench: a request through Warden got $check, not 200; stderr:" >&2
  cat "$work/warden.err" >&2
  exit 1
fi

# wrk prints latency with a unit (us, ms, s); this prints it in ms.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}
rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
p99() { to_ms "$(awk '$1 == "99%" { print $2 }' "$1")"; }
errors() { awk '/Non-2xx|Socket errors/ { print "   " $0 }' "$1"; }

run_wrk() {
  local out=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" --latency "$@" >"$out"
}

# CPU time (user + system) of process $1 so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
# CPU microseconds per request of process $1 over a run: ticks before ($2), wrk output ($3).
cpu_us_per_request() {
  local after requests
  after=$(cpu_ticks "$1")
  requests=$(awk '/requests in/ { print $1 }' "$3")
  awk -v a="$after" -v b="$2" -v n="$requests" -v t="$ticks_per_second" 'BEGIN { printf "%.1f", (a - b) / t * 1e6 / n }'
}


echo "origin 127.0.0.1:$origin_port (1 KiB), Warden 127.0.0.1:$warden_port, plain LittleProxy 127.0.0.1:$plain_port" >&2
echo "wrk -t$THREADS -c$CONNECTIONS, $ROUNDS interleaved rounds of $DURATION each; warm-up ($WARMUP each)..." >&2
run_wrk "$work/warm-direct.txt" -d"$WARMUP" "http://127.0.0.1:$origin_port/"
run_wrk "$work/warm-warden.txt" -d"$WARMUP" -s "$work/proxy.lua" "http://127.0.0.1:$warden_port/"
run_wrk "$work/warm-plain.txt" -d"$WARMUP" -s "$work/proxy.lua" "http://127.0.0.1:$plain_port/"
direct_all=() warden_all=() plain_all=() warden_p99_all=() plain_p99_all=() direct_p99_all=()
warden_cpu_all=() plain_cpu_all=()
for round in $(seq 1 "$ROUNDS"); do
  # the order turns each round, so neither proxy always runs on a warmer or a busier machine
  case $(( round % 3 )) in
    1) order="direct warden plain" ;;
    2) order="plain direct warden" ;;
    0) order="warden plain direct" ;;
  esac
  for who in $order; do
    case $who in
      direct) run_wrk "$work/direct-$round.txt" -d"$DURATION" "http://127.0.0.1:$origin_port/" ;;
      warden)
        before=$(cpu_ticks "$warden_pid")
        run_wrk "$work/warden-$round.txt" -d"$DURATION" -s "$work/proxy.lua" "http://127.0.0.1:$warden_port/"
        warden_cpu_all+=("$(cpu_us_per_request "$warden_pid" "$before" "$work/warden-$round.txt")") ;;
      plain)
        before=$(cpu_ticks "$plain_pid")
        run_wrk "$work/plain-$round.txt" -d"$DURATION" -s "$work/proxy.lua" "http://127.0.0.1:$plain_port/"
        plain_cpu_all+=("$(cpu_us_per_request "$plain_pid" "$before" "$work/plain-$round.txt")") ;;
    esac
  done
  direct_all+=("$(rps "$work/direct-$round.txt")"); direct_p99_all+=("$(p99 "$work/direct-$round.txt")")
  warden_all+=("$(rps "$work/warden-$round.txt")"); warden_p99_all+=("$(p99 "$work/warden-$round.txt")")
  plain_all+=("$(rps "$work/plain-$round.txt")"); plain_p99_all+=("$(p99 "$work/plain-$round.txt")")
  printf 'round %d: direct %6.0f   Warden %6.0f (p99 %s ms, %s us CPU/req)   plain LittleProxy %6.0f (p99 %s ms, %s us CPU/req)   Warden/plain %.2f\n' \
    "$round" "${direct_all[-1]}" "${warden_all[-1]}" "${warden_p99_all[-1]}" "${warden_cpu_all[-1]}" \
    "${plain_all[-1]}" "${plain_p99_all[-1]}" "${plain_cpu_all[-1]}" \
    "$(awk -v w="${warden_all[-1]}" -v p="${plain_all[-1]}" 'BEGIN { print w / p }')" >&2
  errors "$work/warden-$round.txt"
done

direct_rps=$(median "${direct_all[@]}")
warden_rps=$(median "${warden_all[@]}")
plain_rps=$(median "${plain_all[@]}")
direct_p99=$(median "${direct_p99_all[@]}")
warden_p99=$(median "${warden_p99_all[@]}")
plain_p99=$(median "${plain_p99_all[@]}")
ratio=$(awk -v w="$warden_rps" -v d="$direct_rps" 'BEGIN { printf "%.1f", 100 * w / d }')
own=$(awk -v w="$warden_rps" -v p="$plain_rps" 'BEGIN { printf "%.2f", w / p }')
own_p99=$(awk -v w="$warden_p99" -v p="$plain_p99" 'BEGIN { printf "%.2f", w / p }')

echo
echo "medians of $ROUNDS rounds:"
printf 'direct:            %10.0f req/s   p99 %6s ms\n' "$direct_rps" "$direct_p99"
printf 'through Warden:    %10.0f req/s   p99 %6s ms   (%s %% of direct; target >= 40 %%, p99 < 20 ms)\n' \
  "$warden_rps" "$warden_p99" "$ratio"
printf 'plain LittleProxy: %10.0f req/s   p99 %6s ms\n' "$plain_rps" "$plain_p99"
printf "Warden's own cost: Warden/plain LittleProxy = %s req/s (target >= 0.90), p99 %s (target <= 1.5)\n" "$own" "$own_p99"
printf 'CPU per request:   Warden %s us, plain LittleProxy %s us (plain/Warden %s: the same ratio measured in CPU time, which a busy machine disturbs less)\n' \
  "$(median "${warden_cpu_all[@]}")" "$(median "${plain_cpu_all[@]}")" \
  "$(awk -v w="$(median "${warden_cpu_all[@]}")" -v p="$(median "${plain_cpu_all[@]}")" 'BEGIN { printf "%.2f", p / w }')"
if grep -q . "$work/warden.err"; then
  echo "Warden's stderr:" >&2
  head -20 "$work/warden.err" >&2
fi

kill -TERM "$warden_pid"
wait "$warden_pid" && status=0 || status=$?
echo "Warden exited with status $status after SIGTERM; access log: $(grep -c ' 200 ' "$ACCESS_LOG") lines with 200, $(awk '/^# / { n += $2 } END { print n + 0 }' "$ACCESS_LOG") exchanges dropped" >&2

awk -v r="$ratio" -v p="$warden_p99" -v o="$own" -v q="$own_p99" 'BEGIN { exit !(r >= 40 && p < 20 && o >= 0.9 && q <= 1.5) }' \
  && echo "targets met" || { echo "target missed"; exit 3; }
