#!/usr/bin/env bash
# Kinetics benchmark: Stroma vs libRoadRunner on the same exported SBML, in one run.
#   scripts/bench/kinetics.sh [OUTDIR]     (default OUTDIR: a fresh temporary folder)
# Builds stroma-bench in release (scratch .build-release), times one 7-day simulation and a
# 10 000-sample Monte Carlo run on 2 threads, exports the scenario as SBML, then times
# libRoadRunner (python3, PyPI libroadrunner) on that SBML: one simulation and 10 000 samples
# on 2 processes, at its default tolerances and at rtol 1e-6/1e-8/1e-10, and the accuracy of both
# against a tight CVODE reference (rtol 1e-12). Prints a table of medians and ratios. Environment: REPS (default 50),
# SAMPLES (default 10000), THREADS (default 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${1:-$(mktemp -d /tmp/stroma-kinetics-bench.XXXXXX)}"
REPS="${REPS:-50}"; SAMPLES="${SAMPLES:-10000}"; THREADS="${THREADS:-2}"
mkdir -p "$OUT"
swift build -c release --scratch-path .build-release --product stroma-bench >&2
BIN="$(swift build -c release --scratch-path .build-release --show-bin-path)/stroma-bench"
"$BIN" kinetics "$OUT" --reps "$REPS" --samples "$SAMPLES" --threads "$THREADS" | tee "$OUT/stroma.txt"
python3 scripts/bench/kinetics_roadrunner.py "$OUT" --reps "$REPS" --samples "$SAMPLES" --processes "$THREADS" | tee "$OUT/roadrunner.txt"
python3 - "$OUT" <<'PY'
import sys, os, platform
out = sys.argv[1]
v = {}
for f in ("stroma.txt", "roadrunner.txt"):
    for line in open(os.path.join(out, f)):
        k, x = line.strip().split(",", 1)
        v[k] = float(x)
import roadrunner
ms = lambda s: f"{s * 1000:.3g} ms"
print()
print(f"Kinetics benchmark ({platform.machine()}, {os.cpu_count()} cores; libRoadRunner {roadrunner.__version__}; medians)")
print(f"{'case':58} {'Stroma':>12} {'libRoadRunner':>14} {'RR/Stroma':>10}")
rows = [
    ("one 7-day simulation, cells+factors+effect vs RR default", v["stroma_single_7d_full_seconds"], v["rr_single_7d_seconds_rtoldefault"]),
    ("one 7-day simulation, cells only, wall, vs RR default", v["stroma_single_7d_cells_only_seconds"], v["rr_single_7d_seconds_rtoldefault"]),
]
for label in ("default", "1e-06", "1e-08", "1e-10"):
    rows.append((f"one 7-day simulation, cells only, CPU, vs RR rtol {label}",
                 v["stroma_single_7d_cells_only_cpu_seconds"], v[f"rr_single_7d_cpu_seconds_rtol{label}"]))
rows.append(("end to end: build model + simulate vs load SBML + simulate", v["stroma_single_7d_full_seconds"], v["rr_load_seconds"] + v["rr_single_7d_seconds_rtoldefault"]))
for name, s, r in rows:
    print(f"{name:58} {ms(s):>12} {ms(r):>14} {r / s:>9.2f}x")
n = int(v["stroma_monte_carlo_samples"])
s, r = v["stroma_monte_carlo_seconds"], v["rr_monte_carlo_seconds"]
threads = int(v["stroma_monte_carlo_threads"])
label = f"{n} Monte Carlo samples on {threads} cores"
print(f"{label:58} {s:>10.2f} s {r:>12.2f} s {r / s:>9.2f}x")
s, r = v["stroma_monte_carlo_cpu_seconds"], v["rr_monte_carlo_cpu_seconds"]
label = f"{n} Monte Carlo samples, total CPU time"
print(f"{label:58} {s:>10.2f} s {r:>12.2f} s {r / s:>9.2f}x")
print(f"libRoadRunner SBML load+compile: {ms(v['rr_load_seconds'])} (only in the end-to-end row; Stroma builds its model inside every run)")
err = {label: v[f"rr_error_vs_reference_rtol{label}"] for label in ("default", "1e-06", "1e-08", "1e-10")}
print("accuracy: max relative error vs CVODE rtol 1e-12 / atol 1e-18*dose (values > 1e-6 of dose): "
      f"Stroma {v['stroma_error_vs_reference']:.2g}; libRoadRunner " + ", ".join(f"{k} {e:.2g}" for k, e in err.items()))
matched = next((k for k in ("default", "1e-06", "1e-08", "1e-10") if err[k] <= v["stroma_error_vs_reference"]), None)
if matched:
    r = v[f"rr_single_7d_cpu_seconds_rtol{matched}"]; s = v["stroma_single_7d_cells_only_cpu_seconds"]
    print(f"accuracy-matched (loosest RR setting at least as accurate as Stroma: rtol {matched}): RR {ms(r)} vs Stroma {ms(s)} CPU, {r / s:.2f}x")
else:
    print("accuracy-matched: no tested RR tolerance reaches Stroma's accuracy (tightest: rtol 1e-10)")
print(f"Stroma per Monte Carlo sample (CPU): model build {ms(v['stroma_model_build_cpu_seconds'])}, run with 4 h steps {ms(v['stroma_sample_run_4h_steps_cpu_seconds'])}")
print(f"Stroma mass balance error: {v['stroma_mass_balance_relative_error']:.2g}; Monte Carlo failed samples: {int(v['stroma_monte_carlo_failed'])}")
load = os.getloadavg()
print(f"load average during the run (1/5/15 min): {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
print(f"targets: single simulation at least as fast as libRoadRunner; {n} samples < 10 s")
PY
