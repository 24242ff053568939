#!/usr/bin/env python3
"""Builds a benchmark corpus of ClinicalTrials.gov API v2 study files by re-identifying the real
samples in $STROMA_SHARED_DATA/clinicaltrials/v2-json (the v1 file is skipped): record i is sample
i mod 9 with nctId NCT9xxxxxxx. Writes <out>/studies/ (one file per study) and <out>/studies.zip
(deflate, ZIP64 when needed). Never commit the output.

usage: scripts/bench/import_corpus.py <out-folder> [count=50000]
"""
import json, os, sys, zipfile

def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 50000
    shared = os.environ.get("STROMA_SHARED_DATA") or os.path.join(os.path.dirname(__file__), "../../../shared/data")
    folder = os.path.join(shared, "clinicaltrials", "v2-json")
    samples = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            text = f.read().decode("utf-8")
        study = json.loads(text)
        if "protocolSection" not in study:
            continue  # the retired v1 shape
        samples.append((study["protocolSection"]["identificationModule"]["nctId"], text))
    studies = os.path.join(out, "studies")
    os.makedirs(studies, exist_ok=True)
    with zipfile.ZipFile(os.path.join(out, "studies.zip"), "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
        for i in range(count):
            old, text = samples[i % len(samples)]
            new = "NCT9%07d" % i
            data = text.replace('"nctId": "%s"' % old, '"nctId": "%s"' % new, 1).encode("utf-8")
            with open(os.path.join(studies, new + ".json"), "wb") as f:
                f.write(data)
            z.writestr("ctg-studies/%s.json" % new, data)
    print("make-corpus: %d studies in %s and %s" % (count, studies, os.path.join(out, "studies.zip")), file=sys.stderr)

main()
