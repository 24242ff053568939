import StromaImport
import StromaDomain
import StromaStatistics

/// Funnel-plot asymmetry of `stroma meta bias`: Egger's regression test (rma and lm), Begg's rank correlation test
/// and trim-and-fill (metafor `regtest`, `ranktest`, `trimfill`).
public struct MetaBiasTests: Codable, Sendable, Hashable {
    /// One Egger regression test (JSON `egger`, `egger_lm`).
    public struct Egger: Codable, Sendable, Hashable {
        public var model: String
        @Nullable public var statistic: Double?
        @Nullable public var df: Double?
        @Nullable public var p: Double?
        /// The limit estimate (the intercept as the standard error goes to 0) and its interval.
        @Nullable public var limitEstimate: Double?
        @Nullable public var limitCILower: Double?
        @Nullable public var limitCIUpper: Double?

        enum CodingKeys: String, CodingKey {
            case model, statistic, df, p
            case limitEstimate = "limit_estimate", limitCILower = "limit_ci_lb", limitCIUpper = "limit_ci_ub"
        }

        init(_ test: EggerTest) {
            model = test.model
            statistic = test.statistic
            df = test.df
            p = test.pValue
            limitEstimate = test.limitEstimate
            limitCILower = test.limitCILower
            limitCIUpper = test.limitCIUpper
        }
    }

    /// Begg's rank correlation test (JSON `begg`).
    public struct Begg: Codable, Sendable, Hashable {
        @Nullable public var kendallTau: Double?
        @Nullable public var p: Double?
        public var exact: Bool

        enum CodingKeys: String, CodingKey { case kendallTau = "kendall_tau", p, exact }
    }

    /// An imputed study of trim-and-fill.
    public struct FilledStudy: Codable, Sendable, Hashable {
        @Nullable public var yi: Double?
        @Nullable public var vi: Double?
    }

    /// Trim-and-fill (JSON `trimfill`).
    public struct TrimAndFill: Codable, Sendable, Hashable {
        /// `L0` or `R0`.
        public var estimator: String
        /// The side where studies were imputed.
        public var side: String
        public var k0: Int
        @Nullable public var k0StandardError: Double?
        @Nullable public var k0P: Double?
        @Nullable public var estimate: Double?
        @Nullable public var se: Double?
        @Nullable public var ciLower: Double?
        @Nullable public var ciUpper: Double?
        @Nullable public var p: Double?
        @Nullable public var tau2: Double?
        public var filled: [FilledStudy]

        enum CodingKeys: String, CodingKey {
            case estimator, side, k0, k0StandardError = "k0_se", k0P = "k0_p", estimate, se
            case ciLower = "ci_lb", ciUpper = "ci_ub", p, tau2, filled
        }
    }

    /// The pooled estimate before adjustment.
    @Nullable public var estimate: Double?
    public var egger: Egger
    public var eggerLM: Egger
    public var begg: Begg
    public var trimAndFill: TrimAndFill

    enum CodingKeys: String, CodingKey {
        case estimate, egger, eggerLM = "egger_lm", begg, trimAndFill = "trimfill"
    }

    /// Runs the four tests on the overall fit of `run` (no moderators).
    public init(_ fit: MetaAnalysisResult, estimator: TrimAndFillResult.Estimator) throws {
        estimate = fit.pooled.estimate
        egger = Egger(try fit.eggerTest())
        eggerLM = Egger(try fit.eggerTest(classical: true))
        let rank = try fit.rankCorrelationTest()
        begg = Begg(kendallTau: rank.kendallTau, p: rank.pValue, exact: rank.exact)
        let fill = try fit.trimAndFill(estimator: estimator)
        let adjusted = fill.adjusted.pooled
        trimAndFill = TrimAndFill(
            estimator: fill.estimator.rawValue, side: fill.side.rawValue, k0: fill.missing,
            k0StandardError: fill.missingStandardError, k0P: fill.missingPValue, estimate: adjusted.estimate,
            se: adjusted.standardError, ciLower: adjusted.ciLower, ciUpper: adjusted.ciUpper, p: adjusted.pValue,
            tau2: fill.adjusted.tau2, filled: zip(fill.filledYi, fill.filledVi).map { FilledStudy(yi: $0.0, vi: $0.1) })
    }

    /// The trim-and-fill estimator named `name` (`L0` or `R0`, case-insensitive), or a ``WorkbenchError``.
    public static func estimator(_ name: String) throws -> TrimAndFillResult.Estimator {
        guard let kind = TrimAndFillResult.Estimator(rawValue: name.uppercased()) else {
            throw WorkbenchError(
                .invalidInput, "'--estimator': '\(name)' is not valid; expected L0 or R0", option: "--estimator",
                valid: ["L0", "R0"])
        }
        return kind
    }
}

/// The result of `stroma meta bias`.
public typealias MetaBiasResult = MetaDiagnosticsResult<MetaBiasTests>
