#!/usr/bin/env python3
"""Writes the real-registry development set: `real/NCT*.json` (API v2 shape) and `real-labels.json`.

Every text below is ClinicalTrials.gov wording (public domain) copied from the mirror page named in
`url` (a ClinicalTrials.gov page or a registry mirror that reproduces the record); nothing is
paraphrased. Only the fields the mirror shows are filled; a field whose text the mirror truncates is
cut at its last complete sentence. The labels were read from these texts by hand, following the
rules in docs/msc-recognition.md ("Real registry development set"); they are not recogniser output.

    python3 make_real.py        # from this folder; rewrites real/ and real-labels.json
"""
import json
import os
import shutil

from real_records import RECORDS

HERE = os.path.dirname(os.path.abspath(__file__))


def record_json(r):
    ident = {"nctId": r["nct"]}
    if r.get("title"):
        ident["briefTitle"] = r["title"]
    if r.get("official"):
        ident["officialTitle"] = r["official"]
    protocol = {"identificationModule": ident}
    if r.get("conditions") or r.get("keywords"):
        cm = {}
        if r.get("conditions"):
            cm["conditions"] = r["conditions"]
        if r.get("keywords"):
            cm["keywords"] = r["keywords"]
        protocol["conditionsModule"] = cm
    if r.get("summary") or r.get("description"):
        dm = {}
        if r.get("summary"):
            dm["briefSummary"] = r["summary"]
        if r.get("description"):
            dm["detailedDescription"] = r["description"]
        protocol["descriptionModule"] = dm
    arms = [entry(a, "label", "type", "description", "interventionNames") for a in r.get("arms", [])]
    interventions = [entry((i[1], i[0], *i[2:]), "name", "type", "description", "otherNames") for i in r.get("interventions", [])]
    if arms or interventions:
        aim = {}
        if arms:
            aim["armGroups"] = arms
        if interventions:
            aim["interventions"] = interventions
        protocol["armsInterventionsModule"] = aim
    return {"protocolSection": protocol, "hasResults": False}


def entry(values, *keys):
    """One arm group or intervention: the non-empty values of the tuple under the v2 keys."""
    return {key: value for key, value in zip(keys, values) if value or key == "name"}


def label_json(r):
    lab = dict(r["label"])
    lab["url"] = r["url"]
    return lab


def main():
    out = os.path.join(HERE, "real")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    labels = {}
    seen = set()
    for r in RECORDS:
        assert r["nct"] not in seen, r["nct"]
        seen.add(r["nct"])
        with open(os.path.join(out, r["nct"] + ".json"), "w") as f:
            json.dump(record_json(r), f, indent=2, ensure_ascii=False)
            f.write("\n")
        labels["real/" + r["nct"] + ".json"] = label_json(r)
    with open(os.path.join(HERE, "real-labels.json"), "w") as f:
        json.dump(labels, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    msc = sum(1 for r in RECORDS if r["label"]["is_msc"])
    print(f"{len(RECORDS)} records: {msc} MSC, {len(RECORDS) - msc} look-alikes")


if __name__ == "__main__":
    main()
