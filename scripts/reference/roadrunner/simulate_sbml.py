#!/usr/bin/env python3
"""Simulate an SBML file with libRoadRunner (CVODE, stiff BDF) and print species amounts as CSV.

Usage: simulate_sbml.py MODEL.xml TIMES [--rtol 1e-10] [--atol-rel 1e-12] [--bench N]

TIMES is a comma-separated list of output times (hours, starting with 0). The CSV header is
`time,<species ids…>`. With --bench N the script instead times N repeated simulations (after
one warm-up) and prints `median_seconds,<value>` lines for load and simulate.
The absolute tolerance is atol-rel × (sum of the initial amounts, i.e. the dose).
Used by StromaKineticsTests (cross-check) and bench/kinetics/run.sh.
"""
import argparse, statistics, sys, time
import roadrunner

ap = argparse.ArgumentParser()
ap.add_argument("model")
ap.add_argument("times")
ap.add_argument("--rtol", type=float, default=1e-10)
ap.add_argument("--atol-rel", type=float, default=1e-12)
ap.add_argument("--bench", type=int, default=0)
a = ap.parse_args()
times = [float(t) for t in a.times.split(",")]

def load():
    r = roadrunner.RoadRunner(a.model)
    ids = list(r.model.getFloatingSpeciesIds())
    dose = sum(r.model.getFloatingSpeciesAmounts()) or 1.0
    r.integrator = "cvodes"
    r.integrator.relative_tolerance = a.rtol
    r.integrator.absolute_tolerance = a.atol_rel * dose
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
