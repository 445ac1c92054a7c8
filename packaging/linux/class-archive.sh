#!/bin/sh
# Writes Warden's class data sharing archive, APP_ROOT/lib/app/warden.jsa, for the installed app
# at APP_ROOT (the folder holding bin/Warden: /opt/warden once installed, target/dist/Warden in
# the build).
#
# Why: the window loads about 6,700 classes at start (4,000 of them JavaFX and JDK classes from the
# runtime image); parsing and verifying them is most of the time to a visible window. The launcher
# maps this archive (-XX:SharedArchiveFile=$APPDIR/warden.jsa in lib/app/Warden.cfg) and takes the
# classes ready-made.
# Why here and not at build time: JDK 17 records the absolute class path in the archive and ignores
# an archive whose class path differs (the .deb installs to /opt/warden, the build is elsewhere), so
# the archive is made where the app lives: by the build for the app-image, by the .deb's postinst
# once installed. Without the archive, or with one that does not match, the JVM starts as before,
# only slower: nothing fails.
#
# The class list (lib/app/warden.classlist) names the classes a window start and a headless start
# load; scripts/cds-classlist.sh regenerates it. Needs no display: the classes are loaded, not run.
set -eu

app=${1:?usage: class-archive.sh APP_ROOT}
app=$(cd "$app" && pwd)
cfg="$app/lib/app/Warden.cfg"
list="$app/lib/app/warden.classlist"
java="$app/lib/runtime/bin/java"
archive="$app/lib/app/warden.jsa"
for f in "$cfg" "$list" "$java"; do
  [ -e "$f" ] || { echo "class-archive.sh: $f is missing" >&2; exit 1; }
done

# The class path exactly as the launcher builds it: the cfg's app.classpath lines, in order.
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s#\\\$APPDIR#$app/lib/app#g" | paste -sd: -)

# The cfg's module options too, so the archive is made for the module graph the launcher sets up.
# (Read line by line: the options carry no spaces.)
set --
for option in $(sed -n 's/^java-options=\(--add-\(exports\|opens\)=.*\)$/\1/p' "$cfg"); do
  set -- "$@" "$option"
done

rm -f "$archive"
log=$(mktemp)
if ! "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive" \
    -cp "$classpath" "$@" >"$log" 2>&1; then
  echo "class-archive.sh: java -Xshare:dump failed; Warden runs, without the archive:" >&2
  tail -20 "$log" >&2
  rm -f "$log" "$archive"
  exit 1
fi
missing=$(grep -c 'Preload Warning: Cannot find' "$log" || true)
rm -f "$log"
chmod 0644 "$archive"
echo "class-archive.sh: wrote $archive ($(du -k "$archive" | cut -f1) KiB; $missing listed classes not found)"
