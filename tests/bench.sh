#!/bin/sh
# bench.sh PLANGEN — prints the speed figures (not a test: machines here
# are shared and noisy, so it reports, it does not judge).
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
