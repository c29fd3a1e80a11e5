#!/bin/sh
# check-deps.sh — the stages' #include "..." lines point one way
# (../shared/DESIGN.md: "Pipeline visible in folders; dependencies one
# way").  Each folder of generator/ names the folders it may include;
# a header of its own folder is always allowed.  The top-level files
# (main.c, pipeline.c) join the stages and may include anything.  The
# Makefile adds the check that no device's headers reach Pango.
set -u
cd "$(dirname "$0")/.."
fails=0
may() { # folder, the other folders it may include
	dir=$1
	shift
	for f in generator/$dir/*.[chS]; do
		[ -e "$f" ] || continue
		for inc in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
			case $inc in
			../*/*) top=${inc#../}; top=${top%%/*} ;;
			*/*) top=? ;;
			*) continue ;;
			esac
			ok=0
			for a in "$@"; do [ "$top" = "$a" ] && ok=1; done
			if [ $ok = 0 ]; then
				echo "check-deps: $f includes $inc ($dir/ may include: $*)"
				fails=$((fails + 1))
			fi
		done
	done
}
may base
may model base
may input base model
may display base
may layout base display model
may devices base display
may finish base
# Pango is the layout's: display/record.h is included by layout/ only.
for f in $(grep -l '#include "[^"]*record\.h"' generator/*/*.[ch]); do
	case $f in
	generator/display/record.c | generator/layout/*) ;;
	*) echo "check-deps: $f includes display/record.h (Pango): only layout/ may"
	   fails=$((fails + 1)) ;;
	esac
done
[ $fails = 0 ]
