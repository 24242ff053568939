import Foundation

let benchArguments = Array(CommandLine.arguments.dropFirst())
switch benchArguments.first {
case "meta":
    do { try MetaBench.run(arguments: Array(benchArguments.dropFirst())) } catch {
        FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
        exit(1)
    }
default:
    print("stroma-bench: benchmarks are added per module; see bench/README.md")
    print("  stroma-bench meta --data DIR   meta-analysis engine (run scripts/bench/meta.sh)")
}
