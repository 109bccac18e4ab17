#!/usr/bin/env bash
# Tests the Windows build, bin/Mixplan-windows-amd64.zip (scripts/windows.sh
# builds it when it is out of date), under Wine and Xvfb, as a Windows user
# would use it:
#
#   1. a fresh Wine prefix with the zip unzipped into C:\Program Files\Mixplan
#      and a user folder C:\Users\Zoé\Mes documents;
#   2. the command line, Mixplan.com: sample, report, optimize, prices (text
#      and --json) and export give byte for byte what the Linux program gives
#      for the same plan (\r stripped); the PDF and the workbook are valid
#      and the workbook imports back to the plan; paths with backslashes,
#      slashes, drive letters C: and Z:, spaces and accents, relative paths
#      and standard input work; in Command Prompt (a batch file) "mixplan"
#      runs Mixplan.com, ">" keeps the bytes, and %ERRORLEVEL% is 0, 1 or 2;
#      Mixplan.exe prints too when its output is redirected;
#   3. the window: "Mixplan.com PLAN" hands the window to Mixplan.exe and
#      returns; the window opens on the plan, drawn (a screenshot in
#      artifacts/wine/), and the plan is the first recent file in
#      %APPDATA%\fyne\com.mixplan.desktop\preferences.json;
#   4. the recovery copy: one left in %APPDATA%\fyne\com.mixplan.desktop by a
#      Mixplan that crashed is offered at the next start, restored and saved
#      to its plan; an edit writes a new copy there, saving deletes it, and
#      Ctrl+Q quits cleanly;
#   5. the Windows-only Go code's tests, cross-compiled and run under Wine.
#
# Each run has its own Wine prefix (WINEPREFIX in a temporary folder) and X
# display; WINEDEBUG=-all. Debian's Wine 8 lacks bcryptprimitives.dll, which
# Go programs load at start (Windows 10 and later have it): the prefix gets
# a stand-in built from scripts/wine/bcryptprimitives.c, never shipped.
# Screenshots, logs and the timings are left in artifacts/wine/.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LANGUAGE=en
export PATH="$PATH:$(go env GOPATH)/bin"
root=$PWD
art=$root/artifacts/wine
started=$(date +%s)

for tool in wine wineserver winepath x86_64-w64-mingw32-gcc Xvfb xdotool import convert compare pdfinfo unzip jq; do
  command -v "$tool" >/dev/null || { echo "wine-test: $tool is missing: run scripts/install-deps.sh --windows" >&2; exit 1; }
done

step() { printf '== %s\n' "$*"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

step "the Windows zip"
scripts/windows.sh
zip=$root/bin/Mixplan-windows-amd64.zip
version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)

rm -rf "$art"
mkdir -p "$art"
work=$(mktemp -d "${TMPDIR:-/tmp}/mixplan-wine.XXXXXX")
xvfb_pid="" W=""

