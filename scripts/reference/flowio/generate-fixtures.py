#!/usr/bin/env python3
"""Writes Tests/StromaCytometryTests/Fixtures/fcs-reference.json: how FlowIO reads each FCS file of $STROMA_SHARED_DATA/fcs and gatingml/data1.fcs.

Run (in a virtual environment, away from the system numpy):
    python3 -m venv /tmp/venv-fcs && /tmp/venv-fcs/bin/pip install flowio==1.4.0
    STROMA_SHARED_DATA=../shared/data /tmp/venv-fcs/bin/python scripts/reference/flowio/generate-fixtures.py

For each file: the reader and its version, the FCS version, the number of events and channels, every TEXT keyword
(lower case, without '$', as FlowIO keys them), the channel names ($PnN, $PnS, $PnR), and the event values both
raw (as stored) and pre-processed ($PnE log decoding, division by $PnG, $TIMESTEP): SHA-256 of the float64
little-endian row-major array, per-channel sums, sums of squares, index-weighted sums, minima and maxima, and the
first and last five events. (numpy's vectorised power differs from libm's pow by up to one ulp, so pre-processed
values are compared by these summaries at 1e-12 relative; raw values by the hash, exactly.) A file that both readers
refuses is listed with its error message. FlowIO reads every vendor file here (with its lenient offset options
where its strict reading refuses), so fcsparser is not needed as a second reference.
"""
import hashlib, json, os, sys
import numpy as np
import flowio

shared = os.environ.get("STROMA_SHARED_DATA", "../shared/data")
files = sorted(f"fcs/{n}" for n in os.listdir(os.path.join(shared, "fcs")) if n.endswith(".fcs")) + ["gatingml/data1.fcs"]

def summary(array):
    array = np.ascontiguousarray(array, dtype="<f8")
    return {
        "sha256": hashlib.sha256(array.tobytes()).hexdigest(),
        "channel_sums": [float(x) for x in array.sum(axis=0)],
        "channel_sums_of_squares": [float(x) for x in (array * array).sum(axis=0)],
        "channel_weighted_sums": [float(x) for x in (array * np.arange(1, array.shape[0] + 1)[:, None]).sum(axis=0)],
        "channel_min": [float(x) for x in array.min(axis=0)],
        "channel_max": [float(x) for x in array.max(axis=0)],
        "first": array[:5].tolist(),
        "last": array[-5:].tolist(),
    }

cases = []
for rel in files:
    path = os.path.join(shared, rel)
    case = {"file": rel}
    try:
        options = {}
        try:
            fd = flowio.FlowData(path)
        except Exception as strict_error:
            # The reader's lenient options, as Stroma's documented policy: the TEXT offsets win over HEADER, and an
            # end offset one past the data is accepted (with a warning in both readers).
            case["flowio_strict_error"] = f"{type(strict_error).__name__}: {strict_error}"
            options = {"ignore_offset_error": True, "ignore_offset_discrepancy": True}
            fd = flowio.FlowData(path, **options)
        raw = np.reshape(np.array(fd.events, dtype=np.float64), (-1, fd.channel_count))
        case.update({
            "reader": f"flowio {flowio.__version__}",
            "call": f"flowio.FlowData('{rel}'" + "".join(f", {k}={v}" for k, v in options.items()) + "); .events and .as_array(preprocess=True)",
            "version": fd.version,
            "event_count": fd.event_count,
            "channel_count": fd.channel_count,
            "text": fd.text,
            "pnn": fd.pnn_labels, "pns": fd.pns_labels, "pnr": fd.pnr_values,
            "raw": summary(raw),
        })
        try:
            case["preprocessed"] = summary(fd.as_array(preprocess=True))
        except Exception as preprocess_error:
            case["preprocess_error"] = f"{type(preprocess_error).__name__}: {preprocess_error}"
    except Exception as flowio_error:
        case["flowio_error"] = f"{type(flowio_error).__name__}: {flowio_error}"
    cases.append(case)
    print(rel, case.get("reader"), case.get("flowio_error", ""), case.get("fcsparser_error", ""), file=sys.stderr)

out = "Tests/StromaCytometryTests/Fixtures/fcs-reference.json"
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w") as fh:
    json.dump({"generated_by": "scripts/reference/flowio/generate-fixtures.py", "cases": cases}, fh, indent=1, sort_keys=True, default=str)
