#!/usr/bin/env bash
# One command from a fresh clone: installs what is missing, builds Mixplan
# and its Linux desktop package, and opens it on the sample plan (or on the
# plan given as argument). A second run only checks and opens. With
# --windows it also builds the Windows zip, bin/Mixplan-windows-amd64.zip.
#
#   scripts/setup.sh [--windows] [PLAN]
set -euo pipefail
cd "$(dirname "$0")/.."
windows=""
if [ "${1:-}" = --windows ]; then
  windows=--windows
  shift
fi
# Fyne cannot parse the C locale: keep the user's language, fix only that
# (LANGUAGE too, which Fyne reads when LANG is C.UTF-8).
case "${LANG:-C}" in
  C | POSIX) export LANG=C.UTF-8 ;;
esac
case "$LANG" in
  C.* | POSIX.*) export LANGUAGE="${LANGUAGE:-en}" ;;
esac

scripts/install-deps.sh ${windows:+--windows}
echo "Building Mixplan (the first build of the GUI toolkit takes about 4 minutes)…"
mkdir -p bin
go build -tags migrated_fynedo -o bin/mixplan .
echo "Built bin/mixplan"
scripts/package.sh
if [ -n "$windows" ]; then
  scripts/windows.sh
fi

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display here, so here is the sample plan's report instead of the window:"
  echo
  bin/mixplan sample --out /tmp/mixplan-sample.mixplan >/dev/null
  bin/mixplan report /tmp/mixplan-sample.mixplan
  exit 0
fi
exec bin/mixplan "$@"
