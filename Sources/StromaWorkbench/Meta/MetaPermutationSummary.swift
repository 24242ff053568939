import StromaImport
import StromaDomain
import StromaStatistics

/// The permutation test of `stroma meta permutation` (metafor `permutest`): sign flips without moderators, row
/// permutations with them.
public struct MetaPermutationSummary: Codable, Sendable, Hashable {
    /// One coefficient with its permutation p-value (JSON `coefficients[]`).
    public struct Coefficient: Codable, Sendable, Hashable {
        public var name: String
        @Nullable public var estimate: Double?
        /// The observed test statistic.
        @Nullable public var statistic: Double?
        @Nullable public var p: Double?
        @Nullable public var permutationP: Double?

        enum CodingKeys: String, CodingKey { case name, estimate, statistic, p, permutationP = "p_perm" }
    }

    public var iterations: Int
    public var exact: Bool
    /// The seed as text (a UInt64 does not fit a JSON double); `null` when exact.
    @Nullable public var seed: String?
    /// `sign-flip` or `row-permutation`.
    public var scheme: String
    public var failedFits: Int
    /// The permutation p-value of the omnibus test QM.
    @Nullable public var omnibusPermutationP: Double?
    public var coefficients: [Coefficient]

    enum CodingKeys: String, CodingKey {
        case iterations, exact, seed, scheme, failedFits = "failed_fits", omnibusPermutationP = "QM_p_perm"
        case coefficients
    }

    /// Runs the test on `fit`; `iterations` must be at least 1.
    public init(_ fit: MetaAnalysisResult, iterations: Int, exact: Bool, seed: UInt64) throws {
        try Self.checkIterations(iterations)
        let result = try fit.permutationTest(iterations: iterations, exact: exact, seed: seed)
        self.iterations = result.iterations
        self.exact = result.exact
        self.seed = result.seed.map { String($0) }
        scheme = result.scheme
        failedFits = result.failedFits
        omnibusPermutationP = result.omnibusPValue
        let coefficients = fit.coefficients
        self.coefficients = coefficients.indices.map { j in
            Coefficient(
                name: coefficients[j].name, estimate: coefficients[j].estimate,
                statistic: result.observedStatistics[j], p: coefficients[j].pValue,
                permutationP: result.coefficientPValues[j])
        }
    }

    /// Checks `--iterations` (at least 1) before any work.
    public static func checkIterations(_ iterations: Int) throws {
        guard iterations >= 1 else {
            throw WorkbenchError(
                .invalidInput, "'--iterations' must be at least 1, got \(iterations)", option: "--iterations",
                valid: ["≥ 1"])
        }
    }
}

/// The result of `stroma meta permutation`.
public typealias MetaPermutationResult = MetaDiagnosticsResult<MetaPermutationSummary>
