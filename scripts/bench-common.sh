#!/usr/bin/env bash
# Shared by the benchmark scripts (sourced): a build when the jar is older than the sources, and
# waiting for a "... listening on 127.0.0.1:PORT" line.

# Builds target/warden.jar and the test classes (the origin, the load generators) when missing or stale.
build_if_stale() {
  local needed=$1
  if [ ! -f target/warden.jar ] || [ ! -f "target/test-classes/dev/warden/bench/$needed.class" ] \
      || [ -n "$(find src pom.xml -newer target/warden.jar -print -quit)" ]; then
    echo "building (./mvnw -B -q -DskipTests package)..." >&2
    ./mvnw -B -q -DskipTests package
  fi
}

# Waits for a line matching $2 in file $1, written by process $3, and prints the port it names;
# on failure prints the file and $4 (a stderr file, optional).
await_port() {
  local file=$1 pattern=$2 pid=$3 errors=${4:-/dev/null}
  for _ in $(seq 1 150); do
    if grep -q "$pattern" "$file" 2>/dev/null; then
      grep -m1 "$pattern" "$file" | sed -E 's/.*127\.0\.0\.1:([0-9]+).*/\1/'
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "bench: no '$pattern' line; output:" >&2
  cat "$file" "$errors" >&2
  return 1
}

# Median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# wrk's figures: requests per second, and a latency percentile ($2, e.g. 99%) in milliseconds.
wrk_rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
wrk_ms() {
  awk -v p="$2" '$1 == p { v = $2; n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }' "$1"
}
# wrk's count of answers that were not 2xx/3xx (0 when it printed none).
wrk_non2xx() { awk '/Non-2xx or 3xx responses:/ { print $5; found = 1 } END { if (!found) print 0 }' "$1"; }

# Sets $work (a new temporary folder) and $pids (processes to stop, empty); on exit every process in
# $pids is stopped and waited for, and $work removed. Scripts with more to stop keep their own trap.
use_scratch() {
  work=$(mktemp -d)
  pids=()
  trap stop_scratch EXIT
}
stop_scratch() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}

# Builds the app image (target/dist/Warden) when its launcher is missing or older than the sources,
# or when the file $1 (optional, e.g. a test class the script needs) is missing.
build_app_image_if_stale() {
  local launcher=target/dist/Warden/bin/Warden needed=${1:-}
  if [ ! -x "$launcher" ] || { [ -n "$needed" ] && [ ! -f "$needed" ]; } \
      || [ -n "$(find src pom.xml -newer "$launcher" -print -quit)" ]; then
    echo "building the app image (./mvnw -B -q -Pdist package -DskipTests)..." >&2
    ./mvnw -B -q -Pdist package -DskipTests
  fi
}

# Starts Xvfb on a free-looking display (1600x1000) and openbox on it when installed, both added to
# $pids; sets $display once the server answers.
start_display() {
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do DISPLAY=$display xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.05; done
  if command -v openbox >/dev/null; then
    DISPLAY=$display openbox >/dev/null 2>&1 &
    pids+=($!)
    sleep 0.5
  fi
}
