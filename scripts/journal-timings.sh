#!/bin/sh
# Time `heard journal stats` end to end and its peak RSS on synthetic journals.
# usage: scripts/journal-timings.sh [HEARD_BINARY] [SIZES...]
# Journals are generated once into ${HEARD_PERF_DIR:-/tmp/heard-perf}/N/journal.json.
set -eu
heard=${1:-target/release/heard}
[ $# -gt 0 ] && shift
sizes=${*:-100 1000 10000 100000}
dir=${HEARD_PERF_DIR:-/tmp/heard-perf}
runs=${RUNS:-7}
for n in $sizes; do
    mkdir -p "$dir/$n"
    [ -f "$dir/$n/journal.json" ] || target/release/examples/gen_journal "$n" "$dir/$n/journal.json"
done
printf '%8s %10s %10s %10s %8s\n' talks bytes median_ms peak_rss_kb rss/file
for n in $sizes; do
    file="$dir/$n/journal.json"
    bytes=$(wc -c <"$file")
    times=""
    rss=0
    i=0
    while [ $i -lt "$runs" ]; do
        start=$(date +%s%N)
        out=$( { /usr/bin/time -f '%M' env HEARD_NOW=2026-11-27T09:00:00+01:00 \
            "$heard" --data-dir "$dir/$n" --config-dir "$dir/config" journal stats >/dev/null; } 2>&1 )
        end=$(date +%s%N)
        times="$times $(( (end - start) / 1000 ))"
        rss=$(echo "$out" | tail -1)
        i=$((i + 1))
    done
    median=$(echo $times | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)] / 1000}')
    ratio=$(awk -v r="$rss" -v b="$bytes" 'BEGIN {printf "%.2f", r * 1024 / b}')
    printf '%8s %10s %10s %10s %8s\n' "$n" "$bytes" "$median" "$rss" "$ratio"
done
