#!/bin/sh
# coverage.sh FONT... — prints generator/base/coverage.c for the build:
# the characters the fonts plangen draws with can print, as a sorted
# table of ranges (the union of the fonts' character maps, read by
# fontconfig's fc-query), and their family names.  The reader warns, at
# its place, of a character outside it: it would print as a box.
set -eu
names=""
for f in "$@"; do
	fam=$(fc-query --format '%{family[0]}\n' "$f" | head -1)
	case " $names " in *"|$fam|"*) ;; *) names="$names|$fam|" ;; esac
done
printf '/* coverage.c — made by tools/coverage.sh from %s; do not edit. */\n' "$*"
printf '#include "base/coverage.h"\n#include <stddef.h>\n\n'
printf 'const char pg_font_families[] = "%s";\n\n' \
	"$(printf '%s' "$names" | sed 's/||/, /g; s/^|//; s/|$//')"
printf 'static const unsigned long ranges[][2] = {\n'
for f in "$@"; do
	fc-query --format '%{charset}\n' "$f"
done | perl -ne '
	# ranges "lo-hi" or "c" in hex, merged (perl-base has no modules to
	# need; mawk has no hex numbers)
	push @r, map { my ($l, $h) = split /-/; [hex $l, hex($h // $l)] } split;
	END {
		my @m;
		for (sort { $a->[0] <=> $b->[0] } @r) {
			if (@m && $_->[0] <= $m[-1][1] + 1) { $m[-1][1] = $_->[1] if $_->[1] > $m[-1][1] }
			else { push @m, [@$_] }
		}
		printf "\t{ 0x%x, 0x%x },\n", @$_ for @m;
	}'
printf '};\n\n'
cat <<'C'
int pg_font_covers(unsigned long c)
{
	size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < ranges[mid][0])
			hi = mid;
		else if (c > ranges[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}
C
