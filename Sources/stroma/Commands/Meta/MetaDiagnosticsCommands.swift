import ArgumentParser
import Foundation
import StromaDomain
import StromaPlot
import StromaStatistics

/// Prints a diagnostics result: rows for table/CSV, a JSON document for `--format json`.
struct MetaRowsOutput {
    var title: String
    var headers: [String]
    /// Rows for the given number style (table: rounded; CSV: full precision).
    var rows: (NumberStyle) -> [[String]]
    var json: [String: MetaJSON]

    func write(_ format: OutputFormat, run: MetaRun) throws {
        switch format {
        case .table:
            StandardStreams.writeData(
                title + "\n\n" + TextTable(headers: headers, rows: rows(NumberStyle(machine: false))).render())
            for warning in run.warnings { StandardStreams.writeMessage("warning: \(warning)") }
        case .csv:
            StandardStreams.writeData(CSVText.render(headers: headers, rows: rows(NumberStyle(machine: true))))
            for warning in run.warnings { StandardStreams.writeMessage("warning: \(warning)") }
        case .json:
            var object = json
            let fit = run.overall
            object["version"] = .string(StromaVersion.current)
            object["engine_version"] = .string(fit.packageVersion)
            object["k"] = .int(fit.k)
            object["measure"] = .string(run.dataset.measure.rawValue)
            object["method"] = .string(fit.method.rawValue)
            object["test"] = .string(MetaTestName.name(fit.options.test))
            object["level"] = .number(fit.options.level)
            object["warnings"] = .array(run.warnings.map(MetaJSON.string))
            StandardStreams.writeData(try JSONText.render(MetaJSON.object(object)))
        }
    }
}

/// How numbers are written: rounded for the terminal, full precision for CSV.
struct NumberStyle {
    var machine: Bool

    func f(_ value: Double?, _ digits: Int = 4) -> String {
        guard machine else { return MetaTextReport.f(value, digits) }
        return value.map(MetaReport.full) ?? "NA"
    }

    func p(_ value: Double) -> String { machine ? MetaReport.full(value) : MetaTextReport.p(value) }
}

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
        guard let kind = TrimAndFillResult.Estimator(rawValue: estimator.uppercased()) else {
            throw MetaCommandError("'--estimator': '\(estimator)' is not valid; expected L0 or R0")
        }
        let run = try MetaRun(
            dataset: try MetaDataset(options: inputOptions),
            options: inputOptions.modelOptions, mods: [], by: nil)
        let fit = run.overall
        let egger = try fit.eggerTest()
        let eggerLM = try fit.eggerTest(classical: true)
        let begg = try fit.rankCorrelationTest()
        let fill = try fit.trimAndFill(estimator: kind)
        if let funnel {
            let filled = zip(fill.filledYi, fill.filledVi).map { (yi: $0.0, vi: $0.1) }
            try MetaPlots.write(
                MetaPlots.funnel(
                    run, imputed: filled,
                    estimate: fill.adjusted.pooled.estimate
                ).svg(), to: funnel)
        }
        func eggerJSON(_ e: EggerTest) -> MetaJSON {
            .object([
                "model": .string(e.model), "statistic": .num(e.statistic), "df": .num(e.df),
                "p": .num(e.pValue), "limit_estimate": .num(e.limitEstimate),
                "limit_ci_lb": .num(e.limitCILower), "limit_ci_ub": .num(e.limitCIUpper),
            ])
        }
        let adjusted = fill.adjusted.pooled
        let json: [String: MetaJSON] = [
            "estimate": .num(fit.pooled.estimate),
            "egger": eggerJSON(egger), "egger_lm": eggerJSON(eggerLM),
            "begg": .object([
                "kendall_tau": .num(begg.kendallTau), "p": .num(begg.pValue),
                "exact": .bool(begg.exact),
            ]),
            "trimfill": .object([
                "estimator": .string(fill.estimator.rawValue), "side": .string(fill.side.rawValue),
                "k0": .int(fill.missing), "k0_se": .num(fill.missingStandardError),
                "k0_p": .num(fill.missingPValue), "estimate": .num(adjusted.estimate),
                "se": .num(adjusted.standardError), "ci_lb": .num(adjusted.ciLower),
                "ci_ub": .num(adjusted.ciUpper), "p": .num(adjusted.pValue),
                "tau2": .num(fill.adjusted.tau2),
                "filled": .array(
                    zip(fill.filledYi, fill.filledVi).map {
                        .object(["yi": .num($0.0), "vi": .num($0.1)])
                    }),
            ]),
        ]
        let statName = fit.options.test == .z ? "z" : "t"
        let rows: (NumberStyle) -> [[String]] = { s in
            [
                [
                    "Egger (rma, sei)", "\(statName) = \(s.f(egger.statistic))", s.p(egger.pValue),
                    "limit estimate \(s.f(egger.limitEstimate)) [\(s.f(egger.limitCILower)), \(s.f(egger.limitCIUpper))]",
                ],
                [
                    "Egger (lm, classical)", "t = \(s.f(eggerLM.statistic)) (df \(Int(eggerLM.df ?? 0)))",
                    s.p(eggerLM.pValue),
                    "limit estimate \(s.f(eggerLM.limitEstimate)) [\(s.f(eggerLM.limitCILower)), \(s.f(eggerLM.limitCIUpper))]",
                ],
                [
                    "Begg (rank correlation)", "Kendall tau = \(s.f(begg.kendallTau))", s.p(begg.pValue),
                    begg.exact ? "exact p" : "normal approximation",
                ],
                [
                    "Trim-and-fill (\(fill.estimator.rawValue))", "k0 = \(fill.missing) (\(fill.side.rawValue))",
                    fill.missingPValue.map(s.p) ?? "",
                    "adjusted estimate \(s.f(adjusted.estimate)) [\(s.f(adjusted.ciLower)), \(s.f(adjusted.ciUpper))]",
                ],
            ]
        }
        try MetaRowsOutput(
            title: "Publication bias (k = \(fit.k); \(fit.method.rawValue); estimate "
                + "\(MetaTextReport.f(fit.pooled.estimate)))", headers: ["test", "statistic", "p", "note"], rows: rows,
            json: json
        ).write(formatOptions.format, run: run)
    }
}

