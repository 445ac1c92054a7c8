#!/usr/bin/env bash
# Warden's proxy path against its engine and against Squid, every figure from one run.
#
# Starts, all on 127.0.0.1: a 1 KiB keep-alive origin (dev.warden.bench.BenchOrigin); headless Warden
# with Basic and one user; a second headless Warden offering Digest (SHA-256, MD5) and Basic to the
# same user; a plain LittleProxy with Warden's event-loop shape and no Warden code
# (dev.warden.bench.PlainLittleProxy); and Squid 5.7 with basic_ncsa_auth and the same user (its own
# config, pid file, logs and port in a temp folder; no cache, no DNS). Then ROUNDS interleaved rounds
# (the order turns each round) of eight loads on keep-alive connections:
#   direct          wrk straight to the origin
#   plain           wrk through plain LittleProxy (valid Proxy-Authorization, which it ignores)
#   warden-basic    wrk through Warden, valid pre-emptive Basic on every request -> 200
#   warden-407      wrk through Warden, no credentials -> every answer Warden's own 407
#   squid-basic     wrk through Squid, valid Basic -> 200
#   squid-407       wrk through Squid, no credentials -> 407
#   authload-basic  dev.warden.bench.AuthLoad, Basic, through the Digest-offering Warden
#   authload-digest AuthLoad, Digest: a fresh response and the next nc on every request
# (wrk cannot compute Digest responses, so Digest is compared with Basic measured by the same Java
# generator). Prints every run and the medians (req/s, p50, p99, the proxies' CPU per request) and
# the targets of the performance issue:
#   Warden Basic >= 0.90 x plain LittleProxy req/s, its p99 <= 1.5 x plain's
#   Warden Basic >= 2.0 x Squid Basic;  Warden all-407 >= 2.5 x Squid all-407
#   Warden Digest >= 0.90 x Warden Basic (same generator)
# (the verdict on the ratio of the medians; each round's own ratio is printed beside it) and exits 3 when
# one is missed.
#
# Usage: scripts/bench-proxy.sh [--quick]
#   --quick   one round of 3 s per load after 2 s warm-ups: about a minute, for a quick check that
#             every proxy answers; no JIT warm-up, so its ratios understate the Java proxies
# Knobs (environment): ROUNDS=5 DURATION=10s WARMUP=5s JIT_WARMUP=20s THREADS=2 CONNECTIONS=50
#   ROUNDS: 5 by default (about 14 minutes), since on this 2-core machine one load's rate moved by
#   a fifth from round to round and a median of 3 then still hung on a single round
#   AUTHLOAD_WARMUP=2s  load AuthLoad runs before each of its measured runs and leaves out: a fresh
#   JVM's generator interprets its own code (more of it for Digest) for the first second or so,
#   where wrk is native; its requests still count in the proxy's CPU per request
#   JIT_WARMUP: first, load of its own for each Java proxy (twice for plain LittleProxy and for each
#   Warden, whose two loads each get one): on 2 shared cores C2 is still compiling the path some
#   30 s into a run (its threads took a third of Warden's CPU then, next to nothing after 40 s), and
#   a first round measured then compares a JVM still warming up with Squid, which needs no warm-up
#   SQUID_ACCESS_LOG=daemon  Squid logs every request as its packaged squid.conf does
#   (access_log daemon:...: a log_file_daemon helper writes the file), since headless Warden writes an
#   access-log line per request too; "none" measures Squid with no log at all, as runs before
#   2026-12-03 noon did
#   JAVA_OPTS=""        extra JVM options for both Wardens (a profiler, -Xmx)
#   PLAIN_JAVA_OPTS=""  the same for plain LittleProxy
# wrk, curl, squid and openssl are installed with apt when missing (as root, or with sudo). Only
# loopback traffic; every process started here is stopped on exit and the temp folder removed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh
. scripts/system-packages.sh

for arg in "$@"; do
  case $arg in
    --quick) ROUNDS=${ROUNDS:-1} DURATION=${DURATION:-3s} WARMUP=${WARMUP:-2s} JIT_WARMUP=${JIT_WARMUP:-0s} AUTHLOAD_WARMUP=${AUTHLOAD_WARMUP:-0s} ;;
    -h | --help) sed -n '2,47p' "$0"; exit 0 ;;
    *) echo "bench-proxy: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
