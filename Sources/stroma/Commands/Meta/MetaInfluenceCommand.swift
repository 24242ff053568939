import ArgumentParser
import StromaWorkbench

/// `stroma meta influence`: case-deletion diagnostics.
struct MetaInfluenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "influence",
        abstract: "Influence diagnostics (metafor influence.rma.uni).")

    @OptionGroup var inputOptions: MetaInputOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .long, parsing: .singleValue, help: "Moderator columns, comma-separated.")
    var mods: [String] = []

    func run() async throws {
        let result = try MetaDiagnostics.influence(try inputOptions.run(mods: mods))
        let names = result.body.coefficientNames
        let table: (NumberStyle) -> [[String]] = { s in
            result.body.rows.map { r in
                [
                    r.study, s.f(r.rstudent), s.f(r.dffits), s.f(r.cooksDistance), s.f(r.covarianceRatio),
                    s.f(r.tau2Deleted), s.f(r.qeDeleted), s.f(r.hat), s.f(r.weight, 2),
                ]
                    + names.map { s.f(r.dfbetas[$0]?.wrappedValue) } + [r.influential ? "*" : ""]
            }
        }
        try MetaRowsOutput(
            title: "Influence diagnostics (k = \(result.header.k); \(result.header.method); * = influential)",
            headers: ["study", "rstudent", "dffits", "cook.d", "cov.r", "tau2.del", "QE.del", "hat", "weight"]
                + names.map { "dfbs.\($0)" } + ["inf"],
            rows: table
        ).write(formatOptions.format, result: result)
    }
}
