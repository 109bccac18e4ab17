#!/usr/bin/env bash
# Installs what Mixplan needs and is missing on a Debian machine: the C
# libraries Fyne builds against, the CJK font the PDF report embeds (whose
# TTF assets/fonts holds a copy of), and the tools the tests use to look at what
# a person sees (Xvfb and xdotool for the window, poppler for PDF pages,
# LibreOffice to recalculate workbooks, ImageMagick for screenshots, jq to
# read the command line's JSON, xz for the desktop package). With
# --windows, also what the Windows build and its tests need: the MinGW-w64
# cross-compiler, Wine (64-bit only) and zip.
# Installs only what is missing, so a second run takes a second.
#
#   scripts/install-deps.sh [--windows]
set -euo pipefail

packages=(gcc libgl1-mesa-dev xorg-dev libxkbcommon-dev fonts-droid-fallback
          xvfb xdotool imagemagick poppler-utils libreoffice-calc-nogui jq xz-utils)
case "${1:-}" in
  --windows) packages+=(gcc-mingw-w64-x86-64 wine wine64 zip unzip) ;;
  "") ;;
  *) echo "usage: scripts/install-deps.sh [--windows]" >&2; exit 2 ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v go >/dev/null 2>&1; then
  echo "Go 1.26 or newer is needed: https://go.dev/doc/install" >&2
  exit 1
fi

# staticcheck, pinned, from the Go module proxy.
gobin="$(go env GOPATH)/bin"
if [ ! -x "$gobin/staticcheck" ] || ! "$gobin/staticcheck" -version 2>/dev/null | grep -q "0.8.2"; then
  echo "Installing staticcheck"
  go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
fi
