#!/bin/sh
# check-deps.sh [ROOT] — which folder may include which (make check-deps).
#
# Every #include "..." (quoted: plangen's own headers; <...> is not
# checked) in every .c, .h and .S under ROOT/generator, ROOT/layouts and
# ROOT/tests (ROOT: the current folder by default) is resolved against the
# including file's folder and checked against the table below.  Each
# violation is reported as `FILE:LINE: error: FOLDER/ may not include
# TARGET`, all of them in one run, and the exit status is 1; a clean tree
# is silent, exit 0.  A file in a folder the table does not list is an
# error too: a new folder needs its own line.
#
# RULES: one line per folder: the folder of the including file, then what
# it may include.  Paths are from the top of the tree.
#   dir/       the files directly in dir (not in its subfolders)
#   dir/**     everything under dir, at any depth
#   dir/f.h    that one file
#   *          anything
# A line that starts with blanks continues the folder above it.  A file's
# own folder is not implied: list it.
RULES='
# FOLDER              MAY INCLUDE FROM
generator/base/       generator/base/
generator/model/      generator/base/ generator/model/
generator/input/      generator/base/ generator/model/ generator/input/
generator/display/    generator/base/ generator/display/
generator/layout/     generator/base/ generator/display/ generator/layout/
                      generator/model/text.h
generator/devices/    generator/base/ generator/display/ generator/devices/
generator/finish/     generator/base/ generator/finish/
generator/data/       generator/base/ generator/model/ generator/data/
layouts/              layouts/ generator/base/ generator/model/
                      generator/layout/ generator/display/
                      generator/devices/device.h
generator/            *
tests/**              *
'
# KNOWN, to remove: violations in today's tree, accepted with a note until
# they are fixed.  One line each: the including file, the included file
# (resolved, from the top of the tree).  Delete the line with the fix.
KNOWN='
'

set -u
root=${1:-.}
cd "$root" || exit 2
dirs=""
for d in generator layouts tests; do
	[ -d "$d" ] && dirs="$dirs $d"
done
[ -n "$dirs" ] || { echo "check-deps: no generator/, layouts/ or tests/ in $root" >&2; exit 2; }

export RULES KNOWN
# shellcheck disable=SC2086
find $dirs -type f \( -name '*.c' -o -name '*.h' -o -name '*.S' \) |
LC_ALL=C sort | LC_ALL=C awk '
function dirof(p) { return match(p, /\/[^\/]*$/) ? substr(p, 1, RSTART) : "" }

# p with "." and ".." taken out; a ".." above the top is kept.
function normal(p,    n, i, part, out, k) {
	n = split(p, part, "/")
	k = 0
	for (i = 1; i <= n; i++) {
		if (part[i] == "" || part[i] == ".")
			continue
		if (part[i] == ".." && k > 0 && out[k] != "..")
			k--
		else
			out[++k] = part[i]
	}
	p = ""
	for (i = 1; i <= k; i++)
		p = p (i > 1 ? "/" : "") out[i]
	return p
}

function prefix(s, pre) { return substr(s, 1, length(pre)) == pre }

# The table key whose folder holds file f: an exact folder, else the
# longest dir/** above it; "" when none.
function folder(f,    d, key, best, pre) {
	d = dirof(f)
	if (d in allow)
		return d
	best = ""
	for (key in allow)
		if (key ~ /\/\*\*$/) {
			pre = substr(key, 1, length(key) - 2)
			if (prefix(d, pre) && length(key) > length(best))
				best = key
		}
	return best
}

function allowed(key, t,    n, i, e, pre) {
	n = split(allow[key], e, " ")
	for (i = 1; i <= n; i++) {
		if (e[i] == "*" || e[i] == t)
			return 1
		if (e[i] ~ /\/\*\*$/) {
			pre = substr(e[i], 1, length(e[i]) - 2)
			if (prefix(t, pre))
				return 1
		} else if (e[i] ~ /\/$/ && dirof(t) == e[i])
			return 1
	}
	return 0
}

BEGIN {
	n = split(ENVIRON["RULES"], line, "\n")
	key = ""
	for (i = 1; i <= n; i++) {
		if (line[i] ~ /^[ \t]*(#|$)/)
			continue
		m = split(line[i], w, " ")
		first = 1
		if (line[i] !~ /^[ \t]/) {
			key = w[1]
			allow[key] = ""
			first = 2
		}
		for (j = first; j <= m; j++)
			allow[key] = allow[key] " " w[j]
	}
	n = split(ENVIRON["KNOWN"], line, "\n")
	for (i = 1; i <= n; i++)
		if (line[i] !~ /^[ \t]*#/ && split(line[i], w, " ") == 2)
			known[w[1] " " w[2]] = 0
	bad = 0
}

{
	f = $0
	key = folder(f)
	if (key == "") {
		printf "%s:1: error: %s is not in the table of tools/check-deps.sh\n", f, dirof(f) > "/dev/stderr"
		bad++
		next
	}
	ln = 0
	while ((getline s < f) > 0) {
		ln++
		if (s !~ /^[ \t]*#[ \t]*include[ \t]*"/)
			continue
		sub(/^[^"]*"/, "", s)
		sub(/".*/, "", s)
		t = normal(dirof(f) s)
		if (allowed(key, t))
			continue
		if ((f " " t) in known) {
			known[f " " t]++
			printf "%s:%d: note: KNOWN, to remove: %s may not include %s\n", f, ln, key, t > "/dev/stderr"
			continue
		}
		printf "%s:%d: error: %s may not include %s\n", f, ln, key, t > "/dev/stderr"
		bad++
	}
	close(f)
}

END {
	for (k in known)
		if (known[k] == 0) {
			split(k, w, " ")
			printf "tools/check-deps.sh: note: KNOWN %s including %s is gone: delete its line\n", w[1], w[2] > "/dev/stderr"
		}
	exit (bad > 0)
}'
