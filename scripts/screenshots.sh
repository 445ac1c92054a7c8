#!/usr/bin/env bash
# Takes the README screenshots of the real window (GTK under Xvfb, not Monocle) with real traffic
# through the real proxy on loopback: docs/screenshots/warden-{light,dark,connect,connect-dark,editor,editor-auth}.png.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/system-packages.sh
ensure_packages xvfb xauth libgtk-3-0 fontconfig fonts-dejavu-core
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/ui-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/ui-classpath.txt)"
xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -Dprism.order=sw -cp "$CP" dev.warden.ui.tools.Screenshots "${1:-docs/screenshots}"
