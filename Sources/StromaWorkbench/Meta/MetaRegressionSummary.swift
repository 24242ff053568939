import StromaImport
import StromaDomain
import StromaStatistics

/// The meta-regression keys of a pooled result (`--mods`): coefficients, the test of moderators, residual
/// heterogeneity and pseudo-R² (metafor `b`, `QM`, `QMdf`, `QMp`, `QE`, `QEp`, `R2`).
public struct MetaRegressionSummary: Codable, Sendable, Hashable {
    /// One model coefficient (JSON `coefficients[]`).
    public struct Coefficient: Codable, Sendable, Hashable {
        /// `intrcpt`, `COLUMN` or `COLUMNlevel`, as metafor names them.
        public var name: String
        @Nullable public var estimate: Double?
        @Nullable public var se: Double?
        @Nullable public var statistic: Double?
        @Nullable public var p: Double?
        @Nullable public var ciLower: Double?
        @Nullable public var ciUpper: Double?

        enum CodingKeys: String, CodingKey {
            case name, estimate, se, statistic, p
            case ciLower = "ci_lb", ciUpper = "ci_ub"
        }

        public init(_ coefficient: MetaCoefficient) {
            name = coefficient.name
            estimate = coefficient.estimate
            se = coefficient.standardError
            statistic = coefficient.statistic
            p = coefficient.pValue
            ciLower = coefficient.ciLower
            ciUpper = coefficient.ciUpper
        }
    }

    /// The moderator columns given.
    public var moderators: [String]
    public var coefficients: [Coefficient]
    @Nullable public var qm: Double?
    @Nullable public var qmDf: Double?
    /// The denominator degrees of freedom of the F test (`knha`).
    @Nullable public var qmDf2: Double?
    @Nullable public var qmP: Double?
    @Nullable public var qe: Double?
    @Nullable public var qeDf: Double?
    @Nullable public var qeP: Double?
    /// Pseudo-R² in percent.
    @Nullable public var r2: Double?

    enum CodingKeys: String, CodingKey {
        case moderators, coefficients
        case qm = "QM", qmDf = "QM_df", qmDf2 = "QM_df2", qmP = "QM_p", qe = "QE", qeDf = "QE_df", qeP = "QE_p"
        case r2 = "R2"
    }

    public init(_ fit: MetaAnalysisResult, moderators: [String]) {
        self.moderators = moderators
        coefficients = fit.coefficients.map(Coefficient.init)
        qm = fit.moderatorTest?.statistic
        qmDf = fit.moderatorTest?.df
        qmDf2 = fit.moderatorTest?.df2
        qmP = fit.moderatorTest?.pValue
        qe = fit.heterogeneity.statistic
        qeDf = fit.heterogeneity.df
        qeP = fit.heterogeneity.pValue
        r2 = fit.r2
    }
}
