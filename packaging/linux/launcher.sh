#!/bin/sh
# Replaces jpackage's native launcher in the Linux app-image APP_ROOT (target/dist/Warden) with
# Warden's own: a POSIX sh script, bin/Warden, that starts the bundled runtime with exactly what
# lib/app/Warden.cfg (jpackage's launcher configuration) says: its java-options, its class path in
# order, its main class. Run by the build after jpackage writes the app-image and before the .deb
# is made from it; the .deb installs the script as /opt/warden/bin/Warden.
#
# Why: jpackage's Linux launcher (JDK 17) asks the package managers which package owns it on
# every start, before it starts the JVM: it runs `rpm -qf` and then `dpkg -S` through popen, and
# for an installed .deb also `dpkg -L warden`. dpkg -S reads every package's file list, so the
# cost grows with the packages installed: measured here (842 packages) the launcher took
# 0.26-0.28 s to print --version against 0.09-0.10 s for the same JVM started directly, on every
# start, the window's and headless's alike. The answer only tells it where libapplauncher.so is,
# which for Warden is always beside it.
#
# The JVM runs as lib/runtime/bin/Warden, a copy of the runtime's java launcher, so ps, top and
# the system monitor still name the process Warden (the kernel names a process by its file).
# The cfg stays: class-archive.sh reads it too, so the archive and the launcher cannot disagree.
set -eu

app=${1:?usage: launcher.sh APP_ROOT}
app=$(cd "$app" && pwd)
cfg="$app/lib/app/Warden.cfg"
runtime_java="$app/lib/runtime/bin/java"
launcher="$app/bin/Warden"
for f in "$cfg" "$runtime_java" "$launcher"; do
  [ -e "$f" ] || { echo "launcher.sh: $f is missing" >&2; exit 1; }
done

# Refuse a cfg with anything this script does not carry over, rather than drop it silently.
unknown=$(grep -v -e '^$' -e '^\[Application\]$' -e '^\[JavaOptions\]$' \
  -e '^app\.classpath=' -e '^app\.mainclass=' -e '^java-options=' "$cfg" || true)
if [ -n "$unknown" ]; then
  echo "launcher.sh: $cfg has lines this launcher does not carry over:" >&2
  echo "$unknown" >&2
  exit 1
fi
main_class=$(sed -n 's/^app\.mainclass=//p' "$cfg")
[ -n "$main_class" ] || { echo "launcher.sh: no app.mainclass in $cfg" >&2; exit 1; }

# A cfg value as a double-quoted sh word: ", $, \ and ` escaped, then jpackage's $APPDIR turned
# back into a variable the script expands.
quoted() {
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\\$APPDIR/${lib}/g')"
}

classpath=""
while IFS= read -r entry; do
  classpath="${classpath:+$classpath:}$entry"
done <<EOF
$(sed -n 's/^app\.classpath=//p' "$cfg")
EOF

script=$(mktemp)
{
  echo '#!/bin/sh'
  echo "# Warden's launcher, written by launcher.sh from lib/app/Warden.cfg when the app was built."
  echo "# It starts the JVM directly: jpackage's launcher first asked rpm and dpkg which package owns"
  echo "# it, on every start (see packaging/linux/launcher.sh in Warden's sources)."
  echo 'self=$(readlink -f "$0")'
  echo 'app=${self%/bin/*}'
  echo 'lib=$app/lib/app'
  echo 'exec "$app/lib/runtime/bin/Warden" \'
  sed -n 's/^java-options=//p' "$cfg" | while IFS= read -r option; do
    echo "  $(quoted "$option") \\"
  done
  echo '  "-Djpackage.app-path=$self" \'
  echo "  -cp $(quoted "$classpath") \\"
  echo "  $(quoted "$main_class") \"\$@\""
} >"$script"
sh -n "$script"

cp "$runtime_java" "$app/lib/runtime/bin/Warden"
install -m 0755 "$script" "$launcher"
rm -f "$script"
# Only jpackage's launcher loaded it.
rm -f "$app/lib/libapplauncher.so"
echo "launcher.sh: wrote $launcher (starts lib/runtime/bin/Warden with $(basename "$cfg")'s options)"