cleanup() {
  local status=$?
  # Ends the programs of this run's prefix only.
  if [ -d "$work/prefix" ]; then WINEPREFIX=$work/prefix wineserver -k 2>/dev/null || true; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  cp "$work"/*.log "$art/" 2>/dev/null || true
  rm -rf "$work"
  if [ "$status" -ne 0 ]; then
    echo "wine-test: FAILED after $(($(date +%s) - started)) s; screenshots and logs in artifacts/wine/" >&2
  fi
  exit "$status"
}
trap cleanup EXIT

fail() {
  echo "wine-test: $*" >&2
  if [ -n "$W" ]; then import -window root "$art/failure.png" 2>/dev/null || true; fi
  exit 1
}

# --- what the Windows program is compared with, and the test binaries ---------
step "the Linux program and the Windows test binaries"
go build -tags migrated_fynedo -o "$work/mixplan-linux" .
go build -o "$work/winpe" ./scripts/winpe
linux() { "$work/mixplan-linux" "$@"; }
# The window's package is the one holding the Windows process check.
window_pkg=./$(dirname "$(git ls-files '*/process_windows.go' | head -1)")
# Built as Windows programs, with the flags of Fyne's release build
# (scripts/windows.sh), so the Windows build cache serves their packages.
(
  export GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc GOFLAGS=-trimpath
  go test -c -tags release,migrated_fynedo -o "$work/main.test.exe" .
  go test -c -tags release,migrated_fynedo -o "$work/window.test.exe" "$window_pkg"
  # The Windows-only files, which the Linux checks of scripts/test.sh skip.
  go vet -tags release,migrated_fynedo . "$window_pkg"
  staticcheck -tags release,migrated_fynedo . "$window_pkg"
) || fail "the Windows code does not build or is not vet and staticcheck clean"
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" scripts/wine/bcryptprimitives.c -ladvapi32
# MinGW's linker sets the stand-in's checksum: it checks winpe's arithmetic.
[ "$("$work/winpe" info "$work/bcryptprimitives.dll" | jq .checksumOK)" = true ] ||
  fail "winpe's PE checksum disagrees with MinGW's linker on bcryptprimitives.dll"

# --- 1. a Windows of our own --------------------------------------------------
step "start Xvfb and a fresh Wine prefix"
source scripts/lib/xvfb.sh
start_xvfb "$work/xvfb.log" || fail "no free X display between :99 and :199"
echo "   display $DISPLAY"
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono or Gecko install prompt; the window in the light theme at scale 1.
export WINEDLLOVERRIDES="mscoree,mshtml=" FYNE_THEME=light FYNE_SCALE=1
t0=$(now_ms)
wineboot --init >"$work/wineboot.log" 2>&1
wineserver -w
prefix_ms=$(($(now_ms) - t0))
echo "   prefix made in $prefix_ms ms"
c=$WINEPREFIX/drive_c
cp "$work/bcryptprimitives.dll" "$c/windows/system32/"
mkdir -p "$c/Program Files/Mixplan" "$c/users/Zoé/Mes documents"
unzip -q "$zip" -d "$c/Program Files/Mixplan"
com='C:\Program Files\Mixplan\Mixplan.com'
exe='C:\Program Files\Mixplan\Mixplan.exe'
docs='C:\Users\Zoé\Mes documents'
docs_unix="$c/users/Zoé/Mes documents"
plan="$docs\\plan été.mixplan"
plan_unix="$docs_unix/plan été.mixplan"
appdata=$(wine cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')
settings_unix=$(winepath -u "$appdata\\fyne\\com.mixplan.desktop" 2>/dev/null)
echo "   %APPDATA% is $appdata"

# mixplan ARGS…: Mixplan.com as a terminal runs it; stdout with \r removed.
mixplan() { wine "$com" "$@" | tr -d '\r'; }

# --- 2. the command line ------------------------------------------------------
step "command line: version, sample plan to C:\\Users\\Zoé\\Mes documents\\plan été.mixplan"
t_cli=$(now_ms)
[ "$(mixplan --version)" = "mixplan $version" ] || fail "Mixplan.com --version says \"$(mixplan --version)\""
got=$(wine "$exe" --version </dev/null | tr -d '\r')
[ "$got" = "mixplan $version" ] || fail "Mixplan.exe --version, redirected, says \"$got\""
mixplan sample --out "$plan" >/dev/null
linux sample --out "$work/linux.mixplan" >/dev/null
cmp -s "$plan_unix" "$work/linux.mixplan" || fail "the sample plan written on Windows differs from Linux's"

step "command line: every report the same as on Linux"
for args in "report --json" "optimize --json" "prices --json" "report" "optimize" "prices" "report --json --scenario downturn"; do
  # shellcheck disable=SC2086 # args are several words on purpose
  linux $args "$plan_unix" >"$work/linux.out" 2>"$work/linux.err" || fail "Linux: mixplan $args failed: $(head -3 "$work/linux.err")"
  # shellcheck disable=SC2086
  mixplan $args "$plan" >"$work/windows.out" 2>"$work/windows.err" || fail "mixplan $args failed: $(head -3 "$work/windows.err")"
  cmp -s "$work/linux.out" "$work/windows.out" ||
    fail "mixplan $args differs from Linux: $(diff "$work/linux.out" "$work/windows.out" | head -5)"
  echo "   mixplan $args: $(wc -c <"$work/windows.out") bytes, as on Linux"
done
linux report --json "$plan_unix" >"$work/report.json"

step "command line: paths with slashes, another drive, standard input"
zplan_unix="$work/Plans été/plan été.mixplan"
mkdir -p "$(dirname "$zplan_unix")"
cp "$plan_unix" "$zplan_unix"
zplan=$(winepath -w "$zplan_unix" 2>/dev/null)
case "$zplan" in Z:\\*) ;; *) fail "expected a Z: path for $zplan_unix, got $zplan" ;; esac
for p in 'C:/Users/Zoé/Mes documents/plan été.mixplan' "$zplan"; do
  mixplan report --json "$p" | cmp -s - "$work/report.json" || fail "mixplan report --json \"$p\" differs from Linux"
  echo "   $p"
