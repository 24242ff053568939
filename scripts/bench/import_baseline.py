#!/usr/bin/env python3
"""Python baseline for `stroma-bench import`: loads the same ClinicalTrials.gov v2 files with the
standard `json` module (from a folder or a ZIP, one record at a time) and extracts the same fields
as StromaImport's RegistryStudy (identification, status dates, sponsors, conditions, MeSH, design,
arms, interventions, outcomes, eligibility, locations, references), printing the same checksum.

usage: scripts/bench/import_baseline.py <folder|zip>
"""
import json, os, sys, time, zipfile

def date(s):
    return (s.get("date"), s.get("type")) if s else None

def extract(study):
    p = study.get("protocolSection") or {}
    ident = p.get("identificationModule") or {}
    status = p.get("statusModule") or {}
    sponsors = p.get("sponsorCollaboratorsModule") or {}
    cond = p.get("conditionsModule") or {}
    design = p.get("designModule") or {}
    info = design.get("designInfo") or {}
    arms = p.get("armsInterventionsModule") or {}
    outcomes = p.get("outcomesModule") or {}
    elig = p.get("eligibilityModule") or {}
    derived = study.get("derivedSection") or {}
    locations = [(l.get("facility"), l.get("city"), l.get("country"), l.get("status"))
                 for l in (p.get("contactsLocationsModule") or {}).get("locations") or []]
    countries = list(dict.fromkeys(l[2] for l in locations if l[2]))
    count = (design.get("enrollmentInfo") or {}).get("count")
    return {
        "nct_id": ident.get("nctId"), "org_study_id": (ident.get("orgStudyIdInfo") or {}).get("id"),
        "brief_title": ident.get("briefTitle"), "official_title": ident.get("officialTitle"),
        "acronym": ident.get("acronym"), "overall_status": status.get("overallStatus"),
        "why_stopped": status.get("whyStopped"),
        "dates": [date(status.get(k)) for k in ("startDateStruct", "primaryCompletionDateStruct",
                  "completionDateStruct", "studyFirstPostDateStruct", "lastUpdatePostDateStruct")],
        "lead_sponsor": (sponsors.get("leadSponsor") or {}).get("name"),
        "collaborators": [c.get("name") for c in sponsors.get("collaborators") or []],
        "conditions": cond.get("conditions") or [], "keywords": cond.get("keywords") or [],
        "condition_mesh": [m.get("term") for m in (derived.get("conditionBrowseModule") or {}).get("meshes") or []],
        "intervention_mesh": [m.get("term") for m in (derived.get("interventionBrowseModule") or {}).get("meshes") or []],
        "study_type": design.get("studyType"), "phases": design.get("phases") or [],
        "allocation": info.get("allocation"), "intervention_model": info.get("interventionModel"),
        "masking": (info.get("maskingInfo") or {}).get("masking"),
        "enrollment": int(count) if count is not None else None,
        "arm_groups": [(a.get("label"), a.get("type"), a.get("description"), a.get("interventionNames") or [])
                       for a in arms.get("armGroups") or []],
        "interventions": [(i.get("type"), i.get("name"), i.get("description"), i.get("armGroupLabels") or [],
                           i.get("otherNames") or []) for i in arms.get("interventions") or []],
        "primary": [(o.get("measure"), o.get("timeFrame"), o.get("description")) for o in outcomes.get("primaryOutcomes") or []],
        "secondary": [(o.get("measure"), o.get("timeFrame"), o.get("description")) for o in outcomes.get("secondaryOutcomes") or []],
        "eligibility": (elig.get("eligibilityCriteria"), elig.get("sex"), elig.get("minimumAge"),
                        elig.get("maximumAge"), elig.get("healthyVolunteers")),
        "locations": locations, "countries": countries,
        "references": [(r.get("pmid"), r.get("type"), r.get("citation")) for r in (p.get("referencesModule") or {}).get("references") or []],
        "has_results": study.get("hasResults"),
    }

def blobs(path):
    if os.path.isdir(path):
        for name in sorted(os.listdir(path)):
            if name.endswith(".json"):
                with open(os.path.join(path, name), "rb") as f:
                    yield f.read()
    else:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.filename.endswith(".json"):
                    yield z.read(info)

def main():
    start = time.perf_counter()
    records = checksum = 0
    for blob in blobs(sys.argv[1]):
        s = extract(json.loads(blob))
        records += 1
        checksum += ((s["enrollment"] or 0) + len(s["locations"]) + len(s["arm_groups"]) + len(s["interventions"])
                     + len(s["primary"]) + len(s["secondary"]) + len(s["phases"]) + len(s["condition_mesh"])
                     + len((s["brief_title"] or "").encode("utf-8")))
    seconds = time.perf_counter() - start
    print("python records=%d refused=0 seconds=%.3f records_per_s=%.0f checksum=%d"
          % (records, seconds, records / seconds, checksum))

main()
