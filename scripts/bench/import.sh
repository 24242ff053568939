#!/usr/bin/env bash
# ClinicalTrials.gov import benchmark: stroma-bench import (release) against Python's json module
# on a 50,000-record corpus; see bench/import/run.sh and docs/import-formats.md.
#   scripts/bench/import.sh [count=50000] [corpus-folder]
exec "$(dirname "$0")/../../bench/import/run.sh" "$@"
