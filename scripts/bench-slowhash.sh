#!/usr/bin/env bash
# A legitimate client during a flood of slow-hash verifications.
#
# Runs dev.warden.bench.SlowHashLoad: a real Warden (real LittleProxy on 127.0.0.1, raw sockets, a
# real origin) whose users are stored as bcrypt at COST; GUESSERS clients, each from its own loopback
# address, keep sending random passwords (GUESSERS verifications always waiting or running) while
# one more client sends requests whose credentials are already verified. Prints that client's
# p50/p99/max latency and the guesses answered. Target (issue 13): p99 < 20 ms; exits 3 when missed.
#
# Knobs (environment): DURATION=10 (seconds) GUESSERS=100 COST=12 JAVA_OPTS=""
# Only loopback traffic; the load generator stops its Warden and origin when done.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh

DURATION=${DURATION:-10}
GUESSERS=${GUESSERS:-100}
COST=${COST:-12}
JAVA_OPTS=${JAVA_OPTS:-}

build_if_stale SlowHashLoad
# shellcheck disable=SC2086
exec java $JAVA_OPTS -cp "target/test-classes:target/classes:target/lib/*" dev.warden.bench.SlowHashLoad \
  "$DURATION" "$GUESSERS" "$COST"
