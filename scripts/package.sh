#!/usr/bin/env bash
# Builds Mixplan's Linux desktop package, bin/Mixplan.tar.xz, with Fyne's
# packaging tool from bin/mixplan (built with -tags migrated_fynedo), and
# checks it: the program, its .desktop entry, its icon and a Makefile
# (`sudo make install`, or `make user-install` into ~/.local), and that the
# packaged program answers --version with FyneApp.toml's version.
# Does nothing but the check when the program, FyneApp.toml and the icon are
# those of the last package.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
root=$PWD
out=bin/Mixplan.tar.xz
stamp=bin/Mixplan.tar.xz.sha256

fail() { echo "package: $*" >&2; exit 1; }

if [ ! -x bin/mixplan ]; then
  mkdir -p bin
  go build -tags migrated_fynedo -o bin/mixplan .
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sum=$(cat bin/mixplan FyneApp.toml assets/icon.png | sha256sum | cut -d' ' -f1)
if [ -s "$out" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ]; then
  echo "$out is up to date"
else
  echo "Packaging $out (compressing takes about half a minute)…"
  # fyne package rewrites the FyneApp.toml it reads (it counts builds up):
  # it gets a copy, so packaging never changes the checkout.
  mkdir -p "$tmp/src/assets"
  cp FyneApp.toml "$tmp/src/"
  cp assets/icon.png "$tmp/src/assets/"
  (cd "$tmp/src" && go run fyne.io/fyne/v2/cmd/fyne@v2.7.1 package -os linux --exe "$root/bin/mixplan") 2>&1 |
    { grep -v -e 'deprecated' -e 'new tool' -e 'go install fyne.io/tools' || true; }
  mv "$tmp/src/Mixplan.tar.xz" "$out"
  echo "$sum" >"$stamp"
fi

contents=$(tar tJf "$out")
for f in mixplan/Makefile mixplan/usr/local/bin/mixplan \
  mixplan/usr/local/share/applications/Mixplan.desktop mixplan/usr/local/share/pixmaps/Mixplan.png; do
  grep -qxF "$f" <<<"$contents" || fail "$out lacks $f"
done
tar xJf "$out" -C "$tmp" mixplan/usr/local/bin/mixplan mixplan/usr/local/share/applications/Mixplan.desktop
desktop=$tmp/mixplan/usr/local/share/applications/Mixplan.desktop
for line in Type=Application Name=Mixplan Exec=mixplan Icon=Mixplan; do
  grep -qxF "$line" "$desktop" || fail "the .desktop entry lacks $line"
done
want="mixplan $(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)"
got=$(LANGUAGE=en "$tmp/mixplan/usr/local/bin/mixplan" --version)
[ "$got" = "$want" ] || fail "the packaged program says \"$got\", FyneApp.toml \"$want\""
echo "$out: $(du -h "$out" | cut -f1), $got, $(grep -c . <<<"$contents") entries, .desktop entry and icon"
