#!/bin/sh
# make-seeds.sh DIR — fills DIR with the seed corpus of both harnesses:
# input/plan-2019.xml, tests/valid/*.xml, tests/bad/*.xml, and the 2019
# plan cut into complete plans of one POA each (the whole file is larger
# than the fuzzer's -max_len=65536 and would be truncated), with all its
# narrative and again without the paragraphs and lists (the headings and
# placements stay): the pipeline lays those out several times faster.
# Run from the project root; the corpus is built, never committed.
set -eu
dir=${1:?usage: tests/fuzz/make-seeds.sh DIR}
mkdir -p "$dir"
cp input/plan-2019.xml "$dir/plan-2019.xml"
for f in tests/valid/*.xml; do cp "$f" "$dir/valid-${f##*/}"; done
for f in tests/bad/*.xml; do cp "$f" "$dir/bad-${f##*/}"; done
# Everything before the first <poa, then each <poa ...>...</poa>, then </plan>.
awk -v dir="$dir" '
	!started && /<poa / { started = 1 }
	!started { head = head $0 "\n" }
	!started && /<lista/ { inlist = 1 }
	!started && !inlist && !/^ *<p>.*<\/p> *$/ { short = short $0 "\n" }
	!started && /<\/lista>/ { inlist = 0 }
	!started { next }
	/<poa / { n++; poa = "" }
	{ poa = poa $0 "\n" }
	/<\/poa>/ {
		f = sprintf("%s/plan-2019-poa%02d.xml", dir, n)
		printf "%s%s</plan>\n", head, poa > f
		close(f)
		f = sprintf("%s/plan-2019-short-poa%02d.xml", dir, n)
		printf "%s%s</plan>\n", short, poa > f
		close(f)
	}
' input/plan-2019.xml
ls "$dir" | wc -l
