KineticsBench.runIfRequested()
print("stroma-bench: benchmarks are added per module; see bench/README.md")