done
wine "$com" report --json - <"$plan_unix" | tr -d '\r' | cmp -s - "$work/report.json" ||
  fail "mixplan report --json - (standard input) differs from Linux"
echo "   - (standard input)"

step "command line: export to Excel and PDF, import back"
mixplan export --xlsx "$docs\\plan été.xlsx" --pdf "$docs\\plan été.pdf" --date 2027-01-04 "$plan" >/dev/null
linux export --xlsx "$work/linux.xlsx" --pdf "$work/linux.pdf" --date 2027-01-04 "$plan_unix" >/dev/null
pages=$(pdfinfo "$docs_unix/plan été.pdf" | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -gt 1 ] || fail "the PDF written on Windows is not a valid report (pdfinfo: $(pdfinfo "$docs_unix/plan été.pdf" 2>&1 | head -2))"
cmp -s "$docs_unix/plan été.pdf" "$work/linux.pdf" || fail "the PDF written on Windows differs from Linux's"
unzip -tq "$docs_unix/plan été.xlsx" >/dev/null || fail "the workbook written on Windows is not a valid zip"
# The same parts as Linux's workbook. (Not the same bytes: the cached value
# of a sum of weights may be 1 or 0.999999999999999 from run to run, on
# Linux too, as the engine adds them in map order.)
[ "$(unzip -Z1 "$docs_unix/plan été.xlsx" | sort)" = "$(unzip -Z1 "$work/linux.xlsx" | sort)" ] ||
  fail "the workbook written on Windows does not have the parts of Linux's"
# Imported on Windows, on Linux, and Linux's own workbook on Linux: one plan,
# with the figures of the original.
mixplan import --out "$docs\\reimported.mixplan" "$docs\\plan été.xlsx" >/dev/null
linux import --out "$work/imported-on-linux.mixplan" "$docs_unix/plan été.xlsx" >/dev/null
linux import --out "$work/linux-imported.mixplan" "$work/linux.xlsx" >/dev/null
cmp -s "$docs_unix/reimported.mixplan" "$work/imported-on-linux.mixplan" &&
  cmp -s "$work/imported-on-linux.mixplan" "$work/linux-imported.mixplan" ||
  fail "the workbook imports differently on Windows and Linux"
linux report --json "$docs_unix/reimported.mixplan" | cmp -s - "$work/report.json" ||
  fail "the plan imported back from the workbook does not have the original's figures"
mixplan export --pdf "$zplan.pdf" "$zplan" >/dev/null
pdfinfo "$zplan_unix.pdf" >/dev/null 2>&1 || fail "no valid PDF written to $zplan.pdf"
echo "   PDF of $pages pages and workbook as on Linux; the workbook imports back to the plan on Windows and Linux; a PDF on Z:"

