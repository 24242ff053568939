#!/usr/bin/env bash
# Benchmark of the meta-analysis engine against metafor, on the same simulated data in one run.
# Usage (repository root): scripts/bench/meta.sh
# Builds `stroma-bench` in release mode (scratch path .build-release), writes the data with
# scripts/bench/meta_data.R, runs `stroma-bench meta` and scripts/bench/meta_metafor.R, and prints the
# medians and the ratio metafor / Stroma. The check columns show that both fitted the same data
# (tau^2, leave-one-out estimate, Cook's distance; permutation p-values are random on both sides).
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --scratch-path .build-release --product stroma-bench >&2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
Rscript scripts/bench/meta_data.R "$data"
.build-release/release/stroma-bench meta --data "$data" > "$data/stroma.tsv"
# metafor's rma() builds k x k matrices (O(k^3) with the reference BLAS): at k = 10 000 one call is
# stopped after META_BENCH_R_LIMIT seconds (default 600) and reported as a lower bound.
limit=${META_BENCH_R_LIMIT:-600}
printf 'task\tmedian_s\tsamples\tcalls\tcheck\n' > "$data/metafor.tsv"
Rscript scripts/bench/meta_metafor.R "$data" reml_k20 reml_k1000 permutation_1000_k20 leave1out_k100 \
    influence_k100 >> "$data/metafor.tsv"
# (memory capped at 12 GB so that a shared machine is not exhausted)
status=0
( ulimit -v 12000000; timeout "$limit" Rscript scripts/bench/meta_metafor.R "$data" reml_k10000 \
    >> "$data/metafor.tsv" ) || status=$?
if [ "$status" = 124 ]; then
    printf 'reml_k10000\t>%s\t0\t0\tNA\n' "$limit" >> "$data/metafor.tsv"
elif [ "$status" != 0 ]; then
    echo "metafor failed at k = 10000 (exit $status)" >&2
    printf 'reml_k10000\tfailed\t0\t0\tNA\n' >> "$data/metafor.tsv"
fi
echo "machine: $(nproc) cores; $(uname -sr); R BLAS: $(Rscript -e 'cat(basename(extSoftVersion()[["BLAS"]]))'); R $(Rscript -e 'cat(as.character(getRversion()))') metafor $(Rscript -e 'cat(as.character(packageVersion("metafor")))')"
python3 - "$data/stroma.tsv" "$data/metafor.tsv" <<'PY'
import csv, sys
def load(p): return {r["task"]: r for r in csv.DictReader(open(p), delimiter="\t")}
s, m = load(sys.argv[1]), load(sys.argv[2])
def fmt(t): return f"{t:.4g} s" if t >= 1 else f"{t*1e3:.4g} ms" if t >= 1e-3 else f"{t*1e6:.4g} µs"
print("| task | Stroma (median) | metafor (median) | ratio | check Stroma / metafor |")
print("|---|---|---|---|---|")
for task, row in s.items():
    a, other = float(row["median_s"]), m[task]["median_s"]
    if other == "failed":
        print(f"| {task} | {fmt(a)} | failed | — | {float(row['check']):.6g} / — |")
        continue
    if other.startswith(">"):
        b = float(other[1:])
        print(f"| {task} | {fmt(a)} | > {fmt(b)} (stopped) | > {b/a:.0f}× | {float(row['check']):.6g} / — |")
        continue
    b = float(other)
    print(f"| {task} | {fmt(a)} | {fmt(b)} | {b/a:.0f}× | {float(row['check']):.6g} / {float(m[task]['check']):.6g} |")
PY
