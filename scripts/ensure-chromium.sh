#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download is not
# used), with Liberation Sans (Arial's widths, as near as Debian comes to the type of
# Windows and macOS) and DejaVu Sans (the wider default sans of a bare Linux desktop):
# the 1366 px layout tests set each. Install what is missing, if we may; otherwise say how.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
font=/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf
dejavu=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
packages=()
[ -x "$chromium" ] || packages+=(chromium)
[ -e "$font" ] || packages+=(fonts-liberation)
[ -e "$dejavu" ] || packages+=(fonts-dejavu-core)
if [ ${#packages[@]} = 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${packages[*]} for the browser tests…"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
  sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
else
  echo "The browser tests need Chromium at $chromium, Liberation Sans and DejaVu Sans (Debian: apt-get install ${packages[*]}), or CHROMIUM_PATH set." >&2
  exit 1
fi