step "command line: Command Prompt runs \"mixplan\" as Mixplan.com, with exit statuses"
# Accented names come in variables: a batch file is read in the OEM code page.
printf '%s\r\n' '@echo off' \
  'set "PATH=%MIXPLAN_DIR%;%PATH%"' \
  'cd /d "%DOCS%\.."' \
  'mixplan report --json "Mes documents\%PLAN_NAME%" > "%DOCS%\report.json"' \
  'echo report=%ERRORLEVEL%' \
  'mixplan validate missing.mixplan 2> "%DOCS%\missing.txt"' \
  'echo missing=%ERRORLEVEL%' \
  'mixplan report' \
  'echo usage=%ERRORLEVEL%' \
  'Mixplan.exe validate missing.mixplan' \
  'echo exe=%ERRORLEVEL%' >"$c/mixplan-test.bat"
MIXPLAN_DIR='C:\Program Files\Mixplan' DOCS=$docs PLAN_NAME='plan été.mixplan' \
  wine cmd /c 'C:\mixplan-test.bat' >"$work/cmd.out" 2>&1 || true
statuses=$(tr -d '\r' <"$work/cmd.out" | grep -E '^(report|missing|usage|exe)=' | tr '\n' ' ')
[ "$statuses" = "report=0 missing=1 usage=2 exe=1 " ] ||
  fail "Command Prompt statuses \"$statuses\", want report=0 missing=1 usage=2 exe=1 (output: $(head -c 400 "$work/cmd.out"))"
cmp -s "$docs_unix/report.json" "$work/report.json" || fail "mixplan report --json > report.json in Command Prompt is not Linux's output byte for byte"
grep -q 'missing.mixplan' "$docs_unix/missing.txt" || fail "the refusal did not go to standard error: $(cat "$docs_unix/missing.txt")"
echo "   $statuses; \"> report.json\" byte for byte; a relative path with a backslash"
cli_ms=$(($(now_ms) - t_cli))

