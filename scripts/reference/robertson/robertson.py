#!/usr/bin/env python3
"""Reference solution of the Robertson stiff chemical kinetics problem with SciPy's Radau IIA.

    y1' = -0.04 y1 + 1e4 y2 y3
    y2' =  0.04 y1 - 1e4 y2 y3 - 3e7 y2^2
    y3' =  3e7 y2^2,            y(0) = (1, 0, 0)

Writes Tests/StromaKineticsTests/Fixtures/robertson.json.
Run: python3 scripts/reference/robertson/robertson.py
"""
import json, os, scipy
import numpy as np
from scipy.integrate import solve_ivp

def f(t, y):
    return [-0.04 * y[0] + 1e4 * y[1] * y[2],
            0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] ** 2,
            3e7 * y[1] ** 2]

def jac(t, y):
    return [[-0.04, 1e4 * y[2], 1e4 * y[1]],
            [0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1]],
            [0.0, 6e7 * y[1], 0.0]]

times = [0.4, 4.0, 40.0, 400.0, 4000.0, 40000.0]
sol = solve_ivp(f, (0, times[-1]), [1.0, 0.0, 0.0], method="Radau", jac=jac,
                rtol=1e-12, atol=[1e-14, 1e-20, 1e-14], t_eval=times)
out = {"command": "python3 scripts/reference/robertson/robertson.py",
       "software": f"scipy {scipy.__version__} solve_ivp Radau rtol=1e-12 atol=[1e-14,1e-20,1e-14]",
       "times": times, "y": sol.y.T.tolist()}
path = os.path.join(os.path.dirname(__file__), "../../../Tests/StromaKineticsTests/Fixtures/robertson.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1)
print(json.dumps(out)[:400])
