#!/bin/sh
# bench.sh PLANGEN — prints the speed and memory figures (not a test:
# machines here are shared and noisy, so it reports, it does not judge).
#   read+validate: plangen --check on input/plan-2019.xml, whole process,
#   median and best of 40 runs (target: under 20 ms).
set -u
P=${1:-./plangen}
runs=40
times=""
i=0
while [ $i -lt $runs ]; do
	t0=$(date +%s%N)
	"$P" --check input/plan-2019.xml || exit 1
	t1=$(date +%s%N)
	times="$times $(( (t1 - t0) / 1000 ))"
	i=$((i + 1))
done
echo "$times" | tr ' ' '\n' | grep . | sort -n | awk -v n=$runs '
	{ v[NR] = $1 }
	END { printf "read+validate plan-2019.xml (%d KB, whole process): median %.1f ms, best %.1f ms over %d runs (target < 20 ms)\n",
		size / 1024, v[int((NR + 1) / 2)] / 1000, v[1] / 1000, n }' size=$(wc -c <input/plan-2019.xml)
if command -v /usr/bin/time >/dev/null 2>&1; then
	/usr/bin/time -f "peak memory of one --check: %M KB" "$P" --check input/plan-2019.xml
fi

# A 50 MB plan (the 2019 POAs copied, tests/make-big-plan.pl): peak memory
# (RSS) and time of --check, of a render into the trace and of one to PDF.
# The trace shows the layout's own memory; what the PDF adds on top of it
# grows with the page count (the PDF is assembled in memory).
if command -v /usr/bin/time >/dev/null 2>&1 && command -v perl >/dev/null 2>&1; then
	big=$(mktemp -d)
	perl tests/make-big-plan.pl 50 >"$big/plan.xml"
	printf '50 MB plan (%d KB of XML, %d POAs):\n' $(($(wc -c <"$big/plan.xml") / 1024)) \
		"$(grep -c '<poa ' "$big/plan.xml")"
	for what in --check trace pdf; do
		case $what in
		--check) set -- --check ;;
		trace) set -- -f trace -o /dev/null ;;
		pdf) set -- -o "$big/plan.pdf" ;;
		esac
		/usr/bin/time -o "$big/time" -f "%M %e %U" "$P" "$@" "$big/plan.xml" ||
			echo "  $what: failed"
		read kb wall cpu <"$big/time"
		printf '  %-8s peak memory %4d MB, %6.1f s (%.1f s CPU)\n' "$what" \
			$((kb / 1024)) "$wall" "$cpu"
	done
	command -v pdfinfo >/dev/null 2>&1 && [ -f "$big/plan.pdf" ] &&
		printf '  the PDF: %s pages, %d MB\n' "$(pdfinfo "$big/plan.pdf" | awk '/^Pages:/ { print $2 }')" \
			$(($(wc -c <"$big/plan.pdf") / 1048576))
	rm -rf "$big"
fi