/// `stroma meta leave1out` and `stroma meta cumulative` share the row layout.
enum MetaSensitivityOutput {
    static func output(_ rows: [SensitivityRow], run: MetaRun, key: String, title: String) -> MetaRowsOutput {
        let table: (NumberStyle) -> [[String]] = { s in
            rows.map { r in
                [
                    r.label, s.f(r.estimate), s.f(r.standardError), s.f(r.statistic), s.p(r.pValue),
                    s.f(r.ciLower), s.f(r.ciUpper), s.f(r.q), s.p(r.qPValue), s.f(r.tau2), s.f(r.i2, 2), s.f(r.h2, 2),
                ]
            }
        }
        let json = rows.map { r -> MetaJSON in
            .object([
                key: .string(r.label), "estimate": .num(r.estimate), "se": .num(r.standardError),
                "statistic": .num(r.statistic), "p": .num(r.pValue), "ci_lb": .num(r.ciLower),
                "ci_ub": .num(r.ciUpper), "Q": .num(r.q), "Q_p": .num(r.qPValue), "tau2": .num(r.tau2),
                "I2": .num(r.i2), "H2": .num(r.h2), "warnings": .array(r.warnings.map(MetaJSON.string)),
            ])
        }
        return MetaRowsOutput(
            title: title,
            headers: [
                key, "estimate", "se", "stat", "pval", "ci.lb",
                "ci.ub", "Q", "Qp", "tau2", "I2", "H2",
            ], rows: table, json: ["rows": .array(json)])
    }
}

/// `stroma meta leave1out`: the model refitted without each study in turn.
struct MetaLeaveOneOutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave1out",
        abstract: "Leave-one-out sensitivity analysis (metafor leave1out).")

    @OptionGroup var inputOptions: MetaInputOptions
    @OptionGroup var formatOptions: FormatOptions

    func run() async throws {
        let run = try MetaRun(
            dataset: try MetaDataset(options: inputOptions),
            options: inputOptions.modelOptions, mods: [], by: nil)
        let rows = try run.overall.leaveOneOut()
        try MetaSensitivityOutput.output(
            rows, run: run, key: "study_left_out",
            title: "Leave-one-out (k = \(run.overall.k); \(run.overall.method.rawValue))"
        )
        .write(formatOptions.format, run: run)
    }
}

