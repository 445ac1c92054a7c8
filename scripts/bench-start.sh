#!/usr/bin/env bash
# Start-up: how long until Warden is of use, against its engine alone, in one run.
#
# ROUNDS interleaved rounds (the order turns each round) of:
#   plain      plain LittleProxy (dev.warden.bench.PlainLittleProxy, no Warden code) until it prints
#              that it listens: the baseline, what the JVM and the engine cost by themselves
#   headless   the packaged launcher (target/dist/Warden/bin/Warden) --headless with one user, until
#              "Warden listening"
#   jar        the same from java -jar target/warden.jar
#   window     the packaged launcher opening the window under Xvfb (openbox as the window manager
#              when installed), until a window titled Warden is visible (xdotool)
# each from a fresh process with its own empty config folder. Prints every start, the medians and
# each one's ratio to plain LittleProxy. Targets (performance issue): headless <= 1.0 s, packaged
# window visible <= 2.0 s; exits 3 when one is missed.
#
# Knobs (environment): ROUNDS=5. Builds the app image (./mvnw -Pdist package) when it is missing or
# older than the sources; xvfb, xdotool and openbox are installed with apt when missing. Loopback only;
# every process started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh
. scripts/system-packages.sh

ROUNDS=${ROUNDS:-5}
ensure_packages xvfb xdotool openbox libgtk-3-0 fonts-dejavu-core
launcher=target/dist/Warden/bin/Warden
build_app_image_if_stale target/test-classes/dev/warden/bench/PlainLittleProxy.class

use_scratch

start_display

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts "$@" (with its own empty config folder, output in $out) and prints the milliseconds until
# the check "$1" succeeds; prints the output and fails when the process ends or 15 s pass first.
until_ready() {
  local check=$1 start pid
  shift
  out="$work/out.$RANDOM"
  start=$(now_ms)
  XDG_CONFIG_HOME="$work/config.$RANDOM" DISPLAY=$display "$@" >"$out" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    if "$check"; then
      echo $(( $(now_ms) - start ))
      kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.005
  done
  echo "bench-start: $* did not get ready ($check):" >&2
  cat "$out" >&2
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  return 1
}
listening() { grep -q "listening" "$out"; }
window_visible() { [ -n "$(DISPLAY=$display xdotool search --onlyvisible --name '^Warden$' 2>/dev/null | head -1)" ]; }

start_of() {
  case $1 in
    plain) until_ready listening java -cp "target/test-classes:target/lib/*" dev.warden.bench.PlainLittleProxy ;;
    headless) until_ready listening "$launcher" --headless --listen 127.0.0.1:0 --user bench:bench-password ;;
    jar) until_ready listening java -jar target/warden.jar --headless --listen 127.0.0.1:0 \
      --user bench:bench-password ;;
    window) until_ready window_visible "$launcher" ;;
  esac
}

kinds=(plain headless jar window)
declare -A all
echo "warm-up (file cache)..." >&2
for kind in "${kinds[@]}"; do start_of "$kind" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  shift_by=$(( (round - 1) % ${#kinds[@]} ))
  order=("${kinds[@]:shift_by}" "${kinds[@]:0:shift_by}")
  line="round $round:"
  for kind in "${order[@]}"; do
    ms=$(start_of "$kind")
    all[$kind]+="$ms "
    line+=" $kind $ms ms"
  done
  echo "$line" >&2
done

echo "medians of $ROUNDS rounds (ms from launch):"
# shellcheck disable=SC2086
base=$(median ${all[plain]})
missed=0
for kind in "${kinds[@]}"; do
  # shellcheck disable=SC2086
  m=$(median ${all[$kind]})
  target=""
  case $kind in
    headless) target=1000 ;; window) target=2000 ;;
  esac
  verdict=""
  if [ -n "$target" ]; then
    if awk -v m="$m" -v t="$target" 'BEGIN { exit !(m <= t) }'; then verdict="(target <= $target ms) met"
    else verdict="(target <= $target ms) MISSED"; missed=1; fi
  fi
  printf '%-9s %6.0f ms   %5.2f x plain LittleProxy   %s\n' "$kind" "$m" \
    "$(awk -v m="$m" -v b="$base" 'BEGIN { print m / b }')" "$verdict"
done
[ "$missed" = 0 ] && echo "targets met" || { echo "target missed"; exit 3; }
