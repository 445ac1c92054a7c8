#!/usr/bin/env bash
# Regenerates every raster icon from icons/warden.svg. The outputs are committed, so a normal
# build needs none of these tools; run this only after editing the SVG.
#
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns)
#   apt-get install librsvg2-bin imagemagick icnsutils
#
# Writes:
#   icons/png/warden-<size>.png        16 24 32 48 64 128 256 512  (Linux .deb/app-image uses 256)
#   icons/warden.ico                   16 24 32 48 64 128 256      (Windows installer and exe)
#   icons/warden.icns                  16 32 48 128 256 512        (macOS bundle)
#   src/main/resources/dev/warden/icons/warden-<size>.png  16 32 48 64 128 256  (Stage icons)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
svg="$here/warden.svg"
png_dir="$here/png"
res_dir="$root/src/main/resources/dev/warden/icons"

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "build-icons: $tool is missing (see the header of $0)" >&2; exit 1; }
done

mkdir -p "$png_dir" "$res_dir"

# rsvg-convert renders each size straight from the vector (sharper at 16-48 px than
# downscaling one big bitmap). -strip keeps the files byte-stable: no timestamps inside.
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" \
    | convert png:- -strip "PNG32:$png_dir/warden-$size.png"
done

# Windows: one .ico holding every size Explorer and the taskbar ask for.
convert $(for s in 16 24 32 48 64 128 256; do echo "$png_dir/warden-$s.png"; done) "$here/warden.ico"

# macOS: png2icns picks the icns slot from each PNG's size (16, 32, 48, 128, 256, 512).
png2icns "$here/warden.icns" $(for s in 16 32 48 128 256 512; do echo "$png_dir/warden-$s.png"; done) >/dev/null

# JavaFX Stage icons (the window helper loads these from the class path).
for size in 16 32 48 64 128 256; do
  cp "$png_dir/warden-$size.png" "$res_dir/warden-$size.png"
done

echo "build-icons: wrote $(ls "$png_dir" | wc -l) PNGs, warden.ico, warden.icns and the Stage icons"
