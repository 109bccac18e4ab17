#!/usr/bin/env bash
# Builds Mixplan for Windows on this Linux machine, bin/Mixplan-windows-amd64.zip:
#
#   Mixplan.exe   the window program, cross-compiled with cgo through MinGW-w64
#                 and packaged by Fyne's tool (the pinned version of go.mod, as
#                 scripts/package.sh), so FyneApp.toml's name, version and
#                 icon are in its version resource and its app id in the program;
#   Mixplan.com   the same program marked as a console program, which
#                 terminals run for "mixplan report …" (main_windows.go);
#   README.txt    the README's Windows section, with Windows line endings;
#   LICENSES.txt  the licences of the fonts, Go and the Go modules linked in
#                 (Mixplan itself has no licence file yet).
#
# Then checks what Explorer would show of both programs (scripts/winpe), and
# that they need no DLL beyond Windows' own. The Wine tests are
# scripts/wine-test.sh. Rebuilds only when an input changed: the program's
# sources, FyneApp.toml, assets, the README, this script, Go or MinGW. The
# first build compiles Fyne's C parts for Windows: 6–15 minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LANGUAGE=en
root=$PWD
out=bin/Mixplan-windows-amd64.zip
stamp=$out.sha256
mingw=x86_64-w64-mingw32-gcc

fail() { echo "windows: $*" >&2; exit 1; }

for tool in "$mingw" zip unzip jq; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run scripts/install-deps.sh --windows"
done

# The inputs, as NUL-separated paths: what the program is built from (not
# its tests), and what goes into the zip.
inputs() {
  git ls-files -z -co --exclude-standard -- '*.go' go.mod go.sum FyneApp.toml assets README.md \
    scripts/windows.sh ':(exclude)*_test.go' ':(exclude,glob)**/testdata/**' | sort -z
}
sum=$( {
  inputs | xargs -0 sha256sum
  go version
  "$mingw" --version | head -1
} | sha256sum | cut -d' ' -f1)

fyne_version=$(go list -m -f '{{.Version}}' fyne.io/fyne/v2)
version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
build=$(sed -n 's/^ *Build *= *\([0-9]*\)/\1/p' FyneApp.toml)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/winpe" ./scripts/winpe
winpe() { "$tmp/winpe" "$@"; }

if [ -s "$out" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ]; then
  echo "$out is up to date"
else
  started=$(date +%s)
  # Fyne's tool for this machine, once per version.
  tools=$root/bin/tools/fyne-$fyne_version
  if [ ! -x "$tools/fyne" ]; then
    echo "Installing Fyne's packaging tool $fyne_version"
    GOBIN=$tools go install "fyne.io/fyne/v2/cmd/fyne@$fyne_version"
  fi

  # fyne package builds in the folder it is run in, adds files there and
  # counts FyneApp.toml's build up: it gets a copy of the sources.
  mkdir -p "$tmp/src" "$tmp/zip"
  inputs | tar -c --null -T - -f - | tar -x -C "$tmp/src"
  echo "Building Mixplan.exe for Windows (the first build of Fyne's C parts takes 6–15 minutes)…"
  (cd "$tmp/src" &&
    GOARCH=amd64 CGO_ENABLED=1 CC=$mingw "$tools/fyne" package -os windows -release --exe mixplan.exe) 2>&1 |
    { grep -v -e 'deprecated' -e 'new tool' -e 'go install fyne.io/tools' || true; }
  [ -f "$tmp/src/Mixplan.exe" ] || fail "fyne package did not write Mixplan.exe"
  mv "$tmp/src/Mixplan.exe" "$tmp/zip/Mixplan.exe"
  winpe console "$tmp/zip/Mixplan.exe" "$tmp/zip/Mixplan.com"

  # README.txt: the README's Windows section, CRLF for Notepad.
  {
    echo "Mixplan $version for Windows"
    echo
    awk '/^## /{ on = ($0 == "## Windows") } on' README.md
  } | sed 's/$/\r/' >"$tmp/zip/README.txt"
  grep -q '^## Windows' "$tmp/zip/README.txt" || fail "README.md has no \"## Windows\" section"

  # LICENSES.txt: the fonts', Go's and every linked module's licence, as they are.
  {
    echo "Mixplan $version for Windows includes the following software, under these licences."
    echo
    echo "== Noto Sans fonts (assets/fonts) =="
    cat assets/fonts/LICENSE.txt
    echo
    echo "== Go $(go env GOVERSION) =="
    cat "$(go env GOROOT)/LICENSE"
    GOOS=windows GOARCH=amd64 CGO_ENABLED=1 go list -tags release,migrated_fynedo -deps \
      -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' . | sort -u |
      while read -r path ver dir; do
        licence=$(find "$dir" -maxdepth 1 -type f \( -iname 'licen[cs]e*' -o -iname 'copying*' \) | sort | head -1)
        [ -n "$licence" ] || fail "module $path $ver has no licence file"
        echo
        echo "== $path $ver =="
        cat "$licence"
      done
  } | sed 's/\r$//; s/$/\r/' >"$tmp/zip/LICENSES.txt"

  rm -f "$out"
  (cd "$tmp/zip" && zip -q -X -9 "$root/$out" Mixplan.exe Mixplan.com README.txt LICENSES.txt)
  echo "$sum" >"$stamp"
  echo "Built $out in $(($(date +%s) - started)) s"
