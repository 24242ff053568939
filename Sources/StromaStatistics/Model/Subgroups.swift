import Foundation

/// The pooled result of one subgroup.
public struct SubgroupSummary: Sendable, Codable, Equatable {
    public var level: String
    public var k: Int
    public var estimate: Double
    public var standardError: Double
    public var ciLower: Double
    public var ciUpper: Double
    /// τ² of the subgroup (separate fits), the common τ² (mixed-effects) or 0 (fixed-effect partition).
    public var tau2: Double
    /// Within-subgroup Q with equal-effects weights.
    public var q: Double
}

/// A test for differences between subgroups, labelled by the variant used.
public struct SubgroupComparison: Sendable, Codable, Equatable {
    public enum Variant: String, Sendable, Codable {
        /// Mixed-effects meta-regression on the factor with one common τ² (metafor `mods = ~factor(g)`), QM test.
        case commonTau2 = "mixed-effects, common tau^2 (QM)"
        /// Separate random-effects fits per subgroup, Wald Q-between on their estimates (RevMan style).
        case separateTau2 = "separate tau^2 per subgroup, Wald Q-between"
        /// CAMARADES fixed-effect partition: Q_between = Q_total − Σ Q_within, Bonferroni threshold 0.05/m.
        case fixedEffectPartition = "fixed-effect partition of heterogeneity (CAMARADES)"
    }

    public var variant: Variant
    public var moderator: String
    public var test: TestResult
    public var subgroups: [SubgroupSummary]
    /// Common τ² (commonTau2 only).
    public var commonTau2: Double?
    /// Residual heterogeneity QE (commonTau2) or Σ Q_within (fixed-effect partition).
    public var withinQ: Double?
    /// 0.05/m for m stratifications tested (fixed-effect partition only).
    public var bonferroniThreshold: Double?
    public var significantAfterBonferroni: Bool?
    public var warnings: [String]
}

/// Subgroup (stratified) meta-analysis in three documented variants.
public enum Subgroups {
    /// Runs the requested variant.
    ///
    /// `groups` holds one label per study; `levels` fixes their order
    /// (default: sorted). `stratifications` is the m of the Bonferroni threshold 0.05/m.
    public static func compare(
        yi: [Double], vi: [Double], labels: [String]? = nil, groups: [String],
        moderatorName: String = "group", levels: [String]? = nil,
        variant: SubgroupComparison.Variant, options: MetaAnalysisOptions = MetaAnalysisOptions(),
        stratifications: Int = 1
    ) throws -> SubgroupComparison {
        guard groups.count == yi.count else {
            throw StatisticsError("'groups' has \(groups.count) values; expected \(yi.count) (one per study)")
        }
        let order = levels ?? Array(Set(groups)).sorted()
        guard order.count >= 2 else {
            throw StatisticsError("subgroup comparison needs at least 2 subgroups in '\(moderatorName)'")
        }
        let names = labels ?? (1...yi.count).map { "Study \($0)" }
        var warnings: [String] = []
        func members(_ level: String) -> [Int] {
            (0..<yi.count).filter { groups[$0] == level && yi[$0].isFinite && vi[$0].isFinite }
        }

        switch variant {
        case .commonTau2:
            let fit = try MetaAnalysis.fit(
                yi: yi, vi: vi, labels: names,
                moderators: [.categorical(moderatorName, groups, levels: order)], options: options)
            guard let qm = fit.moderatorTest else { throw StatisticsError("subgroup comparison: no moderator test") }
            var summaries: [SubgroupSummary] = []
            for (index, level) in order.enumerated() {
                var x = [Double](repeating: 0, count: order.count - 1)
                if index > 0 { x[index - 1] = 1 }
                let pred = fit.predict(moderatorValues: x)
                let idx = members(level)
                let q =
                    idx.count > 1
                    ? RMAEngine(y: idx.map { yi[$0] }, v: idx.map { vi[$0] }, design: .interceptOnly(idx.count)).q(
                        at: 0) : 0
                summaries.append(
                    SubgroupSummary(
                        level: level, k: idx.count, estimate: pred.estimate, standardError: pred.standardError,
                        ciLower: pred.ciLower, ciUpper: pred.ciUpper, tau2: fit.tau2, q: q))
            }
            return SubgroupComparison(
                variant: variant, moderator: moderatorName, test: qm, subgroups: summaries,
                commonTau2: fit.tau2, withinQ: fit.heterogeneity.statistic, bonferroniThreshold: nil,
                significantAfterBonferroni: nil, warnings: fit.warnings)

        case .separateTau2, .fixedEffectPartition:
            var summaries: [SubgroupSummary] = []
            var sumQWithin = 0.0
            let fitOptions =
                variant == .fixedEffectPartition
                ? MetaAnalysisOptions(method: .equalEffects, test: .z, level: options.level) : options
            for level in order {
                let idx = members(level)
                guard !idx.isEmpty else {
                    throw StatisticsError("subgroup '\(level)' of '\(moderatorName)' has no studies")
                }
                let fit = try MetaAnalysis.fit(
                    yi: idx.map { yi[$0] }, vi: idx.map { vi[$0] }, labels: idx.map { names[$0] },
                    options: fitOptions)
                warnings += fit.warnings.map { "subgroup '\(level)': \($0)" }
                sumQWithin += fit.heterogeneity.statistic
                summaries.append(
                    SubgroupSummary(
                        level: level, k: idx.count, estimate: fit.pooled.estimate,
                        standardError: fit.pooled.standardError, ciLower: fit.pooled.ciLower,
                        ciUpper: fit.pooled.ciUpper, tau2: fit.tau2, q: fit.heterogeneity.statistic))
            }
            let df = Double(order.count - 1)
            if variant == .separateTau2 {
                let estimates = summaries.map(\.estimate)
                let variances = summaries.map { $0.standardError * $0.standardError }
                let q = RMAEngine(y: estimates, v: variances, design: .interceptOnly(estimates.count)).q(at: 0)
                return SubgroupComparison(
                    variant: variant, moderator: moderatorName, test: .chiSquared(q, df: df),
                    subgroups: summaries, commonTau2: nil, withinQ: nil, bonferroniThreshold: nil,
                    significantAfterBonferroni: nil, warnings: warnings)
            }
            let all = (0..<yi.count).filter { yi[$0].isFinite && vi[$0].isFinite }
            let qTotal = RMAEngine(y: all.map { yi[$0] }, v: all.map { vi[$0] }, design: .interceptOnly(all.count)).q(
                at: 0)
            let qBetween = Swift.max(0, qTotal - sumQWithin)
            let test = TestResult.chiSquared(qBetween, df: df)
            guard stratifications >= 1 else {
                throw StatisticsError("'stratifications' must be >= 1, got \(stratifications)")
            }
            let threshold = 0.05 / Double(stratifications)
            return SubgroupComparison(
                variant: variant, moderator: moderatorName, test: test, subgroups: summaries,
                commonTau2: nil, withinQ: sumQWithin, bonferroniThreshold: threshold,
                significantAfterBonferroni: test.pValue < threshold, warnings: warnings)
        }
    }
}
