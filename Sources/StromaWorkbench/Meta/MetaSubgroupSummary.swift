import StromaImport
import StromaDomain
import StromaStatistics

/// The subgroup keys of a pooled result (`--by`): one separate fit per level and the tests of subgroup differences
/// (JSON `subgroups`: `by`, `groups[]`, `tests`).
public struct MetaSubgroupSummary: Codable, Sendable, Hashable {
    /// One level's separate fit (JSON `groups[]`); the estimate keys are absent when the level could not be pooled.
    public struct Group: Codable, Sendable, Hashable {
        public var level: String
        public var k: Int
        /// Why the level was not pooled.
        @Nullable public var error: String?
        public var fit: Fit?

        /// A level's pooled estimate and heterogeneity.
        public struct Fit: Codable, Sendable, Hashable {
            public var pooled: MetaEstimate
            public var heterogeneity: Heterogeneity

            public init(from decoder: any Decoder) throws {
                pooled = try MetaEstimate(from: decoder)
                heterogeneity = try Heterogeneity(from: decoder)
            }

            public func encode(to encoder: any Encoder) throws {
                try pooled.encode(to: encoder)
                try heterogeneity.encode(to: encoder)
            }

            init(_ result: MetaAnalysisResult) {
                pooled = MetaEstimate(result.pooled, result.prediction)
                heterogeneity = Heterogeneity(result)
            }
        }

        /// τ², I² and Cochran's Q of one level.
        public struct Heterogeneity: Codable, Sendable, Hashable {
            @Nullable public var tau2: Double?
            @Nullable public var i2: Double?
            @Nullable public var q: Double?
            @Nullable public var qDf: Double?
            @Nullable public var qP: Double?

            enum CodingKeys: String, CodingKey {
                case tau2, i2 = "I2", q = "Q", qDf = "Q_df", qP = "Q_p"
            }

            init(_ result: MetaAnalysisResult) {
                tau2 = result.tau2
                i2 = result.i2
                q = result.heterogeneity.statistic
                qDf = result.heterogeneity.df
                qP = result.heterogeneity.pValue
            }
        }

        enum CodingKeys: String, CodingKey { case level, k, error, estimate }

        public init(_ group: MetaRun.Subgroup) {
            level = group.level
            k = group.members.count
            error = group.error
            fit = group.result.map(Fit.init)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            level = try container.decode(String.self, forKey: .level)
            k = try container.decode(Int.self, forKey: .k)
            error = try container.decode(Nullable<String>.self, forKey: .error).wrappedValue
            fit = container.contains(.estimate) ? try Fit(from: decoder) : nil
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(level, forKey: .level)
            try container.encode(k, forKey: .k)
            try container.encode(Nullable(wrappedValue: error), forKey: .error)
            try fit?.encode(to: encoder)
        }
    }

    /// One test of subgroup differences (JSON `tests.common_tau2`, `tests.separate_tau2`,
    /// `tests.fixed_effect_partition`).
    public struct Test: Codable, Sendable, Hashable {
        @Nullable public var statistic: Double?
        @Nullable public var df: Double?
        @Nullable public var df2: Double?
        @Nullable public var p: Double?
        /// `chisq` or `f`.
        public var distribution: String
        public var description: String
        /// The common τ² (`common_tau2` only).
        public var tau2: Double?
        /// Σ Q_within (`fixed_effect_partition` only).
        public var qWithin: Double?
        /// 0.05 / `--stratifications` (`fixed_effect_partition` only).
        public var bonferroniThreshold: Double?
        public var significantAfterBonferroni: Bool?

        enum CodingKeys: String, CodingKey {
            case statistic, df, df2, p, distribution, description, tau2
            case qWithin = "Q_within", bonferroniThreshold = "bonferroni_threshold"
            case significantAfterBonferroni = "significant_after_bonferroni"
        }

        public init(_ comparison: SubgroupComparison) {
            let test = comparison.test
            statistic = test.statistic
            df = test.df
            df2 = test.df2
            p = test.pValue
            distribution = test.distribution.rawValue
            description = Self.describe(comparison.variant)
            tau2 = comparison.commonTau2.flatMap { $0.isFinite ? $0 : nil }
            qWithin = comparison.withinQ.flatMap { $0.isFinite ? $0 : nil }
            bonferroniThreshold = comparison.bonferroniThreshold
            significantAfterBonferroni = comparison.significantAfterBonferroni
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(_statistic, forKey: .statistic)
            try container.encode(_df, forKey: .df)
            try container.encode(_df2, forKey: .df2)
            try container.encode(_p, forKey: .p)
            try container.encode(distribution, forKey: .distribution)
            try container.encode(description, forKey: .description)
            try container.encodeIfPresent(tau2, forKey: .tau2)
            try container.encodeIfPresent(qWithin, forKey: .qWithin)
            if let bonferroniThreshold {
                try container.encode(bonferroniThreshold, forKey: .bonferroniThreshold)
                try container.encode(
                    Nullable(wrappedValue: significantAfterBonferroni), forKey: .significantAfterBonferroni)
            }
        }

        /// A short description of a subgroup-test variant.
        public static func describe(_ variant: SubgroupComparison.Variant) -> String {
            switch variant {
            case .commonTau2: "mixed-effects model, common tau^2 (metafor mods = ~factor)"
            case .separateTau2: "separate tau^2 per subgroup, Wald Q-between (RevMan)"
            case .fixedEffectPartition: "fixed-effect partition Q_between = Q - sum Q_within (CAMARADES)"
            }
        }

        /// The JSON key of a subgroup-test variant.
        public static func key(_ variant: SubgroupComparison.Variant) -> String {
            switch variant {
            case .commonTau2: "common_tau2"
            case .separateTau2: "separate_tau2"
            case .fixedEffectPartition: "fixed_effect_partition"
            }
        }
    }

    /// The moderator column.
    public var by: String
    public var groups: [Group]
    /// By ``Test/key(_:)``.
    public var tests: [String: Test]

    public init(_ run: MetaRun, by: String) {
        self.by = by
        groups = run.subgroups.map(Group.init)
        tests = Dictionary(
            run.subgroupTests.map { (Test.key($0.variant), Test($0)) }, uniquingKeysWith: { $1 })
    }
}
