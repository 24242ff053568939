/// The effect-size measures that ``EffectSizes`` computes (metafor `escalc` names where they exist).
public enum EffectMeasure: String, Sendable, Codable, CaseIterable {
    /// Raw mean difference m1 − m2; v = sd1²/n1 + sd2²/n2 (metafor `MD`, vtype LS).
    case meanDifference = "MD"
    /// Hedges' g with metafor's exact gamma correction; v = 1/n1 + 1/n2 + g²/(2N) (metafor `SMD`, vtype LS).
    case standardizedMeanDifference = "SMD"
    /// Hedges' g as RevMan / Stata `metan` / CAMARADES: J = 1 − 3/(4N − 9), v = N/(n1n2) + g²/(2(N − 3.94)).
    case standardizedMeanDifferenceRevMan = "SMD_REVMAN"
    /// Bonett's SMD with heteroscedastic SDs (metafor `SMDH`).
    case standardizedMeanDifferenceHeteroscedastic = "SMDH"
    /// Log ratio of means ln(m1/m2) (metafor `ROM`, vtype LS).
    case logRatioOfMeans = "ROM"
    /// CAMARADES normalised mean difference, % of the injury-induced deficit (Vesterinen et al. 2014).
    case normalizedMeanDifference = "NMD"
    /// Log risk ratio from a 2×2 table (metafor `RR`).
    case logRiskRatio = "RR"
    /// Log odds ratio from a 2×2 table (metafor `OR`).
    case logOddsRatio = "OR"
    /// Risk difference from a 2×2 table (metafor `RD`, vtype LS).
    case riskDifference = "RD"
    /// Fisher's z-transformed correlation atanh(r), v = 1/(n − 3) (metafor `ZCOR`).
    case fisherZ = "ZCOR"
    /// Logit of a proportion (metafor `PLO`).
    case logitProportion = "PLO"
    /// Freeman–Tukey double-arcsine proportion (metafor `PFT`).
    case freemanTukeyProportion = "PFT"

    /// What kind of input the measure needs.
    public var inputKind: EffectInputKind {
        switch self {
        case .meanDifference, .standardizedMeanDifference, .standardizedMeanDifferenceRevMan,
            .standardizedMeanDifferenceHeteroscedastic, .logRatioOfMeans, .normalizedMeanDifference:
            return .continuous
        case .logRiskRatio, .logOddsRatio, .riskDifference: return .twoByTwo
        case .fisherZ: return .correlation
        case .logitProportion, .freemanTukeyProportion: return .proportion
        }
    }

    /// Whether pooled values are usually shown back-transformed with `exp` (ratios).
    public var isLogScale: Bool {
        switch self {
        case .logRatioOfMeans, .logRiskRatio, .logOddsRatio: return true
        default: return false
        }
    }

    /// A human label naming the convention, for example "SMD (Hedges' g, metafor exact J)".
    public var label: String {
        switch self {
        case .meanDifference: return "MD (mean difference)"
        case .standardizedMeanDifference: return "SMD (Hedges' g, metafor exact J, vtype LS)"
        case .standardizedMeanDifferenceRevMan: return "SMD (Hedges' g, RevMan/CAMARADES J = 1-3/(4N-9))"
        case .standardizedMeanDifferenceHeteroscedastic: return "SMDH (Bonett, heteroscedastic SDs)"
        case .logRatioOfMeans: return "ROM (log ratio of means)"
        case .normalizedMeanDifference: return "NMD (CAMARADES normalised mean difference, %)"
        case .logRiskRatio: return "RR (log risk ratio)"
        case .logOddsRatio: return "OR (log odds ratio)"
        case .riskDifference: return "RD (risk difference)"
        case .fisherZ: return "ZCOR (Fisher's z of a correlation)"
        case .logitProportion: return "PLO (logit proportion)"
        case .freemanTukeyProportion: return "PFT (Freeman-Tukey double arcsine)"
        }
    }
}

/// The input shape an ``EffectMeasure`` needs.
public enum EffectInputKind: String, Sendable, Codable {
    case continuous, twoByTwo, correlation, proportion
}

/// Which direction of the outcome scale is good, so that benefit always has a positive sign.
///
/// For `.higherIsBetter` (the default) the continuous measures are treated − control (metafor's
/// m1 − m2); for `.higherIsWorse` they are control − treated (ROM: ln(m2/m1)). NMD is oriented by
/// its own definition and ignores this; 2×2, correlation and proportion measures are not flipped.
public enum OutcomeDirection: String, Sendable, Codable {
    case higherIsBetter, higherIsWorse
}

/// Whether a reported spread is a standard deviation or a standard error of the mean.
public enum SpreadKind: String, Sendable, Codable {
    /// Standard deviation.
    case sd
    /// Standard error of the mean, converted with SD = SEM·√n (n before control splitting).
    case sem
}
