#!/usr/bin/env bash
# Packaging smoke check: builds the .deb, unpacks it with dpkg-deb -x (no install, no root
# needed), and runs the *packaged* launcher the way a user would:
#   1. --headless on 127.0.0.1:0 in front of a loopback origin: a request without credentials
#      must get 407, the same request with --proxy-user alice:secret must get the origin's 200;
#   2. the GUI under Xvfb: time from launch to a visible window titled "Warden", screenshot to
#      target/smoke/packaged-gui.png.
# Before both, it makes the class data sharing archive on the unpacked app the way the .deb's
# postinst does, and checks the launcher maps it (-Xshare:on).
# Prints the .deb size, the app-image size and the GUI start time; exits non-zero on any failure.
#
# Usage: packaging/smoke-test.sh [--no-build]
#   --no-build                reuse target/dist from an earlier ./mvnw -Pdist package
#   SMOKE_GUI_LIMIT_S=4       fail if the window takes longer than this (seconds)
#   SMOKE_GUI_ARGS="..."      arguments for the GUI run (default: --listen 127.0.0.1:0)
# Needs a JDK 17 with jpackage; the Debian packages it uses (binutils, fakeroot, curl, xvfb,
# xdotool, x11-utils, imagemagick, libgtk-3-0, fonts) are installed when missing.
# All traffic stays on 127.0.0.1.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
smoke="$root/target/smoke"
gui_limit="${SMOKE_GUI_LIMIT_S:-4}"
gui_args="${SMOKE_GUI_ARGS:---listen 127.0.0.1:0}"
build=1
[[ "${1:-}" == "--no-build" ]] && build=0

t0=$(date +%s)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

# Only loopback: never let a proxy from the environment reroute curl, and never let NO_PROXY
# make curl skip the proxy under test.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY

# What a fresh Debian/Ubuntu machine lacks gets installed (scripts/system-packages.sh).
. scripts/system-packages.sh
ensure_packages binutils fakeroot curl xvfb xauth xdotool x11-utils imagemagick libgtk-3-0 fonts-dejavu-core rpm
command -v python3 >/dev/null || ensure_packages python3
for tool in objcopy fakeroot dpkg-deb curl python3 xvfb-run xdotool xwininfo import; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done

# --- build ----------------------------------------------------------------------------------
if (( build )); then
  step "build: ./mvnw -Pdist package -DskipTests"
  tb=$(date +%s)
  ./mvnw -B -q -Pdist package -DskipTests || fail "dist build failed"
  echo "   built in $(( $(date +%s) - tb )) s"
fi
deb=$(ls target/dist/warden_*.deb 2>/dev/null | head -1)
[[ -f "$deb" ]] || fail "no target/dist/warden_*.deb (run without --no-build)"
[[ -d target/dist/Warden ]] || fail "no app-image at target/dist/Warden"
deb_bytes=$(stat -c %s "$deb")
# the class archive (warden.jsa) is made after the build for this folder only and is not shipped
# (the .deb's postinst makes its own in /opt/warden), so it does not count toward the image's size
jsa=target/dist/Warden/lib/app/warden.jsa
jsa_bytes=0
[[ -f "$jsa" ]] && jsa_bytes=$(stat -c %s "$jsa")
image_bytes=$(( $(du -sb target/dist/Warden | cut -f1) - jsa_bytes ))

# --- unpack and inspect ---------------------------------------------------------------------
step "unpack: dpkg-deb -x $(basename "$deb")"
rm -rf "$smoke"
mkdir -p "$smoke/root" "$smoke/www" "$smoke/home"
dpkg-deb -x "$deb" "$smoke/root"
app="$smoke/root/opt/warden"
launcher="$app/bin/Warden"
[[ -x "$launcher" ]] || fail "no launcher at /opt/warden/bin/Warden in the .deb"
depends=$(dpkg-deb -f "$deb" Depends)
[[ "$depends" == *"libgtk-3-0t64 | libgtk-3-0"* ]] \
  || fail ".deb Depends lacks 'libgtk-3-0t64 | libgtk-3-0' (Ubuntu 24.04 renamed the package): $depends"
