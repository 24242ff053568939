if CommandLine.arguments.dropFirst().first == "import" { ImportBenchmarks.run(Array(CommandLine.arguments.dropFirst(2))) }
print("stroma-bench: benchmarks are added per module; see bench/README.md")
