#!/usr/bin/env bash
# Warden against Squid 5.7, the authenticating proxy users would otherwise run, in one run.
#
# Starts a 1 KiB keep-alive origin (dev.warden.bench.BenchOrigin), headless Warden with Basic and one
# user, and Squid with basic_ncsa_auth and the same user (its own config, pid file, logs and port in
# a temp folder, loopback only, no cache, no DNS: every target is 127.0.0.1), all on 127.0.0.1.
# Then ROUNDS interleaved rounds of two loads, `wrk -t2 -c50` on keep-alive connections:
#   valid:  every request with the right pre-emptive Proxy-Authorization (Basic) -> 200
#   407:    every request without credentials -> 407 from the proxy itself
# and prints each round, the medians, and Warden/Squid for each load.
# Targets (issue 11): valid >= 2.0x Squid; the 407 path >= 2.5x Squid.
#
# Squid is installed with apt when missing (as root, or with sudo). Every process started here is
# stopped on exit, and the temp folder removed.
# Knobs (environment): THREADS=2 CONNECTIONS=50 DURATION=10s WARMUP=3s ROUNDS=3 JAVA_OPTS=""
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh
. scripts/system-packages.sh
ensure_packages wrk curl squid openssl

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
ROUNDS=${ROUNDS:-3}
JAVA_OPTS=${JAVA_OPTS:-}
SQUID=${SQUID:-/usr/sbin/squid}
NCSA=${NCSA:-/usr/lib/squid/basic_ncsa_auth}

build_if_stale BenchOrigin

