#!/usr/bin/env bash
# Runs every test of Mixplan: formatting and static checks, the unit, golden,
# fuzz-corpus and example tests of every package (with the race detector),
# the LibreOffice recalculation and PDF rendering checks, the end-to-end
# run of the desktop window under Xvfb, and the Windows build tested under
# Wine. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
# Fyne reads the language from LANGUAGE first; without it, it parses "C" out
# of C.UTF-8 and logs an error at every start.
export LANGUAGE=en
export PATH="$PATH:$(go env GOPATH)/bin"

scripts/install-deps.sh --windows

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
echo "== go vet"
go vet -tags migrated_fynedo ./...
echo "== staticcheck"
staticcheck -tags migrated_fynedo ./...
echo "== go test"
go test -tags migrated_fynedo -race -timeout 40m ./...
if [ -x scripts/e2e.sh ]; then
  echo "== end-to-end under Xvfb"
  scripts/e2e.sh
fi
echo "== the Windows build under Wine"
scripts/wine-test.sh
echo "All tests passed."
