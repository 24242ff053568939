import ArgumentParser
import StromaWorkbench

/// `stroma meta permutation`: permutation p-values for the coefficients and QM.
struct MetaPermutationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permutation",
        abstract: "Permutation test (metafor permutest): sign flips, or row permutations with --mods.")

    @OptionGroup var inputOptions: MetaInputOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .long, parsing: .singleValue, help: "Moderator columns, comma-separated.")
    var mods: [String] = []

    @Option(name: .long, help: "Number of random permutations (ignored when exact).")
    var iterations: Int = 1000

    @Flag(name: .long, help: "Enumerate every distinct permutation.")
    var exact = false

    @Option(name: .long, help: "Seed of the random permutations.")
    var seed: UInt64 = 20_240_601

    func run() async throws {
        try MetaPermutationSummary.checkIterations(iterations)
        let result = try MetaDiagnostics.permutation(
            try inputOptions.run(mods: mods), iterations: iterations, exact: exact, seed: seed)
        let test = result.body
        let table: (NumberStyle) -> [[String]] = { s in
            test.coefficients.map { c in [c.name, s.f(c.estimate), s.f(c.statistic), s.p(c.p), s.p(c.permutationP)] }
        }
        try MetaRowsOutput(
            title: "Permutation test (\(test.scheme), \(test.iterations) permutations"
                + "\(test.exact ? ", exact" : ", seed \(seed)"); omnibus p = "
                + "\(test.omnibusPermutationP.map(MetaTextReport.p) ?? "NA"))",
            headers: ["coefficient", "estimate", "stat", "pval", "pval.perm"], rows: table
        )
        .write(formatOptions.format, result: result)
    }
}
