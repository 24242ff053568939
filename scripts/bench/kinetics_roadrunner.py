#!/usr/bin/env python3
"""Time libRoadRunner on the SBML that `stroma-bench kinetics OUTDIR` exported, and compare.

Usage: kinetics_roadrunner.py OUTDIR [--reps 50] [--samples 10000] [--processes 2]

Reads OUTDIR/rat-iv-7d.xml (rat, xenogeneic, IV 1e6 cells, 7 days), OUTDIR/times.txt and
OUTDIR/stroma-states.csv. Prints `key,value` lines:
  - rr_load_seconds: median time to parse and compile the SBML (once per process);
  - stroma_error_vs_reference, rr_error_vs_reference_rtol<r>: max relative error against a
    tight reference (CVODE rtol 1e-12, atol 1e-18 × dose) over all species and output times
    where the reference exceeds 1e-6 × dose — the accuracy of each;
  - rr_single_7d_seconds_rtol<r>: median time of r.simulate(times=…) after resetAll(), CVODE
    (stiff BDF); r = default (libRoadRunner's own: rtol 1e-6, atol 1e-12 in amounts), or
    rtol r = 1e-6, 1e-8, 1e-10 with absolute tolerance 1e-12 × dose;
  - rr_max_rel_diff_rtol<r>: max |stroma − roadrunner| / roadrunner over the same values;
  - *_cpu_seconds: the same in CPU time (thread time for one simulation; worker processes' CPU
    for Monte Carlo), less disturbed by other load on a shared machine;
  - rr_monte_carlo_seconds: wall time of `samples` simulations on `processes` worker processes
    (multiprocessing, default tolerances), each with every rate constant k_i multiplied by a lognormal factor
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


def load(rtol, atol=None):
    """rtol None = libRoadRunner's defaults (rtol 1e-6, atol 1e-12 in amounts)."""
    r = roadrunner.RoadRunner(model)
    dose = sum(r.model.getFloatingSpeciesAmounts())
    r.integrator = "cvode"
    if rtol is not None:
        r.integrator.relative_tolerance = rtol
        r.integrator.absolute_tolerance = (atol if atol is not None else 1e-12) * dose
    r.integrator.maximum_num_steps = 1000000
    ids = list(r.model.getFloatingSpeciesIds())
    r.timeCourseSelections = ["time"] + ids
    return r, ids, dose


def max_rel_error(values, reference, dose):
    """max |x − ref| / ref over species and times where ref > 1e-6 × dose."""
    mask = reference > 1e-6 * dose
    return float(np.max(np.abs(values[mask] - reference[mask]) / reference[mask]))


loads = []
for _ in range(5):
    t0 = time.perf_counter(); load(1e-6); loads.append(time.perf_counter() - t0)
print(f"rr_load_seconds,{statistics.median(loads)}")

with open(os.path.join(a.outdir, "stroma-states.csv")) as f:
    rows = list(csv.DictReader(f))
# Tight reference: CVODE at rtol 1e-12, atol 1e-18 × dose.
r, ids, dose = load(1e-12, 1e-18)
reference = r.simulate(times=times)[:, 1:]
stroma = np.array([[float(row[sid]) for sid in ids] for row in rows])
print(f"stroma_error_vs_reference,{max_rel_error(stroma, reference, dose)}")
for label, rtol in (("default", None), ("1e-06", 1e-6), ("1e-08", 1e-8), ("1e-10", 1e-10)):
    r, ids, dose = load(rtol)
    r.simulate(times=times)
    sims, cpus = [], []
    for _ in range(a.reps):
        r.resetAll()
        c0 = time.thread_time(); t0 = time.perf_counter()
        res = r.simulate(times=times)
        sims.append(time.perf_counter() - t0); cpus.append(time.thread_time() - c0)
    print(f"rr_single_7d_seconds_rtol{label},{statistics.median(sims)}")
    print(f"rr_single_7d_cpu_seconds_rtol{label},{statistics.median(cpus)}")
    print(f"rr_error_vs_reference_rtol{label},{max_rel_error(res[:, 1:], reference, dose)}")
    print(f"rr_max_rel_diff_rtol{label},{max_rel_error(stroma, res[:, 1:], dose)}")

_worker = None


def init_worker():
    global _worker
    _worker = load(None)


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
