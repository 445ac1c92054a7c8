#!/usr/bin/env bash
# GUI benchmark: what the window costs the proxy, in one run. The same wrk load (-t2, 50 connections
# by default) goes through a Warden shown in the real window (under Xvfb) and through a Warden with
# the same settings and no window, in turn, for ROUNDS interleaved rounds, to a loopback 1 KiB origin.
# Prints req/s of both and their ratio (target >= 0.8), the FX frame gaps p50/p99/max (target p99 <
# 100 ms) and the live heap during load (target <= 300 MB and flat); exits 1 when a target is missed.
# By default the dashboard is open and the table shows conversations; "plain" measures the table of
# every exchange alone. JAVA_OPTS is passed to the JVM (e.g. a JFR recording).
# Usage: scripts/bench-gui.sh [seconds=15] [wrk-connections=50] [views|plain] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/system-packages.sh
ensure_packages xvfb xauth libgtk-3-0 fontconfig fonts-dejavu-core wrk
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/ui-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/ui-classpath.txt)"
# shellcheck disable=SC2086
xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -Xmx512m -Dprism.order=sw ${JAVA_OPTS:-} -cp "$CP" \
  dev.warden.ui.tools.GuiBench "${1:-15}" "${2:-50}" "${3:-views}" "${4:-3}"
