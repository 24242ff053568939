import StromaImport
import StromaDomain
import StromaStatistics

/// One comparison of a fit: its effect size, normal-theory confidence interval and model weight (JSON `studies[]`).
public struct MetaStudyRow: Codable, Sendable, Hashable {
    public var study: String
    /// The input line, `null` for knowledge-base comparisons.
    @Nullable public var line: Int?
    @Nullable public var yi: Double?
    @Nullable public var vi: Double?
    @Nullable public var se: Double?
    /// yi ± z₁₋α/₂ √vi.
    @Nullable public var ciLower: Double?
    @Nullable public var ciUpper: Double?
    /// Percent of the total model weight (metafor `weights(res)`).
    @Nullable public var weight: Double?
    public var moderators: [String: ModeratorValue]

    enum CodingKeys: String, CodingKey {
        case study, line, yi, vi, se, weight, moderators
        case ciLower = "ci_lb", ciUpper = "ci_ub"
    }

    public init(
        study: String, line: Int?, yi: Double, vi: Double, ciLower: Double, ciUpper: Double, weight: Double,
        moderators: [String: ModeratorValue]
    ) {
        self.study = study
        self.line = line
        self.yi = yi
        self.vi = vi
        self.se = vi.squareRoot()
        self.ciLower = ciLower
        self.ciUpper = ciUpper
        self.weight = weight
        self.moderators = moderators
    }

    /// The rows of the overall fit of `run`, in fit order.
    public static func rows(_ run: MetaRun) -> [MetaStudyRow] {
        let fit = run.overall
        let z = Distributions.normalQuantile(1 - (1 - fit.options.level / 100) / 2)
        return fit.yi.indices.map { i in
            let comparison = run.comparison(i)
            let se = fit.vi[i].squareRoot()
            return MetaStudyRow(
                study: comparison.study, line: comparison.line, yi: fit.yi[i], vi: fit.vi[i],
                ciLower: fit.yi[i] - z * se, ciUpper: fit.yi[i] + z * se, weight: fit.weightsPercent[i],
                moderators: comparison.moderators)
        }
    }
}
