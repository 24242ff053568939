#!/usr/bin/env python3
"""Load an exported SBML file into COPASI (PyPI `python-copasi`), run a deterministic time
course (LSODA) and print species amounts at the requested times as CSV, like simulate_sbml.py.

Usage: copasi_check.py MODEL.xml TIMES   (TIMES: comma-separated hours on a 0.25 h grid)

Not part of CI (COPASI is a large install); used once to check that COPASI loads and simulates
Stroma's SBML export — see docs/kinetics-model.md.
"""
import sys
import COPASI

path, times = sys.argv[1], [float(t) for t in sys.argv[2].split(",")]
dm = COPASI.CRootContainer.addDatamodel()
if not dm.importSBML(path):
    sys.exit("COPASI could not import " + path + ": " + COPASI.CCopasiMessage.getAllMessageText())
model = dm.getModel()
task = dm.getTask("Time-Course")
task.setMethodType(COPASI.CTaskEnum.Method_deterministic)
problem = task.getProblem()
step = 0.25
problem.setStepSize(step)
problem.setStepNumber(int(round(max(times) / step)))
problem.setDuration(max(times))
problem.setTimeSeriesRequested(True)
method = task.getMethod()
method.getParameter("Relative Tolerance").setDblValue(1e-10)
method.getParameter("Absolute Tolerance").setDblValue(1e-9)
method.getParameter("Max Internal Steps").setIntValue(1000000)
if not task.process(True):
    sys.exit("COPASI time course failed: " + COPASI.CCopasiMessage.getAllMessageText())
ts = task.getTimeSeries()
names = [ts.getSBMLId(i, dm) or ts.getTitle(i) for i in range(ts.getNumVariables())]
rows = {round(ts.getConcentrationData(k, 0), 9): k for k in range(ts.getRecordedSteps())}
species = [i for i, n in enumerate(names) if n not in ("Time", "time") and i > 0]
# Amounts (particle numbers, cells) rather than concentrations.
print(",".join(["time"] + [names[i] for i in species]))
for t in times:
    k = rows[round(t, 9)]
    print(",".join([repr(t)] + [repr(ts.getData(k, i)) for i in species]))
