import StromaImport
import StromaDomain
import StromaStatistics

/// An effect-size measure of `stroma meta` (`--measure`, API `measure`), or `yivi` for precomputed effects.
public enum MetaMeasure: String, CaseIterable, Sendable, Codable {
    case smd = "SMD", smdRevman = "SMD-revman", smdh = "SMDH", md = "MD", rom = "ROM", nmd = "NMD"
    case rr = "RR", or = "OR", rd = "RD", zcor = "ZCOR", plo = "PLO", pft = "PFT", yivi

    /// The measure named `name` (case-insensitive), or `nil`.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() })
        else { return nil }
        self = match
    }

    /// The measure named `name`, or a ``WorkbenchError`` listing the valid ones.
    public static func parse(_ name: String, option: String = "--measure") throws -> MetaMeasure {
        guard let value = MetaMeasure(name: name) else {
            throw WorkbenchError(
                .invalidInput, "\(option): unknown measure '\(name)'; valid: " + allNames.joined(separator: ", "),
                field: "measure", option: option, valid: allNames)
        }
        return value
    }

    /// Every measure name, in the documented order.
    public static var allNames: [String] { allCases.map(\.rawValue) }

    /// The statistics engine's measure; `nil` for `yivi`.
    public var effectMeasure: EffectMeasure? {
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
    public var axisLabel: String {
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

    /// The measure's label in results (`measure_label`).
    public var label: String { effectMeasure?.label ?? "yi/vi as given" }
}
