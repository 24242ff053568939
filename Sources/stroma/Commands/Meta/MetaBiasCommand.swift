import ArgumentParser
import StromaPlot
import StromaWorkbench

/// `stroma meta bias`: Egger's regression test, Begg's rank test and trim-and-fill.
struct MetaBiasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bias",
        abstract: "Funnel-plot asymmetry: Egger (rma and lm), Begg, trim-and-fill.")

    @OptionGroup var inputOptions: MetaInputOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .long, help: "Trim-and-fill estimator: L0 or R0.")
    var estimator: String = "L0"

    @Option(name: .long, help: "Write a funnel plot with the imputed studies (SVG) to this file.")
    var funnel: String?

    func run() async throws {
        let kind = try MetaBiasTests.estimator(estimator)
        let run = try inputOptions.run()
        let result = try MetaDiagnostics.bias(run, estimator: kind)
        let tests = result.body
        if let funnel {
            let filled = tests.trimAndFill.filled.map { (yi: $0.yi ?? .nan, vi: $0.vi ?? .nan) }
            try MetaSVGFile.write(
                try MetaPlots.funnel(run, imputed: filled, estimate: tests.trimAndFill.estimate).svg(), to: funnel)
        }
        let statName = result.header.test == "z" ? "z" : "t"
        let (egger, eggerLM, begg, fill) = (tests.egger, tests.eggerLM, tests.begg, tests.trimAndFill)
        let rows: (NumberStyle) -> [[String]] = { s in
            [
                [
                    "Egger (rma, sei)", "\(statName) = \(s.f(egger.statistic))", s.p(egger.p),
                    "limit estimate \(s.f(egger.limitEstimate)) [\(s.f(egger.limitCILower)), \(s.f(egger.limitCIUpper))]",
                ],
                [
                    "Egger (lm, classical)", "t = \(s.f(eggerLM.statistic)) (df \(Int(eggerLM.df ?? 0)))",
                    s.p(eggerLM.p),
                    "limit estimate \(s.f(eggerLM.limitEstimate)) [\(s.f(eggerLM.limitCILower)), \(s.f(eggerLM.limitCIUpper))]",
                ],
                [
                    "Begg (rank correlation)", "Kendall tau = \(s.f(begg.kendallTau))", s.p(begg.p),
                    begg.exact ? "exact p" : "normal approximation",
                ],
                [
                    "Trim-and-fill (\(fill.estimator))", "k0 = \(fill.k0) (\(fill.side))",
                    fill.k0P.map(s.p) ?? "",
                    "adjusted estimate \(s.f(fill.estimate)) [\(s.f(fill.ciLower)), \(s.f(fill.ciUpper))]",
                ],
            ]
        }
        try MetaRowsOutput(
            title: "Publication bias (k = \(result.header.k); \(result.header.method); estimate "
                + "\(MetaTextReport.f(tests.estimate)))", headers: ["test", "statistic", "p", "note"], rows: rows
        ).write(formatOptions.format, result: result)
    }
}
