#!/usr/bin/env python3
"""Time libRoadRunner on the SBML that `stroma-bench kinetics OUTDIR` exported, and compare.

Usage: kinetics_roadrunner.py OUTDIR [--reps 50] [--samples 10000] [--processes 2]

Reads OUTDIR/rat-iv-7d.xml (rat, xenogeneic, IV 1e6 cells, 7 days), OUTDIR/times.txt and
OUTDIR/stroma-states.csv. Prints `key,value` lines:
  - rr_load_seconds: median time to parse and compile the SBML (once per process);
  - rr_single_7d_seconds_rtol<r>: median time of r.simulate(times=…) after resetAll(), CVODE
    (stiff BDF), relative tolerance r, absolute tolerance 1e-12 × dose, for r = 1e-6 and 1e-10;
  - rr_max_rel_diff_rtol<r>: max |stroma − roadrunner| / roadrunner over all species and output
    times where roadrunner > 1e-6 × dose (how close the two trajectories are);
  - *_cpu_seconds: the same in CPU time (thread time for one simulation; worker processes' CPU
    for Monte Carlo), less disturbed by other load on a shared machine;
  - rr_monte_carlo_seconds: wall time of `samples` simulations on `processes` worker processes
    (multiprocessing), each with every rate constant k_i multiplied by a lognormal factor
    (sigma 0.3, seeded). Stroma's Monte Carlo draws the notes' parameters and rebuilds the model;
    the solver work per sample is the same kind (one 7-day trajectory).
libRoadRunner 2.10.0 (PyPI `libroadrunner`).
"""
import argparse, csv, multiprocessing as mp, os, statistics, sys, time
import numpy as np
import roadrunner

ap = argparse.ArgumentParser()
ap.add_argument("outdir")
ap.add_argument("--reps", type=int, default=50)
ap.add_argument("--samples", type=int, default=10000)
ap.add_argument("--processes", type=int, default=2)
a = ap.parse_args()
model = os.path.join(a.outdir, "rat-iv-7d.xml")
times = [float(t) for t in open(os.path.join(a.outdir, "times.txt")).read().split(",")]


def load(rtol):
    r = roadrunner.RoadRunner(model)
    dose = sum(r.model.getFloatingSpeciesAmounts())
    r.integrator = "cvode"
    r.integrator.relative_tolerance = rtol
    r.integrator.absolute_tolerance = 1e-12 * dose
    r.integrator.maximum_num_steps = 1000000
    ids = list(r.model.getFloatingSpeciesIds())
    r.timeCourseSelections = ["time"] + ids
    return r, ids, dose


loads = []
for _ in range(5):
    t0 = time.perf_counter(); load(1e-6); loads.append(time.perf_counter() - t0)
print(f"rr_load_seconds,{statistics.median(loads)}")

with open(os.path.join(a.outdir, "stroma-states.csv")) as f:
    rows = list(csv.DictReader(f))
for rtol in (1e-6, 1e-10):
    r, ids, dose = load(rtol)
    r.simulate(times=times)
    sims, cpus = [], []
    for _ in range(a.reps):
        r.resetAll()
        c0 = time.thread_time(); t0 = time.perf_counter()
        res = r.simulate(times=times)
        sims.append(time.perf_counter() - t0); cpus.append(time.thread_time() - c0)
    print(f"rr_single_7d_seconds_rtol{rtol:g},{statistics.median(sims)}")
    print(f"rr_single_7d_cpu_seconds_rtol{rtol:g},{statistics.median(cpus)}")
    worst = 0.0
    for k, row in enumerate(rows):
        for j, sid in enumerate(ids):
            rr = res[k, j + 1]
            if rr > 1e-6 * dose:
                worst = max(worst, abs(float(row[sid]) - rr) / rr)
    print(f"rr_max_rel_diff_rtol{rtol:g},{worst}")

_worker = None


def init_worker():
    global _worker
    _worker = load(1e-6)


def one_sample(i):
    r, ids, dose = _worker
    r.resetAll()
    rng = np.random.default_rng(1_000_003 * 1 + i)
    for name in r.model.getGlobalParameterIds():
        if name.startswith("k_"):
            r[name] = r[name] * float(np.exp(0.3 * rng.standard_normal()))
    res = r.simulate(times=times)
    return float(res[-1, 1:].sum())


if a.samples:
    t0 = time.perf_counter(); c0 = os.times()
    with mp.Pool(a.processes, initializer=init_worker) as pool:
        totals = pool.map(one_sample, range(a.samples), chunksize=max(1, a.samples // (8 * a.processes)))
    wall = time.perf_counter() - t0; c1 = os.times()
    cpu = (c1.children_user + c1.children_system) - (c0.children_user + c0.children_system)
    print(f"rr_monte_carlo_samples,{a.samples}")
    print(f"rr_monte_carlo_processes,{a.processes}")
    print(f"rr_monte_carlo_seconds,{wall}")
    print(f"rr_monte_carlo_cpu_seconds,{cpu}")