JIT_WARMUP=${JIT_WARMUP:-20s}
ROUNDS=${ROUNDS:-5}
AUTHLOAD_WARMUP=${AUTHLOAD_WARMUP:-2s}
JAVA_OPTS=${JAVA_OPTS:-}
PLAIN_JAVA_OPTS=${PLAIN_JAVA_OPTS:-}
SQUID=${SQUID:-/usr/sbin/squid}
NCSA=${NCSA:-/usr/lib/squid/basic_ncsa_auth}
SQUID_ACCESS_LOG=${SQUID_ACCESS_LOG:-daemon}
case $SQUID_ACCESS_LOG in daemon | none) ;; *) echo "bench-proxy: SQUID_ACCESS_LOG must be daemon or none" >&2; exit 2 ;; esac
case $DURATION in *s) ;; *) echo "bench-proxy: DURATION must be in seconds, like 10s" >&2; exit 2 ;; esac
case $WARMUP in *s) ;; *) echo "bench-proxy: WARMUP must be in seconds, like 5s" >&2; exit 2 ;; esac
case $JIT_WARMUP in *s) ;; *) echo "bench-proxy: JIT_WARMUP must be in seconds, like 20s" >&2; exit 2 ;; esac

ensure_packages wrk curl squid openssl
build_if_stale AuthLoad

use_scratch
chmod 755 "$work" # Squid drops root for the "proxy" user, which must read its config and users
squid_conf=""
# Squid is asked to shut down first: killed, it leaves its helpers and pid file behind
cleanup() {
  if [ -n "$squid_conf" ] && [ -f "$work/squid.pid" ]; then
    "$SQUID" -f "$squid_conf" -k shutdown 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$work/squid.pid" ] || break; sleep 0.1; done
  fi
  stop_scratch
}
trap cleanup EXIT

cp="target/test-classes:target/lib/*"
user=bench
password=bench-password-$RANDOM

java -cp "$cp" dev.warden.bench.BenchOrigin >"$work/origin.out" 2>&1 &
pids+=($!)
origin_port=$(await_port "$work/origin.out" "origin listening" $!)

# shellcheck disable=SC2086
java $JAVA_OPTS -jar target/warden.jar --headless --listen 127.0.0.1:0 --user "$user:$password" \
  >"$work/warden.out" 2>"$work/warden.err" &
pids+=($!)
warden_pid=$!
warden_port=$(await_port "$work/warden.out" "Warden listening" $! "$work/warden.err")

# shellcheck disable=SC2086
java $JAVA_OPTS -jar target/warden.jar --headless --listen 127.0.0.1:0 --user "$user:$password" \
  --schemes digest,basic --digest-algorithms SHA-256,MD5 >"$work/digest.out" 2>"$work/digest.err" &
pids+=($!)
digest_pid=$!
digest_port=$(await_port "$work/digest.out" "Warden listening" $! "$work/digest.err")

# shellcheck disable=SC2086
java $PLAIN_JAVA_OPTS -cp "$cp" dev.warden.bench.PlainLittleProxy >"$work/plain.out" 2>"$work/plain.err" &
pids+=($!)
plain_pid=$!
plain_port=$(await_port "$work/plain.out" "plain LittleProxy listening" $! "$work/plain.err")

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
printf '%s:%s\n' "$user" "$(openssl passwd -apr1 "$password")" >"$work/passwd"
chmod 644 "$work/passwd"
squid_port=$(free_port)
squid_conf="$work/squid.conf"
cat >"$squid_conf" <<CONF
http_port 127.0.0.1:$squid_port
pid_filename $work/squid.pid
cache_log $work/cache.log
access_log $([ "$SQUID_ACCESS_LOG" = none ] && echo none || echo "daemon:$work/access.log squid")
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
touch "$work/cache.log" "$work/access.log" && chmod 666 "$work/cache.log" "$work/access.log"
"$SQUID" -f "$squid_conf" -k parse 2>"$work/parse.log" || { echo "bench-proxy: squid -k parse failed:" >&2; cat "$work/parse.log" >&2; exit 1; }
"$SQUID" -f "$squid_conf" -N 2>"$work/squid.err" &
pids+=($!)
squid_pid=$!
for _ in $(seq 1 100); do
  curl -s -o /dev/null --max-time 1 --proxy "http://127.0.0.1:$squid_port" "http://127.0.0.1:$origin_port/" && break
  kill -0 "$squid_pid" 2>/dev/null || { echo "bench-proxy: squid exited:" >&2; cat "$work/squid.err" "$work/cache.log" >&2; exit 1; }
  sleep 0.1
done

