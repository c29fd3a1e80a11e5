#!/bin/sh
# check-deps.sh — tools/check-deps.sh on the real tree (exit 0, no error),
# then on a copy of the tree's sources in a temporary folder with backward
# includes planted (exit 1, each reported as FILE:LINE: error: ..., all of
# them in one run):
#   - generator/base/arena.h, line 1: #include "../layout/engine.h"
#   - generator/layout/flow.c, line 1: #include "../model/plan.h"
#   - layouts/theme.c, line 1: a devices/ header other than device.h
#   - a new folder, generator/newstage/, that the table does not list.
set -u
here=$(dirname "$0")
script=$here/../tools/check-deps.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 total=0
ok() { total=$((total + 1)); }
fail() { total=$((total + 1)); echo "FAIL: $*"; fails=$((fails + 1)); return 1; }
check() { if eval "$2"; then ok; else fail "$1"; fi; }

sh "$script" "$here/.." >"$tmp/out" 2>&1
check "the real tree: exit 0" '[ $? = 0 ]'
check "the real tree: no error" '! grep -q "error:" "$tmp/out"' || cat "$tmp/out"

# The copy: the .c, .h and .S files of generator/ and layouts/.
src=$tmp/src
(cd "$here/.." && find generator layouts -type f \
	\( -name '*.c' -o -name '*.h' -o -name '*.S' \)) >"$tmp/list"
while IFS= read -r f; do
	mkdir -p "$src/$(dirname "$f")" && cp "$here/../$f" "$src/$f"
done <"$tmp/list"
plant() { { echo "$2"; cat "$src/$1"; } >"$tmp/x" && mv "$tmp/x" "$src/$1"; }

sh "$script" "$src" >"$tmp/out" 2>&1
check "the copy, before planting: exit 0" '[ $? = 0 ]'

plant generator/base/arena.h '#include "../layout/engine.h"'
plant generator/layout/flow.c '#include "../model/plan.h"'
plant layouts/theme.c '#include "../generator/devices/paint.h"'
mkdir "$src/generator/newstage"
echo '#include "../base/arena.h"' >"$src/generator/newstage/stage.c"

sh "$script" "$src" >"$tmp/out" 2>&1
check "planted includes: exit 1" '[ $? = 1 ]'
has() { want=$1; check "reported: $1" 'grep -qxF "$want" "$tmp/out"'; }
has 'generator/base/arena.h:1: error: generator/base/ may not include generator/layout/engine.h'
has 'generator/layout/flow.c:1: error: generator/layout/ may not include generator/model/plan.h'
has 'layouts/theme.c:1: error: layouts/ may not include generator/devices/paint.h'
has 'generator/newstage/stage.c:1: error: generator/newstage/ is not in the table of tools/check-deps.sh'
check "nothing else reported" '[ "$(grep -c "error:" "$tmp/out")" = 4 ]' || cat "$tmp/out"

echo "check-deps.sh: $((total - fails))/$total passed"
[ $fails = 0 ]