# --- 3. the window ------------------------------------------------------------
# mixplan_pids: the Mixplan.exe processes of this prefix (not another run's).
mixplan_pids() {
  local p
  for p in $(pgrep -f 'Mixplan\.exe' || true); do
    { tr '\0' '\n' <"/proc/$p/environ"; } 2>/dev/null | grep -qxF "WINEPREFIX=$WINEPREFIX" && echo "$p"
  done
  return 0
}
title() { xdotool getwindowname "$W" 2>/dev/null || true; }
dirty() { [[ "$(title)" == "• "* ]]; }
clean() { ! dirty; }
click() { xdotool mousemove --window "$W" "$1" "$2" click 1; sleep 0.2; }
# Keys go through XTEST to the focused window: Wine gives the focus to a
# window clicked, so key first clicks the status line (which does nothing).
key() {
  if [ "$(xdotool getwindowfocus 2>/dev/null)" != "$W" ]; then
    xdotool windowfocus "$W" 2>/dev/null || true
    click 1000 845
  fi
  xdotool key "$@"
  sleep 0.2
}
# waitfor DESCRIPTION SECONDS COMMAND…
waitfor() {
  local what=$1 secs=$2
  local end=$(($(now_ms) + secs * 1000))
  shift 2
  until "$@"; do
    [ "$(now_ms)" -lt "$end" ] || fail "timed out after $secs s waiting for $what"
    sleep 0.2
  done
}
# drawn: the window holds a picture (menus, figures), not one flat colour.
drawn() {
  local colours
  colours=$(import -window "$W" -crop 1000x360+0+0 +repage -format %k info: 2>/dev/null) && [ "${colours:-0}" -gt 200 ]
}
# window: waits for the Mixplan window, 1360×860 as it asks, and drawn.
window() {
  local end=$(($(now_ms) + 90000)) geometry=""
  W=""
  until W=$(xdotool search --onlyvisible --name 'Mixplan' 2>/dev/null | head -1) && [ -n "$W" ]; do
    [ "$(now_ms)" -lt "$end" ] || fail "no Mixplan window 90 s after launch"
    sleep 0.2
  done
  until geometry=$(xdotool getwindowgeometry "$W" 2>/dev/null | awk '/Geometry/ { print $2 }') &&
    [ "$geometry" = 1360x860 ] && drawn; do
    [ "$(now_ms)" -lt "$end" ] || fail "the window is $geometry and $(drawn && echo drawn || echo blank) 90 s after launch"
    sleep 0.2
  done
  xdotool windowfocus "$W" 2>/dev/null || true
}
# settle: waits until two screenshots 0.3 s apart are the same.
settle() {
  local end=$(($(now_ms) + 15000))
  import -window "$W" "$work/s1.png"
  while :; do
    sleep 0.3
    import -window "$W" "$work/s2.png"
    [ "$(compare -metric AE "$work/s1.png" "$work/s2.png" null: 2>&1 | awk '{ printf "%d", $1 + 0 }')" -lt 150 ] && return 0
    [ "$(now_ms)" -lt "$end" ] || fail "the window kept changing for 15 s"
    mv "$work/s2.png" "$work/s1.png"
  done
}
shot() { settle; import -window "$W" "$art/$1.png"; echo "   screenshot artifacts/wine/$1.png"; }
# quit: Ctrl+Q, then every Mixplan.exe of the prefix is gone within 15 s.
quit() {
  key ctrl+q
  local end=$(($(now_ms) + 15000)) left
  while left=$(mixplan_pids) && [ -n "$left" ]; do
    [ "$(now_ms)" -lt "$end" ] || fail "Mixplan.exe did not quit 15 s after Ctrl+Q: $(ps -o pid=,stat=,args= -p "${left//$'\n'/,}")"
    sleep 0.2
  done
  W=""
}

step "the window: Mixplan.com PLAN starts Mixplan.exe and returns"
t_gui=$(now_ms)
t0=$(now_ms)
# To a file, not a pipe: the window inherits Wine's file descriptors.
timeout 60 wine "$com" "$plan" >"$work/handoff.log" 2>&1 </dev/null || fail "Mixplan.com PLAN did not return 0 (status $?)"
handoff_ms=$(($(now_ms) - t0))
window
launch_ms=$(($(now_ms) - t0))
[ -n "$(mixplan_pids)" ] || fail "the window is not Mixplan.exe's"
[ "$(title)" = "Trail running range 2027 — Mixplan" ] || fail "unexpected title \"$(title)\""
echo "   Mixplan.com returned after $handoff_ms ms; the window was drawn after $launch_ms ms"
shot 01-window-plan-ete
import -window root "$art/01-screen.png"
jq -e --arg p "$plan" '.recentFiles[0] == $p' "$settings_unix/preferences.json" >/dev/null ||
  fail "the plan is not the first recent file in %APPDATA%: $(cat "$settings_unix/preferences.json")"
echo "   %APPDATA%\\fyne\\com.mixplan.desktop\\preferences.json lists $(jq -r '.recentFiles[0]' "$settings_unix/preferences.json")"
quit

# --- 4. the recovery copy -----------------------------------------------------
step "the recovery copy in %APPDATA%: offered, restored, saved; an edit copied"
spend() { jq '.promotions[] | select(.id == "search") | .spend' "$1"; }
jq '(.promotions[] | select(.id == "search") | .spend) = 150000' "$plan_unix" >"$settings_unix/recovery.mixplan"
# Left by a Mixplan (pid 999999, no process here) that crashed.
jq -n --arg p "$plan" '{path: $p, name: "Trail running range 2027", saved: "2027-01-04T09:30:00Z", pid: 999999}' \
  >"$settings_unix/recovery.json"
wine "$exe" >"$work/window.log" 2>&1 </dev/null &
window
sleep 1
shot 02-recovery-offer
# The offer darkens the window and shows its dialog in the middle.
[ "$(compare -metric AE "$art/01-window-plan-ete.png" "$art/02-recovery-offer.png" null: 2>&1 | awk '{ printf "%d", $1 + 0 }')" -gt 100000 ] ||
  fail "no offer to restore the recovery copy (see 02-recovery-offer.png)"
click 729 505 # Restore, in the middle of the window
waitfor "the restored changes to mark the plan unsaved" 10 dirty
key ctrl+s
waitfor "Ctrl+S to save the restored plan" 10 clean
[ "$(spend "$plan_unix")" = 150000 ] || fail "the saved plan does not hold the restored spend ($(spend "$plan_unix"))"
waitfor "saving to delete the recovery copy" 10 test ! -e "$settings_unix/recovery.json"
echo "   restored and saved to $plan; the copy deleted"

click 60 249 # Promotion
sleep 1
click 670 309 # Search ads' spend
key ctrl+a
xdotool type --delay 20 120000
key Return
waitfor "the edit to mark the plan unsaved" 10 dirty
t0=$(now_ms)
waitfor "a recovery copy of the edit (every 30 s)" 60 test -s "$settings_unix/recovery.json"
[ "$(spend "$settings_unix/recovery.mixplan")" = 120000 ] || fail "the recovery copy does not hold the edit"
[ "$(jq -r .path "$settings_unix/recovery.json")" = "$plan" ] || fail "the recovery copy names $(jq -r .path "$settings_unix/recovery.json")"
echo "   the edit was copied to $appdata\\fyne\\com.mixplan.desktop\\recovery.mixplan after $(($(now_ms) - t0)) ms"
shot 03-edited
key ctrl+s
waitfor "Ctrl+S to save the edit" 10 clean
waitfor "saving to delete the recovery copy" 10 test ! -e "$settings_unix/recovery.json"
[ "$(spend "$plan_unix")" = 120000 ] || fail "the saved plan does not hold the edit"
quit
gui_ms=$(($(now_ms) - t_gui))

# --- 5. the Windows-only code's tests -----------------------------------------
step "Go tests of the Windows code, under Wine"
(cd "$root" && wine "$work/main.test.exe" -test.v >"$work/main-tests.log" 2>&1) ||
  fail "the main package's tests failed under Wine: $(grep -E -- '--- FAIL|FAIL|panic' "$work/main-tests.log" | head -5)"
(cd "$root/$window_pkg" && wine "$work/window.test.exe" -test.v \
  -test.run '^(TestProcessRunning|TestProcessRunningWindows|TestRecentFilesWindowsPaths)$' >"$work/window-tests.log" 2>&1) ||
  fail "the window's Windows tests failed under Wine: $(grep -E -- '--- FAIL|FAIL|panic' "$work/window-tests.log" | head -5)"
echo "   $(grep -c -- '^--- PASS' "$work/main-tests.log") tests of main, $(grep -c -- '^--- PASS' "$work/window-tests.log") of $window_pkg passed"

if grep -qiE 'panic|fatal error' "$work"/window.log "$work"/handoff.log; then
  fail "the window logged a panic: $(grep -ihE -m3 'panic|fatal error' "$work"/window.log "$work"/handoff.log)"
fi
total=$(($(date +%s) - started))
{
  echo "Wine prefix made in $prefix_ms ms"
  echo "command-line checks: $cli_ms ms; window and recovery checks: $gui_ms ms"
  echo "Mixplan.com PLAN returned in $handoff_ms ms; the window was drawn $launch_ms ms after launch"
  echo "zip: $(stat -c %s "$zip") bytes"
  echo "Wine tests: $total s"
} | tee "$art/figures.txt"
echo "wine-test: passed"
