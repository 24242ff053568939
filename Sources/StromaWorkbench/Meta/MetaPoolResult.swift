import StromaStatistics
import StromaImport
import StromaDomain
/// The result of `stroma meta pool` (and `POST /api/v1/meta`): the fit summary, the pooled estimate (`null` keys
/// with moderators) and, with `--mods`, the meta-regression keys, all at the top level of one JSON object.
public struct MetaPoolResult: Codable, Sendable, Hashable {
    public var summary: MetaFitSummary
    public var pooled: MetaEstimate
    public var regression: MetaRegressionSummary?

    public init(_ run: MetaRun) {
        summary = MetaFitSummary(run)
        let fit = run.overall
        if fit.p == 1 {
            pooled = MetaEstimate(fit.pooled, fit.prediction)
            regression = nil
        } else {
            pooled = MetaEstimate()
            regression = MetaRegressionSummary(fit, moderators: run.moderatorNames)
        }
    }

    private enum RegressionKey: String, CodingKey { case coefficients }

    public init(from decoder: any Decoder) throws {
        summary = try MetaFitSummary(from: decoder)
        pooled = try MetaEstimate(from: decoder)
        let container = try decoder.container(keyedBy: RegressionKey.self)
        regression = container.contains(.coefficients) ? try MetaRegressionSummary(from: decoder) : nil
    }

    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        try pooled.encode(to: encoder)
        try regression?.encode(to: encoder)
    }
}