fi

# --- checks -------------------------------------------------------------------
unzip -tq "$out" >/dev/null || fail "$out is damaged"
mkdir -p "$tmp/check"
unzip -q -o "$out" -d "$tmp/check"
for f in Mixplan.exe Mixplan.com README.txt LICENSES.txt; do
  [ -s "$tmp/check/$f" ] || fail "$out lacks $f"
done
file_version="$version.$build"
while IFS=: read -r exe subsystem; do
  info=$(winpe info "$tmp/check/$exe")
  check() { [ "$(jq -r "$1" <<<"$info")" = "$2" ] || fail "$exe: $1 is $(jq -c "$1" <<<"$info"), want $2"; }
  check .machine amd64
  check .subsystem "$subsystem"
  check .strings.ProductName Mixplan
  check .strings.FileDescription Mixplan
  check .strings.ProductVersion "$file_version"
  check .fileVersion "$file_version"
  check '[.icons[] | select(.width >= 32)] | length > 0' true
  jq -r .manifest <<<"$info" | grep -q "name=\"Mixplan\"" || fail "$exe: the manifest does not name Mixplan"
  # Only Windows' own DLLs: a MinGW one (libgcc, winpthread) would be missing on a user's PC.
  others=$(jq -r '.imports[] | ascii_downcase' <<<"$info" |
    grep -vxE 'kernel32\.dll|user32\.dll|gdi32\.dll|shell32\.dll|opengl32\.dll|msvcrt\.dll|advapi32\.dll|ws2_32\.dll|winmm\.dll|ole32\.dll|imm32\.dll|dwmapi\.dll' || true)
  [ -z "$others" ] || fail "$exe needs DLLs Windows does not have: $others"
done <<<"Mixplan.exe:gui
Mixplan.com:console"
# The console copy differs in its subsystem and checksum, which winpe recomputed.
[ "$(winpe info "$tmp/check/Mixplan.com" | jq .checksumOK)" = true ] || fail "Mixplan.com's checksum is wrong"
cmp -s <(tail -c +1025 "$tmp/check/Mixplan.exe") <(tail -c +1025 "$tmp/check/Mixplan.com") ||
  fail "Mixplan.com differs from Mixplan.exe beyond its headers"
grep -q $'\r$' "$tmp/check/README.txt" || fail "README.txt does not have Windows line endings"
if grep -q $'[^\r]$' "$tmp/check/README.txt"; then fail "README.txt has lines without CR"; fi
icons=$(winpe info "$tmp/check/Mixplan.exe" | jq -r '[.icons[] | "\(.width)"] | join(",")')
echo "$out: $(du -h "$out" | cut -f1) ($(stat -c %s "$out") bytes), Mixplan.exe and Mixplan.com $file_version ($(stat -c %s "$tmp/check/Mixplan.exe") bytes each), icon sizes $icons, README.txt, LICENSES.txt"
