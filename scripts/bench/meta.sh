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
Rscript scripts/bench/meta_metafor.R "$data" > "$data/metafor.tsv"
echo "machine: $(nproc) cores; $(uname -sr); R $(Rscript -e 'cat(as.character(getRversion()))') metafor $(Rscript -e 'cat(as.character(packageVersion("metafor")))')"
python3 - "$data/stroma.tsv" "$data/metafor.tsv" <<'PY'
import csv, sys
def load(p): return {r["task"]: r for r in csv.DictReader(open(p), delimiter="\t")}
s, m = load(sys.argv[1]), load(sys.argv[2])
def fmt(t): return f"{t*1e3:.4g} ms" if t >= 1e-3 else f"{t*1e6:.4g} µs"
print("| task | Stroma (median) | metafor (median) | ratio | check Stroma / metafor |")
print("|---|---|---|---|---|")
for task, row in s.items():
    a, b = float(row["median_s"]), float(m[task]["median_s"])
    print(f"| {task} | {fmt(a)} | {fmt(b)} | {b/a:.0f}× | {float(row['check']):.6g} / {float(m[task]['check']):.6g} |")
PY