maintainer=$(dpkg-deb -f "$deb" Maintainer)
[[ "$maintainer" == *"<"*"@"*">" && "$maintainer" != *Unknown* ]] || fail ".deb Maintainer is '$maintainer'"
[[ -n "$(dpkg-deb -f "$deb" Homepage)" ]] || fail ".deb has no Homepage"
grep -q 'Apache License' "$app/share/doc/copyright" 2>/dev/null || fail ".deb has no copyright file with the licence"
echo "   Maintainer: $maintainer; Homepage: $(dpkg-deb -f "$deb" Homepage); licence in share/doc/copyright"
ls "$app"/lib/*.desktop >/dev/null 2>&1 || fail "no .desktop entry in the .deb"
[[ -f "$app/lib/Warden.png" ]] || fail "no menu icon in the .deb"
if ls "$app/lib/app/lib" | grep -q '^javafx-'; then
  fail "JavaFX jars on the packaged class path: JavaFX must come from the runtime's modules"
fi
"$app/lib/runtime/bin/java" --list-modules | grep -q '^javafx.controls@' \
  || fail "the packaged runtime has no javafx.controls module"

# --- class data sharing: the archive postinst makes, made here on the unpacked app ----------------
step "class data sharing: postinst's class-archive.sh on the unpacked app, then -Xshare:on"
[[ ! -e "$app/lib/app/warden.jsa" ]] || fail "the .deb carries a class archive made for another folder"
dpkg-deb -I "$deb" postinst | grep -q 'class-archive.sh /opt/warden' \
  || fail "the .deb's postinst does not make the class archive"
sh "$app/lib/app/class-archive.sh" "$app" > "$smoke/class-archive.log" 2>&1 \
  || fail "class-archive.sh failed: $(cat "$smoke/class-archive.log")"
# -Xshare:on makes the JVM refuse to start when it cannot map the archive (no match, no file)
JAVA_TOOL_OPTIONS=-Xshare:on HOME="$smoke/home" "$app/bin/Warden" --version > "$smoke/xshare.log" 2>&1 \
  || fail "the launcher cannot use the class archive: $(cat "$smoke/xshare.log")"
echo "   $(sed 's/^class-archive.sh: //' "$smoke/class-archive.log")"

# --- .rpm: built from the same app-image, inspected (not installed: this is a Debian machine) ---
step "rpm: jpackage --type rpm, then rpm -qip / -qlp"
rm -f target/dist/warden-*.rpm
# the app-image's class archive is made for target/dist/Warden: no use in /opt/warden, 50 MB
mv target/dist/Warden/lib/app/warden.jsa "$smoke/warden.jsa" 2>/dev/null || true
rpm_built=0
jpackage --type rpm @target/packaging/common.args @target/packaging/linux/rpm.args > "$smoke/rpm.log" 2>&1 \
  && rpm_built=1
mv "$smoke/warden.jsa" target/dist/Warden/lib/app/warden.jsa 2>/dev/null || true
(( rpm_built )) || fail "jpackage --type rpm failed: $(tail -20 "$smoke/rpm.log")"
rpm_file=$(ls target/dist/warden-*.rpm 2>/dev/null | head -1)
[[ -f "$rpm_file" ]] || fail "no target/dist/warden-*.rpm"
rpm_info=$(rpm -qip "$rpm_file" 2>/dev/null)
grep -q '^License *: Apache-2.0' <<<"$rpm_info" || fail ".rpm License is not Apache-2.0: $rpm_info"
grep -q '^URL *: http' <<<"$rpm_info" || fail ".rpm has no URL"
rpm -qp --requires "$rpm_file" 2>/dev/null | grep -qx 'gtk3' || fail ".rpm does not require gtk3"
rpm_files=$(rpm -qlp "$rpm_file" 2>/dev/null)
for f in /opt/warden/bin/Warden /opt/warden/lib/warden-Warden.desktop /opt/warden/lib/Warden.png; do
  grep -qx "$f" <<<"$rpm_files" || fail ".rpm lacks $f"
done
! grep -q 'warden\.jsa$' <<<"$rpm_files" || fail ".rpm carries the app-image's class archive"
echo "   $(basename "$rpm_file") $(awk -v b="$(stat -c %s "$rpm_file")" 'BEGIN { printf "%.1f MB", b / 1000000 }'), $(grep '^License' <<<"$rpm_info" | tr -s ' '), requires gtk3"

# --- same flags as the jar ------------------------------------------------------------------
step "flags: packaged launcher --version and --help, as java -jar target/warden.jar"
jar_version=$(java -jar target/warden.jar --version 2>&1) || fail "java -jar target/warden.jar --version failed"
pkg_version=$(HOME="$smoke/home" "$launcher" --version 2>&1) || fail "packaged --version failed: $pkg_version"
[[ "$pkg_version" == "$jar_version" ]] || fail "packaged --version '$pkg_version' differs from the jar's '$jar_version'"
HOME="$smoke/home" "$launcher" --help 2>&1 | grep -q -- '--headless' || fail "packaged --help does not list --headless"
echo "   --version: $pkg_version"

# --- headless: 407 without credentials, 200 with ---------------------------------------------
step "headless: packaged launcher --headless --listen 127.0.0.1:0 --user alice:secret"
token="warden-smoke-$$-$RANDOM"
echo "$token" > "$smoke/www/hello.txt"
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$smoke/www" > "$smoke/origin.log" 2>&1 &
pids+=($!)
origin_port=""
for _ in $(seq 1 100); do
  origin_port=$(grep -o 'port [0-9]*' "$smoke/origin.log" | head -1 | cut -d' ' -f2 || true)
  [[ -n "$origin_port" ]] && break
  sleep 0.1
done
[[ -n "$origin_port" ]] || fail "the loopback origin did not start: $(cat "$smoke/origin.log")"

HOME="$smoke/home" "$launcher" --headless --listen 127.0.0.1:0 --user alice:secret \
  > "$smoke/headless.log" 2>&1 &
headless_pid=$!
pids+=("$headless_pid")
proxy_port=""
for _ in $(seq 1 300); do
  proxy_port=$(grep -o 'Warden listening on 127\.0\.0\.1:[0-9]*' "$smoke/headless.log" | head -1 | sed 's/.*://' || true)
  [[ -n "$proxy_port" ]] && break
  kill -0 "$headless_pid" 2>/dev/null || break
  sleep 0.1
done
[[ -n "$proxy_port" ]] || fail "no 'Warden listening on 127.0.0.1:PORT' line within 30 s:
$(cat "$smoke/headless.log")"
echo "   proxy on 127.0.0.1:$proxy_port, origin on 127.0.0.1:$origin_port"
# Warden's own launcher (packaging/linux/launcher.sh), not jpackage's, and the process still
# carries Warden's name.
[[ "$(head -1 "$launcher")" == '#!/bin/sh' ]] || fail "the packaged launcher is not Warden's own script"
process_name=$(cat "/proc/$headless_pid/comm")
[[ "$process_name" == Warden ]] || fail "the headless process is named '$process_name', not Warden"
echo "   launcher: Warden's own script; the process is named $process_name"
# launcher.sh carries over only what it knows of jpackage's cfg; anything else stops the build
fake="$smoke/fake-app"
mkdir -p "$fake/bin" "$fake/lib/app" "$fake/lib/runtime/bin"
touch "$fake/bin/Warden" "$fake/lib/runtime/bin/java"
{ cat "$app/lib/app/Warden.cfg"; echo "app.splash=splash.png"; } > "$fake/lib/app/Warden.cfg"
if sh packaging/linux/launcher.sh "$fake" > "$smoke/launcher-refusal.log" 2>&1; then
  fail "launcher.sh accepted a cfg line it does not carry over"
fi
grep -q 'app.splash=splash.png' "$smoke/launcher-refusal.log" \
  || fail "launcher.sh refused the cfg without naming the line: $(cat "$smoke/launcher-refusal.log")"
[[ ! -s "$fake/bin/Warden" ]] || fail "launcher.sh wrote a launcher from a cfg it refused"
echo "   launcher.sh refuses a cfg line it does not carry over (app.splash)"

url="http://127.0.0.1:$origin_port/hello.txt"
curl_proxy=(curl -sS --max-time 10 --noproxy '' -x "http://127.0.0.1:$proxy_port")
code=$("${curl_proxy[@]}" -D "$smoke/407.headers" -o /dev/null -w '%{http_code}' "$url") \
  || fail "curl through the proxy failed (no credentials)"
[[ "$code" == 407 ]] || fail "expected 407 without credentials, got $code"
grep -qi '^Proxy-Authenticate: *Basic' "$smoke/407.headers" \
  || fail "407 without a Basic Proxy-Authenticate challenge: $(cat "$smoke/407.headers")"
echo "   without credentials: 407, $(grep -i '^Proxy-Authenticate' "$smoke/407.headers" | tr -d '\r')"

code=$("${curl_proxy[@]}" --proxy-user alice:secret -o "$smoke/200.body" -w '%{http_code}' "$url") \
  || fail "curl through the proxy failed (alice:secret)"
[[ "$code" == 200 ]] || fail "expected 200 with alice:secret, got $code"
grep -qx "$token" "$smoke/200.body" || fail "200 but not the origin's body"
echo "   with alice:secret: 200 and the origin's body"

# one access-log line per exchange after the listening line
sleep 0.5
log_lines=$(sed -n '/Warden listening on/,$p' "$smoke/headless.log" | tail -n +2 | grep -c . || true)
(( log_lines >= 2 )) || fail "expected an access-log line per exchange, got $log_lines:
$(cat "$smoke/headless.log")"
sed -n '/Warden listening on/,$p' "$smoke/headless.log" | sed 's/^/   | /'
kill "$headless_pid"
wait "$headless_pid" 2>/dev/null || true

# --- GUI under Xvfb -------------------------------------------------------------------------
step "gui: packaged launcher under Xvfb, waiting for a visible window titled Warden"
cat > "$smoke/gui.sh" <<'EOF'
#!/usr/bin/env bash
# Runs inside xvfb-run: launch, poll for the window, screenshot, stop.
set -uo pipefail
launcher=$1 out=$2 args=$3
start=$(date +%s%N)
# shellcheck disable=SC2086 # args is a word list on purpose
"$launcher" $args > "$out/gui.log" 2>&1 &
pid=$!
visible=""
for _ in $(seq 1 600); do
  if wid=$(xdotool search --onlyvisible --name '^Warden' 2>/dev/null | head -1) && [[ -n "$wid" ]]; then
    visible=$(date +%s%N); break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
if [[ -z "$visible" ]]; then
  echo "no visible Warden window within 30 s" > "$out/gui.result"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; exit 1
fi
echo "$(( (visible - start) / 1000000 ))" > "$out/gui.ms"
xwininfo -root -tree | grep -i '"Warden' > "$out/gui.windows" || true
sleep 0.5   # the Stage icons arrive with the first show
xprop -id "$wid" _NET_WM_ICON | grep -o 'Icon ([0-9]* x [0-9]*)' | sort -u > "$out/gui.icons" || true
sleep 1.5 # let the first frames paint before the picture
import -window root "$out/packaged-gui.png"
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
echo ok > "$out/gui.result"
EOF
HOME="$smoke/home" xvfb-run -a -s "-screen 0 1280x800x24" \
  bash "$smoke/gui.sh" "$launcher" "$smoke" "$gui_args" || true
[[ "$(cat "$smoke/gui.result" 2>/dev/null)" == ok ]] \
  || fail "GUI: $(cat "$smoke/gui.result" 2>/dev/null || echo 'xvfb-run failed')
$(cat "$smoke/gui.log" 2>/dev/null)"
[[ -s "$smoke/packaged-gui.png" ]] || fail "no screenshot"
gui_ms=$(cat "$smoke/gui.ms")
gui_s=$(awk -v ms="$gui_ms" 'BEGIN { printf "%.2f", ms / 1000 }')
echo "   window: $(head -1 "$smoke/gui.windows" | sed 's/^ *//')"
[[ -s "$smoke/gui.icons" ]] || fail "the window has no icon (_NET_WM_ICON): the Stage icons did not load"
echo "   window icons: $(tr '\n' ' ' < "$smoke/gui.icons")"
echo "   screenshot: target/smoke/packaged-gui.png"

