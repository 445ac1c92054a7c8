#!/usr/bin/env bash
# The soak: DURATION (default 10m; 30s, 10m, 1h) of mixed traffic against an in-process Warden whose
# enforcement, users, passwords and realms change every second through its own API
# (dev.warden.bench.Soak): keep-alive and pipelined GETs, CONNECT tunnels (and to a port no realm
# allows), malformed requests; credentials right, wrong, stale or missing; two guarded addresses.
# Prints progress every 10 s, then wrong decisions (an answer no settings version in force at the
# time explains), records against requests sent, and heap and file descriptors at start and end.
# Exits 1 on any wrong decision, client error or missing record. Only loopback traffic.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10m}
JAVA_OPTS=${JAVA_OPTS:-}

if [ ! -f target/test-classes/dev/warden/bench/Soak.class ] || [ ! -d target/lib ] \
    || [ -n "$(find src pom.xml -newer target/test-classes/dev/warden/bench/Soak.class -print -quit)" ]; then
  echo "building (./mvnw -B -q -DskipTests package)..." >&2
  ./mvnw -B -q -DskipTests package
fi

# shellcheck disable=SC2086
exec java $JAVA_OPTS -Djdk.net.hosts.file=src/test/resources/fuzz-hosts \
  -cp "target/classes:target/test-classes:target/lib/*" dev.warden.bench.Soak "$DURATION"
