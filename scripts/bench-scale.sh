#!/usr/bin/env bash
# Scale benchmark (performance issue, target 6), in one run against one headless Warden:
#   1. idle crowd: IDLE (10,000) keep-alive client connections, each authenticated once and then
#      idle (LittleProxy keeps each one's connection to the origin open as well), held open while wrk drives the normal load; prints Warden's live heap after a full GC
#      (target <= 200 MB) and the normal clients' req/s with the crowd against without it, in
#      interleaved rounds (target >= 0.9);
#   2. a million exchanges: wrk until EXCHANGES (1,000,000) have been recorded, sampling Warden's
#      resident set size every few seconds; prints the samples and the growth from the first sample
#      after the traffic log has filled to the last (target: flat, within 10 %).
# Knobs (environment): IDLE=10000 EXCHANGES=1000000 ROUNDS=3 DURATION=10s CONNECTIONS=50
# Only loopback traffic; every process started here is stopped on exit. Exits 3 when a target is
# missed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/system-packages.sh
ensure_packages wrk curl
. scripts/bench-common.sh

IDLE=${IDLE:-10000}
EXCHANGES=${EXCHANGES:-1000000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-50}
# Each idle client connection keeps its connection to the origin open too: 10,000 of them are
# 20,000 descriptors in Warden and 10,000 in each of the others (root may raise the hard limit)
ulimit -Hn 65536 2>/dev/null || true
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt $((2 * IDLE + 1000)) ]; then
  echo "bench: $IDLE idle connections need $((2 * IDLE + 1000)) open files, the limit is $(ulimit -n); lower IDLE or run as root" >&2
  exit 1
fi

build_if_stale IdleConnections

use_scratch

cp="target/test-classes:target/lib/*"
java -cp "$cp" dev.warden.bench.BenchOrigin >"$work/origin.out" 2>&1 &
pids+=($!)
origin_port=$(await_port "$work/origin.out" "origin listening" $!)

password=bench-password-$RANDOM
# idle connections must outlive the run: the default idle timeout (60 s) would close the crowd
java -jar target/warden.jar --headless --listen 127.0.0.1:0 --user "bench:$password" --idle-timeout 1h \
  >"$work/access.log" 2>"$work/warden.err" &
pids+=($!)
warden_pid=$!
warden_port=$(await_port "$work/access.log" "Warden listening" "$warden_pid" "$work/warden.err")

credentials=$(printf '%s:%s' bench "$password" | base64 -w0)
cat >"$work/proxy.lua" <<LUA
wrk.path = "http://127.0.0.1:$origin_port/"
wrk.headers["Host"] = "127.0.0.1:$origin_port"
wrk.headers["Proxy-Authorization"] = "Basic $credentials"
LUA
load() { wrk -t2 -c"$CONNECTIONS" -d"$1" --latency -s "$work/proxy.lua" "http://127.0.0.1:$warden_port/" >"$2"; }
heap_mb() {
  jcmd "$warden_pid" GC.run >/dev/null
  jcmd "$warden_pid" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024); exit } }'
}
rss_mb() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$warden_pid/status"; }
missed=0

echo "== 1. $IDLE idle keep-alive connections" >&2
load 5s "$work/warm.txt"
heap_before=$(heap_mb)
alone=(); crowded=()
java -Xss256k -cp "$cp" dev.warden.bench.IdleConnections "$warden_port" "$origin_port" "$IDLE" bench "$password" \
  >"$work/idle.out" 2>&1 &
idle_pid=$!
pids+=("$idle_pid")
for _ in $(seq 1 600); do grep -q holding "$work/idle.out" && break; kill -0 "$idle_pid" || break; sleep 0.5; done
grep holding "$work/idle.out" || { echo "bench: the idle crowd did not form: $(cat "$work/idle.out")" >&2; exit 1; }
heap_crowd=$(heap_mb)
kill -STOP "$idle_pid"   # the crowd stays connected and silent; its process is only paused
for round in $(seq 1 "$ROUNDS"); do
  load "$DURATION" "$work/crowd-$round.txt"
  crowded+=("$(wrk_rps "$work/crowd-$round.txt")")
done
kill -9 "$idle_pid"; wait "$idle_pid" 2>/dev/null || true
sleep 2
for round in $(seq 1 "$ROUNDS"); do
  load "$DURATION" "$work/alone-$round.txt"
  alone+=("$(wrk_rps "$work/alone-$round.txt")")
done
ma=$(median "${alone[@]}"); mc=$(median "${crowded[@]}")
ratio=$(awk -v c="$mc" -v a="$ma" 'BEGIN { printf "%.2f", c / a }')
echo "live heap after a full GC: ${heap_before} MB before, ${heap_crowd} MB holding the crowd (target <= 200 MB)"
echo "normal clients: ${mc} req/s with the crowd, ${ma} req/s without (median of $ROUNDS), ratio $ratio (target >= 0.90)"
[ "$heap_crowd" -le 200 ] || missed=1
awk -v r="$ratio" 'BEGIN { exit !(r >= 0.9) }' || missed=1

echo "== 2. $EXCHANGES exchanges, resident set size sampled" >&2
recorded() { grep -c ' 200 ' "$work/access.log" || true; }
start_count=$(recorded)
wrk -t2 -c"$CONNECTIONS" -d1h -s "$work/proxy.lua" "http://127.0.0.1:$warden_port/" >"$work/million.txt" &
wrk_pid=$!
pids+=("$wrk_pid")
samples=()
while :; do
  sleep 5
  done_now=$(( $(recorded) - start_count ))
  samples+=("$(rss_mb)")
  echo "   $done_now exchanges, RSS ${samples[-1]} MB" >&2
  [ "$done_now" -ge "$EXCHANGES" ] && break
done
kill "$wrk_pid" 2>/dev/null || true; wait "$wrk_pid" 2>/dev/null || true
first=${samples[1]:-${samples[0]}}   # the log (10,000 exchanges) is full after the first seconds
last=${samples[-1]}
growth=$(awk -v f="$first" -v l="$last" 'BEGIN { printf "%.1f", (l - f) * 100 / f }')
echo "RSS over $EXCHANGES exchanges: ${samples[*]} MB; from the second sample to the last: $growth % (target: flat, within 10 %)"
awk -v g="$growth" 'BEGIN { exit !(g <= 10) }' || missed=1

[ "$missed" -eq 0 ] && echo "targets met" || { echo "target missed"; exit 3; }
