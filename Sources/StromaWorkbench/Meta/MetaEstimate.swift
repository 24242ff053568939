import StromaImport
import StromaDomain
import StromaStatistics

/// A pooled estimate with its test, confidence and prediction intervals (JSON `estimate`, `se`, `statistic`, `p`,
/// `ci_lb`, `ci_ub`, `pi_lb`, `pi_ub`; metafor `b`, `se`, `zval`, `pval`, `ci.lb`, `ci.ub`, `predict()$pi.lb/ub`).
public struct MetaEstimate: Codable, Sendable, Hashable {
    @Nullable public var estimate: Double?
    @Nullable public var se: Double?
    @Nullable public var statistic: Double?
    @Nullable public var p: Double?
    @Nullable public var ciLower: Double?
    @Nullable public var ciUpper: Double?
    @Nullable public var predictionLower: Double?
    @Nullable public var predictionUpper: Double?

    enum CodingKeys: String, CodingKey {
        case estimate, se, statistic, p
        case ciLower = "ci_lb", ciUpper = "ci_ub", predictionLower = "pi_lb", predictionUpper = "pi_ub"
    }

    /// Every value `null`: the pooled keys of a meta-regression, which has no single pooled estimate.
    public init() {}

    public init(_ pooled: MetaCoefficient, _ prediction: MetaPrediction) {
        estimate = pooled.estimate
        se = pooled.standardError
        statistic = pooled.statistic
        p = pooled.pValue
        ciLower = pooled.ciLower
        ciUpper = pooled.ciUpper
        predictionLower = prediction.piLower
        predictionUpper = prediction.piUpper
    }
}
