import Foundation

/// `stroma-bench <module> …`: release-mode benchmarks, each run side by side with its peer tool
/// by a script under scripts/bench/ (see docs for the figures).
let benchArguments = Array(CommandLine.arguments.dropFirst())
switch benchArguments.first {
case "meta":
    do { try MetaBench.run(arguments: Array(benchArguments.dropFirst())) } catch {
        FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
        exit(1)
    }
case "kinetics":
    KineticsBench.runIfRequested()
case "import":
    ImportBenchmarks.run(Array(benchArguments.dropFirst()))
default:
    print("stroma-bench: release-mode benchmarks, run by scripts/bench/*.sh")
    print("  stroma-bench meta --data DIR        meta-analysis engine (scripts/bench/meta.sh)")
    print("  stroma-bench kinetics OUTDIR …      cell kinetics (scripts/bench/kinetics.sh)")
    print("  stroma-bench import DIR|ZIP         ClinicalTrials.gov reader (scripts/bench/import.sh)")
}
