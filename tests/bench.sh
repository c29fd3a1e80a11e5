#!/bin/sh
# bench.sh PLANGEN — prints the speed and memory figures (not a test:
# machines here are shared and noisy, so it reports, it does not judge).
#   read+validate: plangen --check on input/plan-2019.xml, whole process,
#   median and best of 40 runs (target: under 20 ms);
#   signing: what two signatures add to a PDF render (target: 50 ms);
#   a 50 MB plan: peak memory and time of --check, trace and PDF;
#   the booklets (progress reports, <avance>): the fourth quarter's of the
#   2019 plan (input/avance-2019-T4.xml) and one of a generated plan of
#   about 2,000 pages (tests/make-big-plan.pl 7, tests/make-big-avance.pl):
#   peak memory and time of --check, trace and PDF, with the plan's own.
#   large images: the 2019 plan with a 6000² PNG and a 6000×4000 JPEG in
#   every footer, peak memory and time.
set -u
P=${1:-./plangen}
# Peak memory is GNU time's (make bench installs it: tools/deps.sh bench);
# without it the memory figures and the large plans would be left out.
for t in /usr/bin/time perl; do
	command -v $t >/dev/null 2>&1 ||
		{ echo "bench.sh: $t is missing (as root: tools/deps.sh bench)" >&2; exit 1; }
done

# measure WORK LABEL FILE: peak memory (RSS) and time of --check, of a
# render into the trace and of one to PDF (WORK/out.pdf), whole process,
# one run each, under LABEL; a run that fails says how, and the next
# runs; then the PDF's pages.
measure() {
	w=$1 label=$2 file=$3
	echo "$label"
	for what in --check trace pdf; do
		case $what in
		--check) set -- --check ;;
		trace) set -- -f trace -o /dev/null ;;
		pdf) set -- -o "$w/out.pdf" ;;
		esac
		rm -f "$w/out.pdf"
		/usr/bin/time -o "$w/time" -f "%M %e %U" "$P" -q "$@" "$file" 2>"$w/err"
		st=$?
		if grep -q 'terminated by signal' "$w/time"; then
			printf '  %-8s FAILED: %s\n' "$what" "$(grep -o 'terminated by signal.*' "$w/time")"
			continue
		elif [ $st != 0 ]; then
			printf '  %-8s FAILED: exit %d: %s\n' "$what" $st "$(head -1 "$w/err")"
			continue
		fi
		read kb wall cpu <"$w/time"
		printf '  %-8s peak memory %4d MB, %6.2f s (%.2f s CPU)\n' "$what" \
			$((kb / 1024)) "$wall" "$cpu"
	done
	command -v pdfinfo >/dev/null 2>&1 && [ -f "$w/out.pdf" ] &&
		printf '  the PDF: %s pages, %d MB\n' "$(pdfinfo "$w/out.pdf" | awk '/^Pages:/ { print $2 }')" \
			$(($(wc -c <"$w/out.pdf") / 1048576))
	rm -f "$w/out.pdf" "$w/time" "$w/err"
	return 0
}
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

# The same for the fourth quarter's progress report on that plan: its
# --check reads the plan and the three reports before it (anterior).
times=""
i=0
while [ $i -lt $runs ]; do
	t0=$(date +%s%N)
	"$P" --check input/avance-2019-T4.xml || exit 1
	t1=$(date +%s%N)
	times="$times $(( (t1 - t0) / 1000 ))"
	i=$((i + 1))
done
echo "$times" | tr ' ' '\n' | grep . | sort -n | awk -v n=$runs '
	{ v[NR] = $1 }
	END { printf "read+validate avance-2019-T4.xml (%d KB, with its plan and 3 earlier reports, whole process): median %.1f ms, best %.1f ms over %d runs\n",
		size / 1024, v[int((NR + 1) / 2)] / 1000, v[1] / 1000, n }' size=$(wc -c <input/avance-2019-T4.xml)

