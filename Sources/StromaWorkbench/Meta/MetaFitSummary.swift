import StromaRelease
import StromaImport
import StromaDomain
import Foundation
import StromaStatistics

/// The keys every pooled result has: input, model, heterogeneity, studies and warnings (docs/meta-analysis.md,
/// "JSON output").
public struct MetaFitSummary: Codable, Sendable, Hashable {
    /// Where the comparisons came from (JSON `input`).
    public struct Input: Codable, Sendable, Hashable {
        /// The input file's name, or the database path with `--knowledge`.
        public var file: String
        public var layout: MetaLayout
        /// Comparisons read, before shared-control splitting and dropping.
        public var comparisonsRead: Int

        enum CodingKeys: String, CodingKey {
            case file, layout, comparisonsRead = "comparisons_read"
        }
    }

    /// A log-scale measure's pooled estimate and intervals back-transformed with exp (JSON `exp`).
    public struct BackTransformed: Codable, Sendable, Hashable {
        @Nullable public var estimate: Double?
        @Nullable public var ciLower: Double?
        @Nullable public var ciUpper: Double?
        @Nullable public var predictionLower: Double?
        @Nullable public var predictionUpper: Double?

        enum CodingKeys: String, CodingKey {
            case estimate, ciLower = "ci_lb", ciUpper = "ci_ub", predictionLower = "pi_lb", predictionUpper = "pi_ub"
        }
    }

    public var version: String
    public var engineVersion: String
    public var input: Input
    public var k: Int
    public var measure: MetaMeasure
    public var measureLabel: String
    /// The τ² estimator used, after any fallback.
    public var method: String
    public var methodRequested: String
    public var converged: Bool
    public var test: String
    public var level: Double
    @Nullable public var tau2: Double?
    @Nullable public var tau2StandardError: Double?
    @Nullable public var tau: Double?
    @Nullable public var i2: Double?
    @Nullable public var h2: Double?
    /// Q-profile confidence intervals (metafor `confint(res)`); `null` for EE and meta-regression.
    @Nullable public var tau2CILower: Double?
    @Nullable public var tau2CIUpper: Double?
    @Nullable public var i2CILower: Double?
    @Nullable public var i2CIUpper: Double?
    @Nullable public var h2CILower: Double?
    @Nullable public var h2CIUpper: Double?
    /// Cochran's Q of the intercept-only fit; `null` with moderators (see `QE`).
    @Nullable public var q: Double?
    @Nullable public var qDf: Double?
    @Nullable public var qP: Double?
    public var studies: [MetaStudyRow]
    public var warnings: [String]
    /// For log measures (ROM, RR, OR) without moderators.
    public var exp: BackTransformed?
    /// With `--by`.
    public var subgroups: MetaSubgroupSummary?

    enum CodingKeys: String, CodingKey {
        case version, engineVersion = "engine_version", input, k, measure, measureLabel = "measure_label"
        case method, methodRequested = "method_requested", converged, test, level
        case tau2, tau2StandardError = "tau2_se", tau, i2 = "I2", h2 = "H2"
        case tau2CILower = "tau2_ci_lb", tau2CIUpper = "tau2_ci_ub", i2CILower = "I2_ci_lb", i2CIUpper = "I2_ci_ub"
        case h2CILower = "H2_ci_lb", h2CIUpper = "H2_ci_ub"
        case q = "Q", qDf = "Q_df", qP = "Q_p", studies, warnings, exp, subgroups
    }

    public init(_ run: MetaRun) {
        let fit = run.overall
        version = StromaRelease.version
        engineVersion = fit.packageVersion
        input = Input(
            file: run.dataset.fileName, layout: run.dataset.layout,
            comparisonsRead: run.dataset.table.comparisons.count)
        k = fit.k
        measure = run.dataset.measure
        measureLabel = run.dataset.measure.label
        method = fit.method.rawValue
        methodRequested = fit.options.method.rawValue
        converged = fit.convergence.converged
        test = MetaModelSettings.name(of: fit.options.test)
        level = fit.options.level
        tau2 = fit.tau2
        tau2StandardError = fit.tau2StandardError
        tau = fit.tau
        i2 = fit.i2
        h2 = fit.h2
        let intervals = run.heterogeneityIntervals
        tau2CILower = intervals?.tau2.lower
        tau2CIUpper = intervals?.tau2.upper
        i2CILower = intervals?.i2.lower
        i2CIUpper = intervals?.i2.upper
        h2CILower = intervals?.h2.lower
        h2CIUpper = intervals?.h2.upper
        if fit.p == 1 {
            q = fit.heterogeneity.statistic
            qDf = fit.heterogeneity.df
            qP = fit.heterogeneity.pValue
            if run.dataset.measure.effectMeasure?.isLogScale == true {
                let pooled = fit.pooled
                let prediction = fit.prediction
                exp = BackTransformed(
                    estimate: Foundation.exp(pooled.estimate), ciLower: Foundation.exp(pooled.ciLower),
                    ciUpper: Foundation.exp(pooled.ciUpper), predictionLower: Foundation.exp(prediction.piLower),
                    predictionUpper: Foundation.exp(prediction.piUpper))
            }
        }
        studies = MetaStudyRow.rows(run)
        warnings = run.warnings
        subgroups = run.byColumn.map { MetaSubgroupSummary(run, by: $0) }
    }
}
