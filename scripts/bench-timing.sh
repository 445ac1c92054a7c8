#!/usr/bin/env bash
# Timing: does one request tell an unknown user from a wrong password?
#
# Runs dev.warden.bench.TimingProbe: a real Warden (real LittleProxy on 127.0.0.1, raw sockets)
# whose realm mixes PBKDF2 (Warden's own cost), bcrypt (BCRYPT_COST), {SHA} and $apr1$ users. ROUNDS
# interleaved rounds of one unknown-user request and one wrong-password request per user, each with
# a fresh password (no cache answers), lockouts off. Prints the medians and each one's ratio to the
# unknown-user median. Target (issue 13): every ratio within 0.9-1.1; exits 3 when missed.
#
# Knobs (environment): ROUNDS=15 BCRYPT_COST=10 JAVA_OPTS=""
# Only loopback traffic; the probe stops its Warden when done.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh

ROUNDS=${ROUNDS:-15}
BCRYPT_COST=${BCRYPT_COST:-10}
JAVA_OPTS=${JAVA_OPTS:-}

build_if_stale TimingProbe
# shellcheck disable=SC2086
exec java $JAVA_OPTS -cp "target/test-classes:target/classes:target/lib/*" dev.warden.bench.TimingProbe "$ROUNDS" "$BCRYPT_COST"