work=$(mktemp -d)
chmod 755 "$work" # Squid drops root for the "proxy" user, which must read its config and users
pids=()
squid_conf=""
cleanup() {
  if [ -n "$squid_conf" ] && [ -f "$work/squid.pid" ]; then
    "$SQUID" -f "$squid_conf" -k shutdown 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$work/squid.pid" ] || break; sleep 0.1; done
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

java -cp "target/test-classes:target/lib/*" dev.warden.bench.BenchOrigin >"$work/origin.out" 2>&1 &
pids+=($!)
origin_port=$(await_port "$work/origin.out" "origin listening" $! /dev/null)

user=bench
password=bench-password-$RANDOM
# shellcheck disable=SC2086
java $JAVA_OPTS -jar target/warden.jar --headless --listen 127.0.0.1:0 --user "$user:$password" \
  >"$work/warden.out" 2>"$work/warden.err" &
pids+=($!)
warden_pid=$!
warden_port=$(await_port "$work/warden.out" "Warden listening" "$warden_pid" "$work/warden.err")

printf '%s:%s\n' "$user" "$(openssl passwd -apr1 "$password")" >"$work/passwd"
chmod 644 "$work/passwd"
squid_port=$(free_port)
squid_conf="$work/squid.conf"
cat >"$squid_conf" <<CONF
http_port 127.0.0.1:$squid_port
pid_filename $work/squid.pid
cache_log $work/cache.log
access_log none
cache deny all
cache_mem 8 MB
coredump_dir $work
shutdown_lifetime 1 second
dns_nameservers 127.0.0.1
auth_param basic program $NCSA $work/passwd
auth_param basic children 5
auth_param basic realm Warden bench
auth_param basic credentialsttl 2 hours
acl authenticated proxy_auth REQUIRED
http_access deny !authenticated
http_access allow authenticated
http_access deny all
CONF
touch "$work/cache.log" && chmod 666 "$work/cache.log"
"$SQUID" -f "$squid_conf" -k parse 2>"$work/parse.log" || { echo "bench: squid -k parse failed:" >&2; cat "$work/parse.log" >&2; exit 1; }
"$SQUID" -f "$squid_conf" -N 2>"$work/squid.err" &
pids+=($!)
squid_pid=$!
for _ in $(seq 1 100); do
  curl -s -o /dev/null --max-time 1 --proxy "http://127.0.0.1:$squid_port" "http://127.0.0.1:$origin_port/" && break
  kill -0 "$squid_pid" 2>/dev/null || { echo "bench: squid exited:" >&2; cat "$work/squid.err" "$work/cache.log" >&2; exit 1; }
  sleep 0.1
done

for proxy in "warden:$warden_port" "squid:$squid_port"; do
  name=${proxy%%:*} port=${proxy##*:}
  valid=$(curl -s -o /dev/null -w '%{http_code}' --proxy "http://127.0.0.1:$port" --proxy-user "$user:$password" \
    "http://127.0.0.1:$origin_port/")
  challenged=$(curl -s -o /dev/null -w '%{http_code}' --proxy "http://127.0.0.1:$port" "http://127.0.0.1:$origin_port/")
  if [ "$valid" != 200 ] || [ "$challenged" != 407 ]; then
    echo "bench: $name answered $valid with credentials and $challenged without, not 200 and 407" >&2
    cat "$work/warden.err" "$work/cache.log" >&2
    exit 1
  fi
done

credentials=$(printf '%s:%s' "$user" "$password" | base64 -w0)
cat >"$work/valid.lua" <<LUA
wrk.path = "http://127.0.0.1:$origin_port/"
wrk.headers["Host"] = "127.0.0.1:$origin_port"
wrk.headers["Proxy-Authorization"] = "Basic $credentials"
LUA
cat >"$work/challenged.lua" <<LUA
wrk.path = "http://127.0.0.1:$origin_port/"
wrk.headers["Host"] = "127.0.0.1:$origin_port"
LUA

run_wrk() {
  local out=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" --latency "$@" >"$out"
}

echo "origin 127.0.0.1:$origin_port, Warden 127.0.0.1:$warden_port, Squid $("$SQUID" -v | awk 'NR == 1 { print $4 }') 127.0.0.1:$squid_port" >&2
echo "wrk -t$THREADS -c$CONNECTIONS, $ROUNDS interleaved rounds of $DURATION per load and proxy; warm-up $WARMUP each" >&2
for load in valid challenged; do
  run_wrk "$work/warm-warden-$load.txt" -d"$WARMUP" -s "$work/$load.lua" "http://127.0.0.1:$warden_port/"
  run_wrk "$work/warm-squid-$load.txt" -d"$WARMUP" -s "$work/$load.lua" "http://127.0.0.1:$squid_port/"
done

declare -A all
for round in $(seq 1 "$ROUNDS"); do
  # alternate which proxy goes first, so neither always meets a warmer or a quieter machine
  if [ $((round % 2)) -eq 1 ]; then order="warden squid"; else order="squid warden"; fi
  for load in valid challenged; do
    for name in $order; do
      port=$warden_port; [ "$name" = squid ] && port=$squid_port
      out="$work/$name-$load-$round.txt"
      run_wrk "$out" -d"$DURATION" -s "$work/$load.lua" "http://127.0.0.1:$port/"
      all[$name-$load]+="$(wrk_rps "$out") "
      all[$name-$load-p99]+="$(wrk_ms "$out" 99%) "
      bad=$(wrk_non2xx "$out")
      if [ "$load" = valid ] && [ "$bad" != 0 ]; then
        echo "   $name answered $bad of the valid requests with a non-2xx status" >&2
      fi
    done
    printf 'round %d, %-10s Warden %8.0f req/s   Squid %8.0f req/s   Warden/Squid %.2f\n' "$round" "$load:" \
      "$(wrk_rps "$work/warden-$load-$round.txt")" "$(wrk_rps "$work/squid-$load-$round.txt")" \
      "$(awk -v w="$(wrk_rps "$work/warden-$load-$round.txt")" -v s="$(wrk_rps "$work/squid-$load-$round.txt")" 'BEGIN { print w / s }')" >&2
  done
done

echo
echo "medians of $ROUNDS rounds:"
met=0
for load in valid challenged; do
  # shellcheck disable=SC2086
  w=$(median ${all[warden-$load]}) s=$(median ${all[squid-$load]})
  # shellcheck disable=SC2086
  wp=$(median ${all[warden-$load-p99]}) sp=$(median ${all[squid-$load-p99]})
  target=2.0; [ "$load" = challenged ] && target=2.5
  ratio=$(awk -v w="$w" -v s="$s" 'BEGIN { printf "%.2f", w / s }')
  printf '%-11s Warden %8.0f req/s (p99 %s ms)   Squid %8.0f req/s (p99 %s ms)   Warden/Squid %s (target >= %s)\n' \
    "$load:" "$w" "$wp" "$s" "$sp" "$ratio" "$target"
  awk -v r="$ratio" -v t="$target" 'BEGIN { exit !(r >= t) }' || met=1
done
[ "$met" = 0 ] && echo "targets met" || { echo "target missed"; exit 3; }
