#!/usr/bin/env python3
"""Writes the constructed MSC test records and their hand labels.

CONSTRUCTED TEST RECORDS — NOT REGISTRY DOWNLOADS. Every record here was written by hand for
Stroma's MSC-recognition tests, in the real ClinicalTrials.gov API v2 JSON shape (see
../../../../docs/msc-recognition.md). NCT01909154 and NCT02481440 carry only the facts that seed
001_b8fa76af0b4b1fbc.txt states (cell source, origin, phase, condition area); everything they do
not state is left out and labelled unknown. All other records use identifiers NCT990000xx, which
are not real registrations, and invented wording that exercises registry phrasing; they are not
descriptions of real trials. The labels in labels.json are hand labels written beside each text
below, never output of Stroma.

Run: python3 make_fixtures.py   (rewrites constructed/*.json and labels.json)
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
ORG = {"fullName": "Stroma constructed test record (not a registry download)", "class": "OTHER"}

def study(nct, title, interventions, arms=(), conditions=(), phases=("PHASE1",), status="COMPLETED",
          enrollment=20, meshes=(), official=None, updated="2024-01-15", start="2020-01"):
    return {
        "protocolSection": {
            "identificationModule": {"nctId": nct, "orgStudyIdInfo": {"id": "STROMA-CONSTRUCTED"},
                                     "organization": ORG, "briefTitle": title,
                                     **({"officialTitle": official} if official else {})},
            "statusModule": {"overallStatus": status, "startDateStruct": {"date": start},
                             "lastUpdatePostDateStruct": {"date": updated, "type": "ACTUAL"}},
            "conditionsModule": {"conditions": list(conditions)},
            "designModule": {"studyType": "INTERVENTIONAL", "phases": list(phases),
                             "enrollmentInfo": {"count": enrollment, "type": "ACTUAL"}},
            "armsInterventionsModule": {
                **({"armGroups": [dict(label=a[0], type=a[1], description=a[2], interventionNames=a[3]) for a in arms]} if arms else {}),
                "interventions": [dict(type=i[0], name=i[1], **({"description": i[2]} if i[2] else {}),
                                       **({"otherNames": i[3]} if len(i) > 3 else {})) for i in interventions],
            },
        },
        "derivedSection": {"conditionBrowseModule": {"meshes": [{"id": m[0], "term": m[1]} for m in meshes]}} if meshes else {},
        "hasResults": False,
    }

def L(is_msc, source=None, origins=(), routes=(), dose=None, administrations=None, form=None, conditions=()):
    return {"is_msc": is_msc, "source": source, "origins": list(origins), "routes": list(routes),
            "dose": dose, "administrations": administrations, "product_form": form,
            "conditions": list(conditions)}

def cells(n, basis="unspecified", high=None):
    return {"cells": n, "cells_high": high, "basis": basis}

R = []  # (file name, record, label)

# --- Seed trials: only the facts seed 001 states. ---
R.append(("NCT01909154", study("NCT01909154",
    "Bone marrow mesenchymal stem cells for spinal cord injury (constructed from seed 001 facts)",
    [("BIOLOGICAL", "Bone marrow mesenchymal stem cells",
      "BM-MSCs given by several routes (the seed does not name them).")],
    conditions=["Spinal Cord Injuries"], phases=["PHASE1"]),
    L(True, "bone-marrow", [], [], None, None, "undifferentiated-cells", ["spinal-cord-injury"])))

R.append(("NCT02481440", study("NCT02481440",
    "Allogeneic human umbilical cord MSCs for nerve injury (constructed from seed 001 facts)",
    [("BIOLOGICAL", "Allogeneic hUC-MSCs", "Allogeneic human umbilical cord mesenchymal stem cells.")],
    conditions=["Spinal Cord Injuries"], phases=["PHASE1", "PHASE2"]),
    L(True, "umbilical-cord", ["allogeneic"], [], None, None, "undifferentiated-cells", ["spinal-cord-injury"])))

# --- Invented records NCT990000xx (constructed wording). ---
def add(n, *args, label, **kw):
    nct = "NCT990000%02d" % n
    R.append((nct, study(nct, *args, **kw), label))

add(1, "Intravenous BM-MSC in acute ischemic stroke",
    [("BIOLOGICAL", "Autologous BM-MSC", "A single intravenous infusion of 1×10^6 cells/kg of autologous bone marrow-derived MSCs.")],
    conditions=["Acute Ischemic Stroke"], phases=["PHASE2"],
    meshes=[("D000083242", "Ischemic Stroke")],
    label=L(True, "bone-marrow", ["autologous"], ["intravenous"], cells(1e6, "per-kg"), 1, "undifferentiated-cells", ["ischemic-stroke"]))
add(2, "Umbilical cord MSC for spinal cord injury",
    [("BIOLOGICAL", "hUC-MSC", "Allogeneic umbilical cord MSCs, 1 x 10(6)/kg, intrathecally by lumbar puncture, four injections at 1-month intervals.")],
    conditions=["Spinal Cord Injury"], phases=["PHASE1", "PHASE2"],
    label=L(True, "umbilical-cord", ["allogeneic"], ["intrathecal"], cells(1e6, "per-kg"), 4, "undifferentiated-cells", ["spinal-cord-injury"]))
add(3, "MSC-NTF cells in ALS",
    [("BIOLOGICAL", "MSC-NTF cells", "Autologous MSC-NTF cells (bone marrow mesenchymal stromal cells induced to secrete neurotrophic factors): 60 × 10⁶ MSC-NTF cells intrathecally and 48 × 10⁶ cells intramuscularly, three treatments every 2 months.", ["NurOwn"]),
     ("OTHER", "Placebo", "Vehicle given intrathecally and intramuscularly.")],
    conditions=["Amyotrophic Lateral Sclerosis"], phases=["PHASE3"], enrollment=189,
    label=L(True, "bone-marrow", ["autologous"], ["intrathecal", "intramuscular"], cells(6e7), 3, "differentiated-cells", ["amyotrophic-lateral-sclerosis"]))
add(4, "Adipose-derived MSC for knee osteoarthritis",
    [("BIOLOGICAL", "AD-MSC", "Intra-articular injection of 100 million autologous adipose-derived mesenchymal stem cells into the knee, single injection.")],
    conditions=["Knee Osteoarthritis"], phases=["PHASE2"], meshes=[("D020370", "Osteoarthritis, Knee")],
    label=L(True, "adipose", ["autologous"], ["intra-articular"], cells(1e8), 1, "undifferentiated-cells", ["knee-osteoarthritis"]))
add(5, "Wharton's jelly MSC in cerebral palsy",
    [("BIOLOGICAL", "WJ-MSC", "Allogeneic Wharton's jelly mesenchymal stromal cells, 2 million cells per kilogram, intravenously, two doses 3 months apart.")],
    conditions=["Cerebral Palsy"], phases=["PHASE1"],
    label=L(True, "whartons-jelly", ["allogeneic"], ["intravenous"], cells(2e6, "per-kg"), 2, "undifferentiated-cells", ["cerebral-palsy"]))
add(6, "Exosomes from MSC for Alzheimer's disease",
    [("BIOLOGICAL", "MSC-derived exosomes", "Allogeneic adipose MSC-derived exosomes, 2 x 10^10 particles intranasally twice a week for 12 weeks.")],
    conditions=["Alzheimer Disease"], phases=["PHASE1", "PHASE2"],
    label=L(True, "adipose", ["allogeneic"], ["intranasal"], {"amount": 2e10, "unit": "particles"}, 24, "extracellular-vesicles", ["alzheimers-disease"]))
add(7, "Conditioned medium of umbilical cord MSC in ischemic stroke",
    [("BIOLOGICAL", "UC-MSC conditioned medium", "Conditioned medium from umbilical cord mesenchymal stem cells, 10 mL intravenously once daily for 5 days.")],
    conditions=["Stroke, Ischemic"], phases=["PHASE1"],
    label=L(True, "umbilical-cord", [], ["intravenous"], {"amount": 10, "unit": "mL"}, 5, "conditioned-medium", ["ischemic-stroke"]))
add(8, "Intra-arterial MSC after stroke",
    [("BIOLOGICAL", "Bone marrow stromal cells", "Autologous bone marrow stromal cells, 2.0E+07 cells delivered intra-arterially through the middle cerebral artery.")],
    conditions=["Ischemic Stroke"], phases=["PHASE1"],
    label=L(True, "bone-marrow", ["autologous"], ["intra-arterial"], cells(2e7), None, "undifferentiated-cells", ["ischemic-stroke"]))
add(9, "Dental pulp stem cells for ischemic stroke",
    [("BIOLOGICAL", "DPSC", "Allogeneic dental pulp stem cells (DPSCs): 1.5 × 10^8 cells stereotactically implanted in the peri-infarct region.")],
    conditions=["Cerebral Infarction"], phases=["PHASE1"],
    label=L(True, "dental-pulp", ["allogeneic"], ["intracerebral"], cells(1.5e8), None, "undifferentiated-cells", ["ischemic-stroke"]))
add(10, "Placenta-derived MSC in multiple sclerosis",
    [("BIOLOGICAL", "PDA-001", "Placenta-derived mesenchymal stromal-like cells, 150 x 10^6 cells, intravenous infusion on days 1 and 8.")],
    conditions=["Multiple Sclerosis"], phases=["PHASE1"],
    label=L(True, "placenta", [], ["intravenous"], cells(1.5e8), 2, "undifferentiated-cells", ["multiple-sclerosis"]))
add(11, "Amniotic membrane MSC in Parkinson disease",
    [("BIOLOGICAL", "Amnion-derived MSC", "Amniotic membrane mesenchymal stem cells, 1-2 × 10^6 cells/kg, intravenously, every 4 weeks for 3 doses.")],
    conditions=["Parkinson Disease"], phases=["PHASE1"],
    label=L(True, "amnion", [], ["intravenous"], cells(1e6, "per-kg", 2e6), 3, "undifferentiated-cells", ["parkinsons-disease"]))
add(12, "Menstrual blood stem cells in stroke",
    [("BIOLOGICAL", "MenSCs", "Menstrual blood-derived mesenchymal stem cells, 5 x 106 cells/kg, intravenous.")],
    conditions=["Stroke"], phases=["PHASE1"],
    label=L(True, "menstrual-blood", [], ["intravenous"], cells(5e6, "per-kg"), None, "undifferentiated-cells", ["stroke"]))
add(13, "Cord blood MSC in autism",
    [("BIOLOGICAL", "UCB-MSC", "Umbilical cord blood-derived mesenchymal stem cells, 2 × 10^7 cells per dose, intravenously on days 0, 7 and 14.")],
    conditions=["Autism Spectrum Disorder"], phases=["PHASE2"],
    label=L(True, "cord-blood", [], ["intravenous"], cells(2e7, "per-administration"), 3, "undifferentiated-cells", ["autism-spectrum-disorder"]))
add(14, "Intracerebroventricular MSC in preterm infants",
    [("BIOLOGICAL", "Allogeneic UC-MSC", "Umbilical cord MSCs, 5 × 10^6 cells/kg, single intracerebroventricular injection.")],
    conditions=["Intraventricular Hemorrhage"], phases=["PHASE2"],
    label=L(True, "umbilical-cord", ["allogeneic"], ["intracerebroventricular"], cells(5e6, "per-kg"), 1, "undifferentiated-cells", []))
add(15, "Intralesional MSC in chronic spinal cord injury",
    [("BIOLOGICAL", "BMSC", "Autologous BMSCs, a total of 4 x 10^7 cells injected intralesionally, followed by two intrathecal injections of 3 x 10^7 cells.")],
    conditions=["Spinal Cord Injuries"], phases=["PHASE2"],
    label=L(True, "bone-marrow", ["autologous"], ["intralesional", "intrathecal"], cells(4e7, "total"), 3, "undifferentiated-cells", ["spinal-cord-injury"]))
add(16, "MSC for traumatic brain injury",
    [("BIOLOGICAL", "Mesenchymal stromal cells", "Allogeneic bone marrow MSC, 1.0 x 10^6 cells per kg body weight, intravenous infusion, single dose.")],
    conditions=["Traumatic Brain Injury"], phases=["PHASE1"],
    label=L(True, "bone-marrow", ["allogeneic"], ["intravenous"], cells(1e6, "per-kg"), 1, "undifferentiated-cells", ["traumatic-brain-injury"]))
add(17, "Schwann-like cells from MSC for peripheral nerve injury",
    [("BIOLOGICAL", "Differentiated adipose MSC", "Autologous adipose MSCs differentiated into Schwann-like cells, 5 million cells applied within a nerve conduit.")],
    conditions=["Peripheral Nerve Injuries"], phases=["PHASE1"],
    label=L(True, "adipose", ["autologous"], [], cells(5e6), None, "differentiated-cells", ["peripheral-nerve-injury"]))
add(18, "Intradiscal MSC in degenerative disc disease",
    [("BIOLOGICAL", "Mesenchymal precursor cells", "Allogeneic bone marrow-derived mesenchymal precursor cells, 6 million cells, single intradiscal injection.")],
    conditions=["Degenerative Disc Disease"], phases=["PHASE3"],
    label=L(True, "bone-marrow", ["allogeneic"], ["intradiscal"], cells(6e6), 1, "undifferentiated-cells", ["intervertebral-disc-disease"]))
add(19, "MSC in osteonecrosis of the femoral head",
    [("PROCEDURE", "Core decompression", "Core decompression of the femoral head."),
     ("BIOLOGICAL", "BM-MSC", "Autologous bone marrow MSC, 50,000,000 cells implanted into the necrotic femoral head after core decompression.")],
    conditions=["Osteonecrosis of the Femoral Head"], phases=["PHASE2"],
    label=L(True, "bone-marrow", ["autologous"], ["intraosseous"], cells(5e7), None, "undifferentiated-cells", ["osteonecrosis"]))
add(20, "Intravenous versus intrathecal MSC in progressive MS",
    [("BIOLOGICAL", "MSC intravenous", "Autologous MSCs, 1-2 million cells/kg, intravenously."),
     ("BIOLOGICAL", "MSC intrathecal", "Autologous MSCs, 1-2 million cells/kg, intrathecally.")],
    conditions=["Multiple Sclerosis, Chronic Progressive"], phases=["PHASE2"],
    label=L(True, None, ["autologous"], ["intravenous", "intrathecal"], cells(1e6, "per-kg", 2e6), None, "undifferentiated-cells", ["multiple-sclerosis"]))
add(21, "Arm-described MSC dose in Huntington disease",
    [("BIOLOGICAL", "Cellavita HD", "Human dental pulp mesenchymal stem cells.")],
    arms=[("Low dose", "EXPERIMENTAL", "1 x 10^6 cells/kg intravenously, three administrations 30 days apart.", ["Biological: Cellavita HD"]),
          ("High dose", "EXPERIMENTAL", "2 x 10^6 cells/kg intravenously, three administrations 30 days apart.", ["Biological: Cellavita HD"])],
    conditions=["Huntington Disease"], phases=["PHASE2"],
    label=L(True, "dental-pulp", [], ["intravenous"], cells(1e6, "per-kg"), 3, "undifferentiated-cells", ["huntingtons-disease"]))
add(22, "Intramuscular MSC in muscle injury",
    [("BIOLOGICAL", "Allogeneic MSC", "Umbilical cord derived mesenchymal stem cells, 10^7 cells injected intramuscularly at the injury site.")],
    conditions=["Muscle Injury"], phases=["PHASE1"],
    label=L(True, "umbilical-cord", ["allogeneic"], ["intramuscular"], cells(1e7), None, "undifferentiated-cells", ["muscle-injury"]))
add(23, "Title-only MSC study in hypoxic-ischemic encephalopathy",
    [("BIOLOGICAL", "Cell therapy", None)],
    official="Intranasal Bone Marrow Mesenchymal Stem Cells in Neonatal Hypoxic-Ischemic Encephalopathy",
    conditions=["Hypoxic-Ischemic Encephalopathy"], phases=["PHASE1"],
    label=L(True, "bone-marrow", [], ["intranasal"], None, None, "undifferentiated-cells", ["hypoxic-ischemic-brain-injury"]))

# --- Invented negatives (not MSC-based). ---
add(40, "Bone marrow mononuclear cells in ischemic stroke",
    [("BIOLOGICAL", "Autologous BMMNC", "Autologous bone marrow mononuclear cells, 1 x 10^8 cells, intra-arterial."),
     ("OTHER", "Standard care", None)],
    conditions=["Ischemic Stroke"], phases=["PHASE2"],
    label=L(False, conditions=["ischemic-stroke"]))
add(41, "Platelet-rich plasma for knee osteoarthritis",
    [("BIOLOGICAL", "Platelet-rich plasma", "Three intra-articular injections of autologous PRP, 5 mL each.")],
    conditions=["Knee Osteoarthritis"], phases=["NA"],
    label=L(False, conditions=["knee-osteoarthritis"]))
add(42, "Hematopoietic stem cell transplantation in multiple sclerosis",
    [("PROCEDURE", "Autologous HSCT", "Autologous hematopoietic stem cell transplantation after cyclophosphamide mobilisation.")],
    conditions=["Multiple Sclerosis"], phases=["PHASE3"],
    label=L(False, conditions=["multiple-sclerosis"]))
add(43, "Rehabilitation after spinal cord injury",
    [("BEHAVIORAL", "Locomotor training", "Body-weight supported treadmill training, 5 sessions per week.")],
    conditions=["Spinal Cord Injuries"], phases=["NA"],
    label=L(False, conditions=["spinal-cord-injury"]))

os.makedirs(os.path.join(HERE, "constructed"), exist_ok=True)
labels = {}
for name, record, label in R:
    with open(os.path.join(HERE, "constructed", name + ".json"), "w") as f:
        json.dump(record, f, indent=2, ensure_ascii=False)
        f.write("\n")
    labels["constructed/" + name + ".json"] = label

# Real non-MSC samples from the shared data (read through STROMA_SHARED_DATA).
REAL = ["NCT02210780.json", "NCT03418623.json", "NCT05594173.json", "NCT00763412.json",
        "NCT04207047.json", "NCT02552212.json", "NCT00465816.json", "NCT03453554.json"]
for name in REAL:
    labels["shared:clinicaltrials/v2-json/" + name] = {"is_msc": False}
with open(os.path.join(HERE, "labels.json"), "w") as f:
    json.dump(labels, f, indent=2, sort_keys=True)
    f.write("\n")
print(len(labels), "labelled records")
