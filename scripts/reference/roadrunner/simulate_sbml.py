#!/usr/bin/env python3
"""Simulate an SBML file with libRoadRunner (CVODE, stiff BDF) and print species amounts as CSV.

Usage: simulate_sbml.py MODEL.xml TIMES [--rtol 1e-10] [--atol 1e-9] [--validate] [--bench N]

TIMES is a comma-separated list of output times (hours, starting with 0). The CSV header is
`time,<species ids…>`. With --bench N the script instead times N repeated simulations (after
one warm-up) and prints `median_seconds,<value>` lines for load and simulate.
--atol is an absolute tolerance in cells (libRoadRunner scales a single value by the
state's magnitude). Looser settings (e.g. atol 1e-6 × dose) were seen to lose 1e-3 to 6e-2
relative accuracy on pools that decay by 1e4 after a second dose, so keep them tight. With --validate the SBML is first checked with
libSBML's consistency checks (roadrunner.validateSBML); any error exits with status 4.
Exit status 3: libRoadRunner is not installed (run scripts/install-test-tools).
Used by StromaKineticsTests (cross-check) and scripts/bench/kinetics.sh.
"""
import argparse, statistics, sys, time
try:
    import roadrunner
except ImportError as e:
    print(f"simulate_sbml.py: cannot import roadrunner ({e}); run scripts/install-test-tools", file=sys.stderr)
    sys.exit(3)

ap = argparse.ArgumentParser()
ap.add_argument("model")
ap.add_argument("times")
ap.add_argument("--rtol", type=float, default=1e-10)
ap.add_argument("--atol", type=float, default=1e-9)
ap.add_argument("--bench", type=int, default=0)
ap.add_argument("--validate", action="store_true")
a = ap.parse_args()
times = [float(t) for t in a.times.split(",")]

if a.validate:
    with open(a.model) as f:
        report = roadrunner.validateSBML(f.read())
    errors = [l for l in report.splitlines() if "Error" in l or "Fatal" in l]
    if errors:
        print(report, file=sys.stderr)
        sys.exit(4)

def load():
    r = roadrunner.RoadRunner(a.model)
    ids = list(r.model.getFloatingSpeciesIds())
    r.integrator = "cvode"
    r.integrator.relative_tolerance = a.rtol
    r.integrator.absolute_tolerance = a.atol
    r.integrator.maximum_num_steps = 1000000
    r.timeCourseSelections = ["time"] + ids
    return r, ids

if a.bench:
    loads, sims = [], []
    r, ids = load()
    r.simulate(times=times)
    for _ in range(a.bench):
        t0 = time.perf_counter(); r2, _ = load(); loads.append(time.perf_counter() - t0)
        r.resetAll()
        t0 = time.perf_counter(); r.simulate(times=times); sims.append(time.perf_counter() - t0)
    print(f"load_median_seconds,{statistics.median(loads)}")
    print(f"simulate_median_seconds,{statistics.median(sims)}")
    sys.exit(0)

r, ids = load()
res = r.simulate(times=times)
print(",".join(["time"] + ids))
for row in res:
    print(",".join(repr(float(v)) for v in row))