# --- install for real, as a user would ------------------------------------------------------
step "install: apt-get install ./$(basename "$deb"), run the installed launcher, purge"
as_root=""
[[ $(id -u) -ne 0 ]] && sudo -n true 2>/dev/null && as_root="sudo -n"
if [[ $(id -u) -ne 0 && -z "$as_root" ]] || ! command -v apt-get >/dev/null; then
  echo "   skipped: installing a package needs root (or sudo without a password) and apt-get; CI has both"
elif dpkg -s warden >/dev/null 2>&1; then
  echo "   skipped: a warden package is already installed here; not touching it"
else
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$root/$deb" > "$smoke/apt-install.log" 2>&1 \
    || fail "apt-get install failed: $(tail -20 "$smoke/apt-install.log")"
  [[ -x /opt/warden/bin/Warden ]] || fail "installed, but no /opt/warden/bin/Warden"
  [[ -f /opt/warden/lib/app/warden.jsa ]] || fail "installed, but postinst made no class archive:
$(cat "$smoke/apt-install.log")"
  JAVA_TOOL_OPTIONS=-Xshare:on HOME="$smoke/home" /opt/warden/bin/Warden --version > "$smoke/xshare-installed.log" 2>&1 \
    || fail "the installed launcher cannot use its class archive: $(cat "$smoke/xshare-installed.log")"
  desktop=$(grep -l '^Exec=.*/opt/warden/bin/Warden' /usr/share/applications/*.desktop 2>/dev/null | head -1 || true)
  [[ -n "$desktop" ]] || fail "installed, but no menu entry in /usr/share/applications"
  icon=$(sed -n 's/^Icon=//p' "$desktop" | head -1)
  [[ -f "$icon" ]] || fail "the menu entry's icon '$icon' is not installed"
  echo "   menu entry $desktop, icon $icon"
  HOME="$smoke/home" /opt/warden/bin/Warden --headless --listen 127.0.0.1:0 > "$smoke/installed.log" 2>&1 &
  installed_pid=$!
  pids+=("$installed_pid")
  installed_port=""
  for _ in $(seq 1 300); do
    installed_port=$(grep -o 'Warden listening on 127\.0\.0\.1:[0-9]*' "$smoke/installed.log" | head -1 | sed 's/.*://' || true)
    [[ -n "$installed_port" ]] && break
    kill -0 "$installed_pid" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n "$installed_port" ]] || fail "the installed launcher did not listen: $(cat "$smoke/installed.log")"
  code=$(curl -sS --max-time 10 --noproxy '' -x "http://127.0.0.1:$installed_port" -o /dev/null -w '%{http_code}' "$url") || true
  [[ "$code" == 407 ]] || fail "the installed Warden answered $code, not 407"
  kill "$installed_pid"; wait "$installed_pid" 2>/dev/null || true
  echo "   installed launcher: listening on 127.0.0.1:$installed_port, 407 without credentials"
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq warden > "$smoke/apt-remove.log" 2>&1 \
    || fail "apt-get remove --purge failed: $(tail -20 "$smoke/apt-remove.log")"
  [[ ! -e /opt/warden ]] || fail "/opt/warden left after purge"
  [[ ! -e "$desktop" ]] || fail "menu entry $desktop left after purge"
  ! dpkg -s warden >/dev/null 2>&1 || fail "dpkg still lists warden after purge"
  echo "   purged: nothing of Warden left in /opt, the menu or dpkg"
fi

# --- summary --------------------------------------------------------------------------------
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
summary="$smoke/summary.txt"
{
  echo "deb:            $(basename "$deb") $(mb "$deb_bytes") (target <= 45 MB)"
  echo "app-image:      target/dist/Warden $(mb "$image_bytes") (target <= 110 MB; without the" \
    "$(mb "$jsa_bytes") class archive made for this folder, not shipped)"
  echo "gui start:      ${gui_s} s to a visible window (target <= ${gui_limit} s)"
  echo "smoke duration: $(( $(date +%s) - t0 )) s"
} > "$summary"
cat "$summary"
(( deb_bytes <= 45000000 )) || fail ".deb larger than 45 MB"
(( image_bytes <= 110000000 )) || fail "app-image larger than 110 MB"
awk -v s="$gui_s" -v l="$gui_limit" 'BEGIN { exit !(s <= l) }' \
  || fail "GUI window took ${gui_s} s, limit ${gui_limit} s"
echo "SMOKE OK"
