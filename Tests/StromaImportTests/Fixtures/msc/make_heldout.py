#!/usr/bin/env python3
"""Writes the HELD-OUT MSC test records and their hand labels (heldout/*.json,
heldout-labels.json).

CONSTRUCTED TEST RECORDS — NOT REGISTRY DOWNLOADS. Written by hand, after MSCRecognizer and the
development set (make_fixtures.py) were finished, in registry phrasing the recogniser had not been
tuned on, to measure it on text it has not seen. Identifiers NCT990001xx are not real
registrations; the wording is invented to resemble ClinicalTrials.gov descriptions and describes
no real trial. Labels are hand labels written beside each text, never output of Stroma.
docs/msc-recognition.md reports the figures measured on this set before any change to the
recogniser.

Run: python3 make_heldout.py
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
ORG = {"fullName": "Stroma constructed test record (not a registry download)", "class": "OTHER"}

def study(nct, title, interventions, conditions=(), phases=("PHASE1",), arms=()):
    return {
        "protocolSection": {
            "identificationModule": {"nctId": nct, "orgStudyIdInfo": {"id": "STROMA-HELDOUT"},
                                     "organization": ORG, "briefTitle": title},
            "statusModule": {"overallStatus": "RECRUITING", "startDateStruct": {"date": "2023-05"},
                             "lastUpdatePostDateStruct": {"date": "2024-06-01", "type": "ACTUAL"}},
            "conditionsModule": {"conditions": list(conditions)},
            "designModule": {"studyType": "INTERVENTIONAL", "phases": list(phases),
                             "enrollmentInfo": {"count": 30, "type": "ESTIMATED"}},
            "armsInterventionsModule": {
                **({"armGroups": [dict(label=a[0], type=a[1], description=a[2], interventionNames=a[3]) for a in arms]} if arms else {}),
                "interventions": [dict(type=i[0], name=i[1], **({"description": i[2]} if i[2] else {})) for i in interventions],
            },
        },
        "hasResults": False,
    }

def L(is_msc, source=None, origins=(), routes=(), dose=None, administrations=None, form=None, conditions=()):
    return {"is_msc": is_msc, "source": source, "origins": list(origins), "routes": list(routes),
            "dose": dose, "administrations": administrations, "product_form": form,
            "conditions": list(conditions)}

def cells(n, basis="unspecified", high=None):
    return {"cells": n, "cells_high": high, "basis": basis}

R = []
R.append(("NCT99000101", study("NCT99000101", "Umbilical Cord MSCs After Acute Ischemic Stroke",
    [("BIOLOGICAL", "hUC-MSC", "Allogeneic umbilical cord-derived mesenchymal stromal cells (hUC-MSCs), a single intravenous infusion of 1.0 x 10^6 cells/kg on day 1.")],
    conditions=["Acute Ischemic Stroke"], phases=["PHASE2"]),
    L(True, "umbilical-cord", ["allogeneic"], ["intravenous"], cells(1e6, "per-kg"), 1, "undifferentiated-cells", ["ischemic-stroke"])))
R.append(("NCT99000102", study("NCT99000102", "Intrathecal Autologous Mesenchymal Stromal Cells in ALS",
    [("BIOLOGICAL", "Autologous BM-MSC", "Autologous bone marrow-derived mesenchymal stromal cells, 2 x 10^7 cells injected intrathecally by lumbar puncture, two injections 4 weeks apart.")],
    conditions=["Amyotrophic Lateral Sclerosis"], phases=["PHASE2"]),
    L(True, "bone-marrow", ["autologous"], ["intrathecal"], cells(2e7), 2, "undifferentiated-cells", ["amyotrophic-lateral-sclerosis"])))
R.append(("NCT99000103", study("NCT99000103", "Wharton's Jelly MSC Injection for Knee Osteoarthritis",
    [("BIOLOGICAL", "WJ-MSC", "Wharton's jelly mesenchymal stem cells, 100 million cells in 3 mL, intra-articular injection into the affected knee."),
     ("DRUG", "Hyaluronic acid", "Intra-articular hyaluronic acid, 3 weekly injections.")],
    conditions=["Knee Osteoarthritis"], phases=["PHASE2"]),
    L(True, "whartons-jelly", [], ["intra-articular"], cells(1e8), None, "undifferentiated-cells", ["knee-osteoarthritis"])))
R.append(("NCT99000104", study("NCT99000104", "Intranasal MSC-derived Exosomes in Mild Alzheimer's Disease",
    [("BIOLOGICAL", "MSC-Exos", "Exosomes secreted by mesenchymal stem cells, delivered by intranasal spray twice a week for 12 weeks.")],
    conditions=["Alzheimer Disease"], phases=["PHASE1", "PHASE2"]),
    L(True, None, [], ["intranasal"], None, None, "extracellular-vesicles", ["alzheimers-disease"])))
R.append(("NCT99000105", study("NCT99000105", "Adipose-derived MSCs for Discogenic Low Back Pain",
    [("BIOLOGICAL", "AD-MSC", "Autologous adipose tissue-derived mesenchymal stem cells, 5 × 10^7 cells, single intradiscal injection under fluoroscopy.")],
    conditions=["Degenerative Disc Disease"], phases=["PHASE1"]),
    L(True, "adipose", ["autologous"], ["intradiscal"], cells(5e7), 1, "undifferentiated-cells", ["intervertebral-disc-disease"])))
R.append(("NCT99000106", study("NCT99000106", "Pooled Bone Marrow MSCs in Critical Limb Ischemia",
    [("BIOLOGICAL", "Allogeneic pooled MSC", "Ex vivo expanded allogeneic bone marrow-derived mesenchymal stromal cells, 2 million cells per kg body weight, intramuscular injections into the gastrocnemius."),
     ("OTHER", "Placebo", "Plasmalyte A with human serum albumin.")],
    conditions=["Critical Limb Ischemia"], phases=["PHASE3"]),
    L(True, "bone-marrow", ["allogeneic"], ["intramuscular"], cells(2e6, "per-kg"), None, "undifferentiated-cells", [])))
R.append(("NCT99000107", study("NCT99000107", "Autologous Haematopoietic Stem Cell Transplantation in Aggressive Multiple Sclerosis",
    [("PROCEDURE", "aHSCT", "Mobilisation with cyclophosphamide and G-CSF, BEAM-ATG conditioning, reinfusion of autologous CD34+ haematopoietic stem cells.")],
    conditions=["Multiple Sclerosis"], phases=["PHASE3"]),
    L(False, conditions=["multiple-sclerosis"])))
R.append(("NCT99000108", study("NCT99000108", "Human Spinal Cord-derived Neural Stem Cells in ALS",
    [("BIOLOGICAL", "NSI-566", "Human neural stem cells transplanted by intraspinal injection into the cervical cord.")],
    conditions=["ALS"], phases=["PHASE2"]),
    L(False, conditions=["amyotrophic-lateral-sclerosis"])))
R.append(("NCT99000109", study("NCT99000109", "MSC-derived Neural Progenitors in Progressive Multiple Sclerosis",
    [("BIOLOGICAL", "MSC-NP", "Autologous bone marrow mesenchymal stem cell-derived neural progenitors (MSC-NP), 1 x 10^7 cells intrathecally, three injections every 3 months.")],
    conditions=["Progressive Multiple Sclerosis"], phases=["PHASE2"]),
    L(True, "bone-marrow", ["autologous"], ["intrathecal"], cells(1e7), 3, "differentiated-cells", ["multiple-sclerosis"])))
R.append(("NCT99000110", study("NCT99000110", "Cord Blood MSCs for Hypoxic-Ischemic Encephalopathy in Neonates",
    [("BIOLOGICAL", "hUCB-MSC", "Allogeneic human umbilical cord blood-derived mesenchymal stem cells, 5 × 10^6 cells/kg, intravenous, single dose within 14 days of birth.")],
    conditions=["Hypoxic-Ischemic Encephalopathy"], phases=["PHASE1"]),
    L(True, "cord-blood", ["allogeneic"], ["intravenous"], cells(5e6, "per-kg"), 1, "undifferentiated-cells", ["hypoxic-ischemic-brain-injury"])))
R.append(("NCT99000111", study("NCT99000111", "Intra-arterial Bone Marrow MSCs in Subacute Stroke",
    [("BIOLOGICAL", "BM-MSC", "Autologous bone marrow mesenchymal stem cells 1-2 × 10^6 cells/kg delivered intra-arterially through the internal carotid artery.")],
    conditions=["Ischemic Stroke"], phases=["PHASE2"]),
    L(True, "bone-marrow", ["autologous"], ["intra-arterial"], cells(1e6, "per-kg", 2e6), None, "undifferentiated-cells", ["ischemic-stroke"])))
R.append(("NCT99000112", study("NCT99000112", "Umbilical Cord MSC Transplantation Into the Lesion After Chronic Spinal Cord Injury",
    [("BIOLOGICAL", "UC-MSC", "Umbilical cord mesenchymal stem cells, 4 × 10^7 cells in total, injected into the spinal cord lesion during surgery.")],
    arms=[("Experimental: UC-MSC", "EXPERIMENTAL", "Subarachnoid (intrathecal) infusions of UC-MSC monthly for 4 months after the surgical injection.", ["UC-MSC"])],
    conditions=["Spinal Cord Injuries"], phases=["PHASE1", "PHASE2"]),
    L(True, "umbilical-cord", [], ["intralesional", "intrathecal"], cells(4e7, "total"), None, "undifferentiated-cells", ["spinal-cord-injury"])))

os.makedirs(os.path.join(HERE, "heldout"), exist_ok=True)
labels = {}
for name, record, label in R:
    with open(os.path.join(HERE, "heldout", name + ".json"), "w", encoding="utf-8") as f:
        json.dump(record, f, indent=1, ensure_ascii=False)
    labels["heldout/" + name + ".json"] = label
with open(os.path.join(HERE, "heldout-labels.json"), "w", encoding="utf-8") as f:
    json.dump(labels, f, indent=1, sort_keys=True)
