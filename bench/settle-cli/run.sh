#!/bin/sh
# Times `pacta settle` on a generated CSV ledger and reports its peak
# memory (see BENCHMARKS.md). Run from the repository's root:
#
#	bench/settle-cli/run.sh [ROWS [BAD_PERCENT [RUNS [FORMAT [JOBS]]]]]
#
# ROWS defaults to 1000000, BAD_PERCENT (rows that are breaches) to 0,
# RUNS to 6, FORMAT (text or json) to text, JOBS (--jobs) to 1. Prints
# each run's wall time, ns per row, CPU time (user + system) and peak
# resident set (from /usr/bin/time -v), then the medians.
set -eu
rows=${1:-1000000}
bad=${2:-0}
runs=${3:-6}
format=${4:-text}
jobs=${5:-1}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/pacta" ./cmd/pacta
awk -v n="$rows" -v bad="$bad" -f bench/settle-cli/gen.awk >"$dir/ledger.csv"
echo "rows=$rows bad=$bad% format=$format jobs=$jobs ledger=$(wc -c <"$dir/ledger.csv") bytes"
i=0
while [ "$i" -lt "$runs" ]; do
	/usr/bin/time -v -o "$dir/time.txt" nice "$dir/pacta" settle bench/settle-cli/deal.pacta \
		--ledger "$dir/ledger.csv" --from 2020-01-01 --to 2023-12-31 --format "$format" --jobs "$jobs" >"$dir/out.txt"
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + t[k]; print s }' "$dir/time.txt")
	rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time.txt")
	cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$dir/time.txt")
	echo "$wall $rss $cpu" >>"$dir/runs.txt"
	awk -v w="$wall" -v r="$rss" -v c="$cpu" -v n="$rows" 'BEGIN { printf "run: %.2f s, %.0f ns/row, CPU %.2f s, peak RSS %.1f MiB\n", w, w * 1e9 / n, c, r / 1024 }'
	i=$((i + 1))
done
sort -n "$dir/runs.txt" | awk -v n="$rows" '{ w[NR] = $1 } END { m = (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2; printf "median: %.2f s, %.0f ns/row\n", m, m * 1e9 / n }'
sort -n -k2 "$dir/runs.txt" | awk '{ r[NR] = $2 } END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "median peak RSS: %.1f MiB\n", m / 1024 }'
sort -n -k3 "$dir/runs.txt" | awk '{ c[NR] = $3 } END { m = (NR % 2) ? c[(NR + 1) / 2] : (c[NR / 2] + c[NR / 2 + 1]) / 2; printf "median CPU time: %.2f s\n", m }'
sha256sum "$dir/out.txt" | awk '{ print "output sha256: " $1 }'