# every proxy must answer as the loads assume before anything is measured
for proxy in "warden:$warden_port:--proxy-basic" "digest:$digest_port:--proxy-digest" "squid:$squid_port:--proxy-basic"; do
  IFS=: read -r name port flag <<<"$proxy"
  valid=$(curl -s -o /dev/null -w '%{http_code}' "$flag" --proxy "http://127.0.0.1:$port" \
    --proxy-user "$user:$password" "http://127.0.0.1:$origin_port/")
  challenged=$(curl -s -o /dev/null -w '%{http_code}' --proxy "http://127.0.0.1:$port" "http://127.0.0.1:$origin_port/")
  if [ "$valid" != 200 ] || [ "$challenged" != 407 ]; then
    echo "bench-proxy: $name answered $valid with credentials ($flag) and $challenged without, not 200 and 407" >&2
    cat "$work/warden.err" "$work/digest.err" "$work/cache.log" >&2
    exit 1
  fi
done

credentials=$(printf '%s:%s' "$user" "$password" | base64 -w0)
cat >"$work/valid.lua" <<LUA
-- Proxy requests carry the absolute URL; wrk connects to the proxy's port given on its command line.
wrk.path = "http://127.0.0.1:$origin_port/"
wrk.headers["Host"] = "127.0.0.1:$origin_port"
wrk.headers["Proxy-Authorization"] = "Basic $credentials"
LUA
cat >"$work/challenged.lua" <<LUA
wrk.path = "http://127.0.0.1:$origin_port/"
wrk.headers["Host"] = "127.0.0.1:$origin_port"
LUA

# CPU time (user + system, clock ticks) of process $1 so far: per request it is the cost a ratio is
# about, and unlike req/s it holds up when something else shares the CPUs.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)

# The process serving load $1 ("" for direct).
pid_of() {
  case $1 in
    plain) echo "$plain_pid" ;; warden-*) echo "$warden_pid" ;; squid-*) echo "$squid_pid" ;;
    authload-*) echo "$digest_pid" ;; *) echo "" ;;
  esac
}

# Runs load $1 for $2 (e.g. 10s); prints "<req/s> <p50 ms> <p99 ms> <non-2xx> <requests served>", the
# last counting AuthLoad's warm-up too, since the proxy's CPU time is read around the whole run.
run_load() {
  local load=$1 duration=$2 out="$work/run.txt" url lua=""
  case $load in
    authload-*)
      java -cp "$cp" dev.warden.bench.AuthLoad "$digest_port" "$origin_port" "${load#authload-}" "${duration%s}" \
        "$CONNECTIONS" "$user" "$password" "${AUTHLOAD_WARMUP%s}" | awk '{ print $2, $4, $5, $3, $6 }'
      return ;;
    direct) url="http://127.0.0.1:$origin_port/" ;;
    plain) url="http://127.0.0.1:$plain_port/" lua=valid ;;
    warden-basic) url="http://127.0.0.1:$warden_port/" lua=valid ;;
    warden-407) url="http://127.0.0.1:$warden_port/" lua=challenged ;;
    squid-basic) url="http://127.0.0.1:$squid_port/" lua=valid ;;
    squid-407) url="http://127.0.0.1:$squid_port/" lua=challenged ;;
  esac
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency ${lua:+-s "$work/$lua.lua"} "$url" >"$out"
  local bad
  bad=$(wrk_non2xx "$out")
  case $load in *-407) bad=0 ;; esac # every answer is a 407 on purpose
  echo "$(wrk_rps "$out") $(wrk_ms "$out" 50%) $(wrk_ms "$out" 99%) $bad $(awk -v r="$(wrk_rps "$out")" -v s="${duration%s}" 'BEGIN { printf "%.0f", r * s }')"
}

loads=(direct plain warden-basic warden-407 squid-basic squid-407 authload-basic authload-digest)
declare -A label=(
  [direct]="direct" [plain]="plain LittleProxy" [warden-basic]="Warden Basic" [warden-407]="Warden all-407"
  [squid-basic]="Squid Basic" [squid-407]="Squid all-407" [authload-basic]="Warden Basic (AuthLoad)"
  [authload-digest]="Warden Digest (AuthLoad)")

echo "origin :$origin_port (1 KiB), Warden :$warden_port, Warden Digest+Basic :$digest_port, plain LittleProxy :$plain_port, Squid $("$SQUID" -v | awk 'NR == 1 { print $4 }') :$squid_port with access_log $SQUID_ACCESS_LOG (all 127.0.0.1)" >&2
echo "wrk -t$THREADS -c$CONNECTIONS and AuthLoad with $CONNECTIONS connections; $ROUNDS interleaved round(s) of $DURATION per load; warm-up $WARMUP each..." >&2
if [ "${JIT_WARMUP%s}" -gt 0 ]; then
  echo "JIT warm-up: $JIT_WARMUP per load on the Java proxies..." >&2
  for load in plain warden-basic warden-407 authload-basic authload-digest plain; do
    run_load "$load" "$JIT_WARMUP" >/dev/null
  done