/// `stroma meta cumulative`: studies added one at a time (file order or `--order COLUMN`).
struct MetaCumulativeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cumulative",
        abstract: "Cumulative meta-analysis (metafor cumul), ordered by a numeric column.")

    @OptionGroup var inputOptions: MetaInputOptions
    @OptionGroup var formatOptions: FormatOptions

    @Option(name: .long, help: "Numeric moderator column giving the order (e.g. year); default: file order.")
    var order: String?

    func run() async throws {
        let dataset = try MetaDataset(options: inputOptions)
        let run = try MetaRun(dataset: dataset, options: inputOptions.modelOptions, mods: [], by: nil)
        var keys: [Double]?
        if let order {
            let column = try dataset.moderatorColumn(order, option: "--order")
            keys = try run.overall.yi.indices.map { i in
                guard let value = run.comparison(i).moderators[column]?.number else {
                    let c = run.comparison(i)
                    throw MetaCommandError(
                        "--order: line \(c.line ?? 0) ('\(c.study)') has no number in "
                            + "column '\(column)'; the order column must be numeric for every study")
                }
                return value
            }
        }
        let rows = try run.overall.cumulative(sortKeys: keys)
        try MetaSensitivityOutput.output(
            rows, run: run, key: "study_added",
            title: "Cumulative meta-analysis (k = \(run.overall.k); \(run.overall.method.rawValue))"
        )
        .write(formatOptions.format, run: run)
    }
}

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
        let run = try MetaRun(
            dataset: try MetaDataset(options: inputOptions),
            options: inputOptions.modelOptions, mods: MetaPoolCommand.columns(mods), by: nil)
        let rows = try run.overall.influence()
        let names = run.overall.coefficients.map(\.name)
        let table: (NumberStyle) -> [[String]] = { s in
            rows.map { r in
                [
                    r.label, s.f(r.rstudent), s.f(r.dffits), s.f(r.cooksDistance), s.f(r.covarianceRatio),
                    s.f(r.tau2Deleted), s.f(r.qeDeleted), s.f(r.hat), s.f(r.weight, 2),
                ]
                    + r.dfbetas.map { s.f($0) } + [r.influential ? "*" : ""]
            }
        }
        let json = rows.map { r -> MetaJSON in
            .object([
                "study": .string(r.label), "rstudent": .num(r.rstudent), "dffits": .num(r.dffits),
                "cook_d": .num(r.cooksDistance), "cov_r": .num(r.covarianceRatio),
                "tau2_del": .num(r.tau2Deleted), "QE_del": .num(r.qeDeleted), "hat": .num(r.hat),
                "weight": .num(r.weight),
                "dfbetas": .object(Dictionary(uniqueKeysWithValues: zip(names, r.dfbetas.map { MetaJSON.num($0) }))),
                "influential": .bool(r.influential),
            ])
        }
        try MetaRowsOutput(
            title: "Influence diagnostics (k = \(run.overall.k); \(run.overall.method.rawValue); * = influential)",
            headers: [
                "study", "rstudent", "dffits", "cook.d", "cov.r", "tau2.del", "QE.del", "hat",
                "weight",
            ] + names.map { "dfbs.\($0)" } + ["inf"],
            rows: table, json: ["rows": .array(json)]
        ).write(formatOptions.format, run: run)
    }
}

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
        guard iterations >= 1 else {
            throw MetaCommandError("'--iterations' must be at least 1, got \(iterations)")
        }
        let run = try MetaRun(
            dataset: try MetaDataset(options: inputOptions),
            options: inputOptions.modelOptions, mods: MetaPoolCommand.columns(mods), by: nil)
        let result = try run.overall.permutationTest(iterations: iterations, exact: exact, seed: seed)
        let coefficients = run.overall.coefficients
        let table: (NumberStyle) -> [[String]] = { s in
            coefficients.indices.map { j in
                [
                    coefficients[j].name, s.f(coefficients[j].estimate), s.f(result.observedStatistics[j]),
                    s.p(coefficients[j].pValue), s.p(result.coefficientPValues[j]),
                ]
            }
        }
        let json: [String: MetaJSON] = [
            "iterations": .int(result.iterations), "exact": .bool(result.exact),
            "seed": result.seed.map { .string(String($0)) } ?? .null, "scheme": .string(result.scheme),
            "failed_fits": .int(result.failedFits), "QM_p_perm": .num(result.omnibusPValue),
            "coefficients": .array(
                coefficients.indices.map { j in
                    .object([
                        "name": .string(coefficients[j].name), "estimate": .num(coefficients[j].estimate),
                        "statistic": .num(result.observedStatistics[j]), "p": .num(coefficients[j].pValue),
                        "p_perm": .num(result.coefficientPValues[j]),
                    ])
                }),
        ]
        try MetaRowsOutput(
            title: "Permutation test (\(result.scheme), \(result.iterations) permutations"
                + "\(result.exact ? ", exact" : ", seed \(seed)"); omnibus p = \(MetaTextReport.p(result.omnibusPValue)))",
            headers: ["coefficient", "estimate", "stat", "pval", "pval.perm"], rows: table, json: json
        )
        .write(formatOptions.format, run: run)
    }
}
