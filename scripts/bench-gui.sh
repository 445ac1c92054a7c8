#!/usr/bin/env bash
# GUI responsiveness benchmark: the real window under Xvfb while wrk drives authenticated requests
# through the real proxy to a loopback origin for 30 s. Prints wrk's figures, the FX frame gaps
# (p50/p99/max, from an AnimationTimer) and the live heap before, during and after. By default the
# dashboard is open and the table shows conversations; "plain" measures the table of exchanges alone.
# Usage: scripts/bench-gui.sh [seconds=30] [wrk-connections=8] [views|plain]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/system-packages.sh
ensure_packages xvfb xauth libgtk-3-0 fontconfig fonts-dejavu-core wrk
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/ui-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/ui-classpath.txt)"
xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -Xmx512m -Dprism.order=sw -cp "$CP" \
  dev.warden.ui.tools.GuiBench "${1:-30}" "${2:-8}" "${3:-views}"
