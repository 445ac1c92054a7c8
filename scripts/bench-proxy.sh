#!/usr/bin/env bash
# Throughput and latency of Warden's proxy path against the same origin reached directly.
#
# Starts a 1 KiB keep-alive origin (dev.warden.bench.BenchOrigin) and headless Warden with Basic
# enforcement and one user, all on 127.0.0.1. Then, in one run: wrk straight to the origin (the
# baseline), a warm-up through Warden, and the measured run through Warden with a valid pre-emptive
# Proxy-Authorization header on keep-alive connections. Prints req/s of both, the ratio, and p99.
# Target (issue 2): ratio >= 40 % and p99 through Warden < 20 ms.
#
# Knobs (environment): THREADS=2 CONNECTIONS=50 DURATION=20s WARMUP=5s
#   ACCESS_LOG=FILE       keep Warden's stdout (listening line + access log) there; default: a temp file
#   AUTH=basic            "off" runs Warden with --no-auth, to separate the cost of checking credentials
#   JAVA_OPTS=""          extra JVM options for Warden, e.g. -Xmx512m
# Only loopback traffic; every process started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh
. scripts/system-packages.sh
ensure_packages wrk curl

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
JAVA_OPTS=${JAVA_OPTS:-}
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

java -cp "target/test-classes:target/lib/*" dev.warden.bench.PlainLittleProxy >"$work/plain.out" 2>"$work/plain.err" &
pids+=($!)
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

echo "origin 127.0.0.1:$origin_port (1 KiB), Warden 127.0.0.1:$warden_port, wrk -t$THREADS -c$CONNECTIONS -d$DURATION" >&2
echo "warm-up ($WARMUP each)..." >&2
run_wrk "$work/warm-direct.txt" -d"$WARMUP" "http://127.0.0.1:$origin_port/"
run_wrk "$work/warm-warden.txt" -d"$WARMUP" -s "$work/proxy.lua" "http://127.0.0.1:$warden_port/"
run_wrk "$work/warm-plain.txt" -d"$WARMUP" -s "$work/proxy.lua" "http://127.0.0.1:$plain_port/"
echo "direct ($DURATION)..." >&2
run_wrk "$work/direct.txt" -d"$DURATION" "http://127.0.0.1:$origin_port/"
echo "through Warden ($DURATION)..." >&2
run_wrk "$work/warden.txt" -d"$DURATION" -s "$work/proxy.lua" "http://127.0.0.1:$warden_port/"
echo "through plain LittleProxy, no Warden code ($DURATION)..." >&2
run_wrk "$work/plain.txt" -d"$DURATION" -s "$work/proxy.lua" "http://127.0.0.1:$plain_port/"

direct_rps=$(rps "$work/direct.txt")
warden_rps=$(rps "$work/warden.txt")
ratio=$(awk -v w="$warden_rps" -v d="$direct_rps" 'BEGIN { printf "%.1f", 100 * w / d }')
direct_p99=$(p99 "$work/direct.txt")
warden_p99=$(p99 "$work/warden.txt")

echo
printf 'direct:          %10.0f req/s   p99 %6s ms\n' "$direct_rps" "$direct_p99"
errors "$work/direct.txt"
printf 'through Warden:  %10.0f req/s   p99 %6s ms\n' "$warden_rps" "$warden_p99"
errors "$work/warden.txt"
printf 'ratio:           %9s %%      (target >= 40 %%, p99 < 20 ms)\n' "$ratio"
plain_rps=$(rps "$work/plain.txt")
printf 'plain LittleProxy:%9.0f req/s   p99 %6s ms   (%s %% of direct; Warden is %s %% of it)\n' "$plain_rps" \
  "$(p99 "$work/plain.txt")" "$(awk -v w="$plain_rps" -v d="$direct_rps" 'BEGIN { printf "%.1f", 100 * w / d }')" \
  "$(awk -v w="$warden_rps" -v d="$plain_rps" 'BEGIN { printf "%.0f", 100 * w / d }')"
if grep -q . "$work/warden.err"; then
  echo "Warden's stderr:" >&2
  head -20 "$work/warden.err" >&2
fi

kill -TERM "$warden_pid"
wait "$warden_pid" && status=0 || status=$?
echo "Warden exited with status $status after SIGTERM; access log: $(grep -c ' 200 ' "$ACCESS_LOG") lines with 200, $(awk '/^# / { n += $2 } END { print n + 0 }' "$ACCESS_LOG") exchanges dropped" >&2

awk -v r="$ratio" -v p="$warden_p99" 'BEGIN { exit !(r >= 40 && p < 20) }' \
  && echo "target met" || { echo "target missed"; exit 3; }
