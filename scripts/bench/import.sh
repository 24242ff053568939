#!/usr/bin/env bash
# Parse + extraction benchmark of ClinicalTrials.gov v2 records: StromaImport (release) against
# Python's standard json module, on the same corpus (folder and ZIP), in one run.
#   scripts/bench/import.sh [count=50000] [corpus-folder=${TMPDIR:-/tmp}/stroma-import-corpus-<count>]
# Prints records/s (wall clock), CPU seconds (user + system), the Swift/Python ratios and peak
# resident memory (GNU time -v); then the whole import into a fresh store (`stroma import ctgov`
# of the folder: read, MSC recognition, SQLite upserts) and the re-import of the same records. On a shared machine the wall-clock ratio depends on the load; the
# CPU-time ratio much less.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-50000}
corpus=${2:-${TMPDIR:-/tmp}/stroma-import-corpus-$count}
export STROMA_SHARED_DATA=${STROMA_SHARED_DATA:-$(cd ../shared/data 2>/dev/null && pwd || echo "")}
if [ ! -x /usr/bin/time ]; then
    flock /tmp/apt.lock apt-get install -y -qq time >&2
fi
[ -f "$corpus/studies.zip" ] || python3 scripts/bench/import_corpus.py "$corpus" "$count"
swift build -c release --scratch-path .build-release --product stroma-bench >&2
swift build -c release --scratch-path .build-release --product stroma >&2
bindir=$(swift build -c release --scratch-path .build-release --show-bin-path)
bench=$bindir/stroma-bench

measure() { # label command… → "label records records/s checksum peak-KiB cpu-seconds"
    local label=$1; shift
    local log; log=$(mktemp)
    local line; line=$(/usr/bin/time -v "$@" 2>"$log" | tail -1)
    local peak; peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    local cpu; cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$log")
    grep -v -E '^\s' "$log" | grep -v 'Command being timed' >&2 || true
    rm -f "$log"
    echo "$label $(sed -E 's/.*records=([0-9]+).*records_per_s=([0-9]+) checksum=([0-9-]+).*/\1 \2 \3/' <<<"$line") $peak $cpu"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; the Python baseline is single-threaded," \
    "the Swift reader decodes on one worker thread per core (at most 4): compare CPU seconds too"
printf '%-11s %-6s %8s %10s %8s %12s %9s\n' input tool records records/s cpu_s checksum peak_MiB
for input in studies studies.zip; do
    # Warm the page cache first so that neither tool pays for the disk (the first one timed would).
    if [ -d "$corpus/$input" ]; then
        find "$corpus/$input" -type f -exec cat {} + >/dev/null
    else
        cat "$corpus/$input" >/dev/null
    fi
    read -r _ sr srate ssum speak scpu < <(measure swift "$bench" import "$corpus/$input")
    read -r _ pr prate psum ppeak pcpu < <(measure python python3 scripts/bench/import_baseline.py "$corpus/$input")
    printf '%-11s %-6s %8s %10s %8s %12s %9s\n' "$input" swift "$sr" "$srate" "$scpu" "$ssum" "$((speak / 1024))"
    printf '%-11s %-6s %8s %10s %8s %12s %9s\n' "$input" python "$pr" "$prate" "$pcpu" "$psum" "$((ppeak / 1024))"
    awk -v s="$srate" -v p="$prate" -v sc="$scpu" -v pc="$pcpu" -v i="$input" \
        'BEGIN { printf "%-11s swift/python: %.2fx records/s (wall), %.2fx less CPU time\n", i, s / p, pc / sc }'
    [ "$ssum" = "$psum" ] || echo "WARNING: checksums differ on $input" >&2
done

# Whole-store import of the folder into a fresh database, then again (every record unchanged);
# `outcome` counts the records whose outcome is the pass's name.
db=$(mktemp -d)/bench.sqlite
printf '%-22s %8s %8s %9s %10s %8s %9s\n' store-import records outcome seconds records/s cpu_s peak_MiB
for pass in new unchanged; do
    log=$(mktemp)
    start=$(date +%s.%N)
    summary=$(/usr/bin/time -v "$bindir/stroma" import ctgov "$corpus/studies" --db "$db" --format json 2>"$log")
    end=$(date +%s.%N)
    peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$log")
    rm -f "$log"
    read -r n got <<<"$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["read"], d[sys.argv[2]])' "$summary" "$pass")"
    awk -v p="$pass" -v n="$n" -v s="$start" -v e="$end" -v c="$cpu" -v k="$peak" -v g="$got" \
        'BEGIN { printf "%-22s %8d %8d %9.1f %10.0f %8s %9d\n", "stroma import (" p ")", n, g, e - s, n / (e - s), c, k / 1024 }'
done
rm -f "$db" "$db"-*
