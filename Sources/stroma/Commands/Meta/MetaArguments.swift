import ArgumentParser
import Foundation
import StromaDomain
import StromaPlot
import StromaStatistics

/// `--measure`: an effect-size measure, or `yivi` for precomputed effects.
enum MetaMeasure: String, ExpressibleByArgument, CaseIterable, Sendable {
    case smd = "SMD", smdRevman = "SMD-revman", smdh = "SMDH", md = "MD", rom = "ROM", nmd = "NMD"
    case rr = "RR", or = "OR", rd = "RD", zcor = "ZCOR", plo = "PLO", pft = "PFT", yivi

    init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() })
        else { return nil }
        self = match
    }

    static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// The statistics engine's measure; `nil` for `yivi`.
    var effectMeasure: EffectMeasure? {
        switch self {
        case .smd: .standardizedMeanDifference
        case .smdRevman: .standardizedMeanDifferenceRevMan
        case .smdh: .standardizedMeanDifferenceHeteroscedastic
        case .md: .meanDifference
        case .rom: .logRatioOfMeans
        case .nmd: .normalizedMeanDifference
        case .rr: .logRiskRatio
        case .or: .logOddsRatio
        case .rd: .riskDifference
        case .zcor: .fisherZ
        case .plo: .logitProportion
        case .pft: .freemanTukeyProportion
        case .yivi: nil
        }
    }

    /// The axis title of plots.
    var axisLabel: String {
        switch self {
        case .smd, .smdRevman: "Standardised mean difference (Hedges' g)"
        case .smdh: "Standardised mean difference (Bonett)"
        case .md: "Mean difference"
        case .rom: "Ratio of means (log scale)"
        case .nmd: "Normalised mean difference (%)"
        case .rr: "Risk ratio (log scale)"
        case .or: "Odds ratio (log scale)"
        case .rd: "Risk difference"
        case .zcor: "Fisher's z"
        case .plo: "Logit proportion"
        case .pft: "Freeman–Tukey transformed proportion"
        case .yivi: "Effect size"
        }
    }

    /// The measure's label in results.
    var label: String { effectMeasure?.label ?? "yi/vi as given" }
}

/// `--method`: the τ² estimator.
enum MetaMethod: String, ExpressibleByArgument, CaseIterable, Sendable {
    case ee = "EE", dl = "DL", he = "HE", hs = "HS", sj = "SJ", ml = "ML", reml = "REML", eb = "EB"
    case pm = "PM"

    init?(argument: String) {
        let wanted = argument.uppercased() == "FE" ? "EE" : argument.uppercased()
        guard let match = Self.allCases.first(where: { $0.rawValue == wanted }) else { return nil }
        self = match
    }

    var estimator: TauEstimator { TauEstimator(rawValue: rawValue)! }
}

/// `--test`: how coefficients are tested.
enum MetaTest: String, ExpressibleByArgument, CaseIterable, Sendable {
    case z, t, knha

    var inference: InferenceTest {
        switch self {
        case .z: .z
        case .t: .t
        case .knha: .knappHartung
        }
    }
}

/// Options shared by every `stroma meta` subcommand: input, measure and model.
struct MetaInputOptions: ParsableArguments {
    @Option(name: .long, help: "Input CSV: Stroma's comparison layout, or a SyRF export with --syrf.")
    var input: String?

    @Flag(name: .long, help: "Read a SyRF quantitative outcome-data export.")
    var syrf = false

    @Flag(
        name: .long,
        help: "Pool the outcome numbers of knowledge-base experiments (instead of --input).")
    var knowledge = false

    @Option(name: .long, help: "With --knowledge: only experiments on this condition (term name).")
    var condition: String?

    @Option(
        name: .long,
        help:
            "With --knowledge: outcome-measure term (narrower terms included); required when the experiments report several."
    )
    var outcome: String?

    @OptionGroup var store: StoreOptions

    // Measure, method and test are read as text and resolved in `run()`, so that a bad value gives
    // the one-line `Error: …` of a thrown error rather than argument-parser's multi-line usage text.
    @Option(
        name: .customLong("measure"),
        help: "Effect measure: \(MetaMeasure.allValueStrings.joined(separator: ", ")).")
    var measureName: String

    @Option(name: .customLong("method"), help: "tau² estimator: EE, DL, HE, HS, SJ, ML, REML, EB, PM.")
    var methodName: String = "REML"

    @Option(name: .customLong("test"), help: "Test for coefficients: z, t or knha (Knapp–Hartung).")
    var testName: String = "z"

    @Option(name: .long, help: "Confidence level in percent.")
    var level: Double = 95

    /// Checks that exactly one input source is chosen and that its options fit it.
    func validateSource() throws {
        switch (input, knowledge) {
        case (nil, false):
            throw MetaCommandError("give the input: --input FILE, or --knowledge to pool knowledge-base experiments")
        case (.some, true):
            throw MetaCommandError("use either '--input' or '--knowledge', not both")
        case (nil, true):
            if syrf { throw MetaCommandError("'--syrf' applies to '--input', not to '--knowledge'") }
        case (.some, false):
            if condition != nil || outcome != nil || store.db != nil {
                throw MetaCommandError("'--condition', '--outcome' and '--db' apply to '--knowledge', not to '--input'")
            }
        }
    }

    /// The effect measure, or a one-line error listing the valid ones.
    var measure: MetaMeasure {
        get throws {
            guard let value = MetaMeasure(argument: measureName) else {
                throw MetaCommandError(
                    "--measure: unknown measure '\(measureName)'; valid: "
                        + MetaMeasure.allValueStrings.joined(separator: ", "))
            }
            return value
        }
    }

    /// The τ² estimator, or a one-line error listing the valid ones.
    var method: MetaMethod {
        get throws {
            guard let value = MetaMethod(argument: methodName) else {
                throw MetaCommandError(
                    "--method: unknown method '\(methodName)'; valid: "
                        + MetaMethod.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return value
        }
    }

    /// The coefficient test, or a one-line error listing the valid ones.
    var test: MetaTest {
        get throws {
            guard let value = MetaTest(argument: testName) else {
                throw MetaCommandError("--test: unknown test '\(testName)'; valid: z, t, knha")
            }
            return value
        }
    }

    var modelOptions: MetaAnalysisOptions {
        get throws {
            guard level > 50 && level < 100 else {
                throw MetaCommandError("--level: must be between 50 and 100 (percent), got \(level)")
            }
            return MetaAnalysisOptions(method: try method.estimator, test: try test.inference, level: level)
        }
    }
}
