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