fi
for load in "${loads[@]}"; do run_load "$load" "$WARMUP" >/dev/null; done

declare -A rps p50 p99 cpu
for round in $(seq 1 "$ROUNDS"); do
  # the order turns each round, so no load always meets a warmer or a quieter machine
  shift_by=$(( (round - 1) % ${#loads[@]} ))
  order=("${loads[@]:shift_by}" "${loads[@]:0:shift_by}")
  for load in "${order[@]}"; do
    pid=$(pid_of "$load")
    before=0; [ -n "$pid" ] && before=$(cpu_ticks "$pid")
    read -r r l50 l99 bad served <<<"$(run_load "$load" "$DURATION")"
    us="-"
    if [ -n "$pid" ]; then
      us=$(awk -v a="$(cpu_ticks "$pid")" -v b="$before" -v hz="$ticks_per_second" -v n="$served" \
        'BEGIN { printf "%.1f", (n > 0 ? (a - b) / hz * 1e6 / n : 0) }')
    fi
    rps[$load]+="$r " p50[$load]+="$l50 " p99[$load]+="$l99 " cpu[$load]+="$us "
    printf 'round %d  %-25s %9.0f req/s   p50 %7s ms   p99 %7s ms   proxy CPU %6s us/req%s\n' "$round" \
      "${label[$load]}" "$r" "$l50" "$l99" "$us" "$([ "$bad" != 0 ] && echo "   ($bad answers not 2xx!)")" >&2
  done
done

med() { local values; read -r -a values <<<"$1"; if [ "${values[0]}" = - ]; then echo -; else median "${values[@]}"; fi; }
echo
echo "medians of $ROUNDS round(s) of $DURATION:"
declare -A m
for load in "${loads[@]}"; do
  m[$load]=$(med "${rps[$load]}")
  printf '%-25s %9.0f req/s   p50 %7s ms   p99 %7s ms   proxy CPU %6s us/req\n' "${label[$load]}" "${m[$load]}" \
    "$(med "${p50[$load]}")" "$(med "${p99[$load]}")" "$(med "${cpu[$load]}")"
done

echo
echo "targets (performance issue):"
missed=0
# target NAME VALUE >=|<= BOUND ROUNDS: the verdict is on VALUE, the ratio of the medians; ROUNDS, each
# round's own ratio, is printed beside it to show how far the rounds spread
target() {
  local verdict=met
  awk -v v="$2" -v b="$4" -v op="$3" 'BEGIN { exit !(op == ">=" ? v >= b : v <= b) }' || { verdict=MISSED; missed=1; }
  printf '%-40s %6s   (target %s %s)   %-6s   rounds %s\n' "$1" "$2" "$3" "$4" "$verdict" "$5"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
# ratios A/B round by round, from two space-separated lists of the same length
per_round() {
  awk -v a="$1" -v b="$2" 'BEGIN { n = split(a, x, " "); split(b, y, " ")
    for (i = 1; i <= n; i++) printf "%s%.2f", (i > 1 ? ", " : ""), (y[i] > 0 ? x[i] / y[i] : 0) }'
}
target "Warden Basic / plain LittleProxy req/s" "$(ratio "${m[warden-basic]}" "${m[plain]}")" ">=" 0.90 \
  "$(per_round "${rps[warden-basic]}" "${rps[plain]}")"
target "Warden Basic / plain LittleProxy p99" "$(ratio "$(med "${p99[warden-basic]}")" "$(med "${p99[plain]}")")" "<=" 1.5 \
  "$(per_round "${p99[warden-basic]}" "${p99[plain]}")"
target "Warden Basic / Squid Basic req/s" "$(ratio "${m[warden-basic]}" "${m[squid-basic]}")" ">=" 2.0 \
  "$(per_round "${rps[warden-basic]}" "${rps[squid-basic]}")"
target "Warden all-407 / Squid all-407 req/s" "$(ratio "${m[warden-407]}" "${m[squid-407]}")" ">=" 2.5 \
  "$(per_round "${rps[warden-407]}" "${rps[squid-407]}")"
target "Warden Digest / Warden Basic req/s" "$(ratio "${m[authload-digest]}" "${m[authload-basic]}")" ">=" 0.90 \
  "$(per_round "${rps[authload-digest]}" "${rps[authload-basic]}")"

if grep -q . "$work/warden.err" "$work/digest.err"; then
  echo "Warden's stderr:" >&2
  head -20 "$work/warden.err" "$work/digest.err" >&2
fi
[ "$missed" = 0 ] && echo "targets met" || { echo "target missed"; exit 3; }