# Signing: the whole render of the built-in plan to PDF, without and with
# two signatures (keys made now with openssl), alternated, 11 runs each;
# the difference of the best runs is what signing adds (target < 50 ms):
# on a shared machine the best run is the least disturbed one.
if command -v openssl >/dev/null 2>&1; then
	k=$(mktemp -d)
	echo bench >"$k/pass"
	for n in a b; do
		openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$n" \
			-keyout "$k/$n.key" -out "$k/$n.crt" 2>/dev/null
		openssl pkcs12 -export -inkey "$k/$n.key" -in "$k/$n.crt" \
			-passout "file:$k/pass" -out "$k/$n.p12"
	done
	plain="" signed=""
	i=0
	while [ $i -lt 11 ]; do
		t0=$(date +%s%N)
		"$P" --example -o "$k/plain.pdf" || exit 1
		t1=$(date +%s%N)
		"$P" --example -o "$k/signed.pdf" --sign "$k/a.p12" --sign "$k/b.p12" \
			--sign-pass-file "$k/pass" || exit 1
		t2=$(date +%s%N)
		plain="$plain $(( (t1 - t0) / 1000 ))"
		signed="$signed $(( (t2 - t1) / 1000 ))"
		i=$((i + 1))
	done
	stats() { echo "$1" | tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[1] }'; }
	set -- $(stats "$plain") $(stats "$signed")
	awk -v am="$1" -v ab="$2" -v bm="$3" -v bb="$4" 'BEGIN {
		printf "render plan-2019.xml to PDF, whole process: best %.0f ms (median %.0f); with two signatures best %.0f ms (median %.0f): signing adds %.1f ms (target < 50 ms)\n",
			ab / 1000, am / 1000, bb / 1000, bm / 1000, (bb - ab) / 1000 }'
	rm -rf "$k"
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

# The booklets: the fourth quarter's of the 2019 plan, then of a plan of
# about 2,000 pages (tests/make-big-plan.pl 7: the 2019 POAs copied, 7 MB)
# with a report on every one of its activities (tests/make-big-avance.pl),
# after the plan itself.
if command -v /usr/bin/time >/dev/null 2>&1 && command -v perl >/dev/null 2>&1; then
	big=$(mktemp -d)
	measure "$big" "avance-2019-T4.xml booklet ($(($(wc -c <input/avance-2019-T4.xml) / 1024)) KB of XML, on plan-2019.xml):" \
		input/avance-2019-T4.xml
	perl tests/make-big-plan.pl 7 >"$big/plan.xml"
	perl tests/make-big-avance.pl "$big/plan.xml" >"$big/avance.xml"
	measure "$big" "$(printf '7 MB plan (%d KB of XML, %d POAs, %d activities):' \
		$(($(wc -c <"$big/plan.xml") / 1024)) "$(grep -c '<poa ' "$big/plan.xml")" \
		"$(grep -c '<actividad ' "$big/plan.xml")")" "$big/plan.xml"
	measure "$big" "$(printf 'its T4 booklet (%d KB of XML, every activity reported):' \
		$(($(wc -c <"$big/avance.xml") / 1024)))" "$big/avance.xml"
	rm -rf "$big"
fi

# Large images: the 2019 plan with a 6000×6000 PNG signature and a
# 6000×4000 JPEG seal in the footer of every page (each decoded once and
# kept at 3,300 pixels on its longer side; before, 37 s and 600 MB).
if command -v /usr/bin/time >/dev/null 2>&1 && command -v perl >/dev/null 2>&1; then
	big=$(mktemp -d)
	perl tests/make-png.pl 6000 6000 "$big/firma.png"
	gzip -dc tests/valid/img/sello-grande.jpg.gz >"$big/sello.jpg"
	cp input/plan.dtd "$big/"
	sed 's|<firmante id="secretario" cargo="SECRETARÍA DE COAMSS"/>|<firmante id="secretario" cargo="SECRETARÍA DE COAMSS" firma="firma.png" sello="sello.jpg"/>|' \
		input/plan-2019.xml >"$big/plan.xml"
	measure "$big" "plan-2019.xml with a 6000×6000 PNG and a 6000×4000 JPEG in every footer:" "$big/plan.xml"
	rm -rf "$big"
fi
