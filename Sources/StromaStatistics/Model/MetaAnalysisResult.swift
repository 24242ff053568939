/// One model coefficient with its Wald (or t / Knapp–Hartung) inference.
public struct MetaCoefficient: Sendable, Codable, Equatable, Hashable {
    public var name: String
    public var estimate: Double
    public var standardError: Double
    /// z or t statistic.
    public var statistic: Double
    public var pValue: Double
    public var ciLower: Double
    public var ciUpper: Double
}

/// A χ² or F test (heterogeneity Q / QE, omnibus QM, Q-between).
public struct TestResult: Sendable, Codable, Equatable, Hashable {
    public enum Distribution: String, Sendable, Codable { case chiSquared, f }
    public var statistic: Double
    public var df: Double
    /// Denominator df for an F test.
    public var df2: Double?
    public var pValue: Double
    public var distribution: Distribution

    public init(statistic: Double, df: Double, df2: Double? = nil, pValue: Double, distribution: Distribution) {
        self.statistic = statistic
        self.df = df
        self.df2 = df2
        self.pValue = pValue
        self.distribution = distribution
    }

    static func chiSquared(_ q: Double, df: Double) -> TestResult {
        TestResult(statistic: q, df: df, pValue: Distributions.chiSquaredUpper(q, df: df), distribution: .chiSquared)
    }
}

/// How the τ² estimate was obtained.
public struct Convergence: Sendable, Codable, Equatable, Hashable {
    /// The estimator asked for.
    public var requestedMethod: TauEstimator
    /// The estimator whose result is reported (differs after a fallback).
    public var usedMethod: TauEstimator
    /// Whether the requested estimator converged.
    public var converged: Bool
    /// Fisher-scoring iterations (or root-finder iterations for PM); 0 for closed forms.
    public var iterations: Int
}

/// Prediction (pooled estimate or fitted value at given moderators) with CI and prediction intervals.
public struct MetaPrediction: Sendable, Codable, Equatable, Hashable {
    public var estimate: Double
    public var standardError: Double
    public var ciLower: Double
    public var ciUpper: Double
    /// metafor's PI: est ± crit·√(se² + τ²), crit = z (test z) or t(k − p) (t / knha).
    public var piLower: Double
    public var piUpper: Double
    /// Higgins et al.
    ///
    /// 2009 PI with t(k − 2) (the `meta` package convention), intercept-only fits; nil if k < 3.
    public var higginsPILower: Double?
    public var higginsPIUpper: Double?
}

/// Result of ``MetaAnalysis/fit(yi:vi:labels:moderators:options:)``: metafor `rma.uni` equivalent.
public struct MetaAnalysisResult: Sendable, Codable, Equatable {
    // Inputs
    public var labels: [String]
    public var yi: [Double]
    public var vi: [Double]
    public var design: DesignMatrix
    public var options: MetaAnalysisOptions

    // Estimates
    public var coefficients: [MetaCoefficient]
    /// Variance–covariance matrix of the coefficients, row-major p × p.
    public var covariance: [Double]
    public var tau2: Double
    /// Standard error of τ² (nil for EE).
    public var tau2StandardError: Double?
    /// I² in percent (EE: Q-based; otherwise 100·τ²/(τ² + ṽ), ṽ = (k − p)/tr(P_FE)).
    public var i2: Double
    public var h2: Double
    /// metafor's typical within-study variance ṽ.
    public var typicalVariance: Double
    /// Heterogeneity test Q (QE with moderators), χ²(k − p) with equal-effects weights.
    public var heterogeneity: TestResult
    /// Omnibus test of the moderators (nil for intercept-only models).
    public var moderatorTest: TestResult?
    /// Pseudo-R² in percent (metafor: max(0, 100(τ²_RE − τ²_ME)/τ²_RE)); nil for intercept-only.
    public var r2: Double?
    /// Knapp–Hartung scale factor s² (1 unless test = knha).
    public var knappHartungScale: Double
    /// Degrees of freedom of t tests (k − p), nil for z.
    public var testDF: Double?
    public var logLikelihoodML: Double
    public var logLikelihoodREML: Double
    /// Model weights 1/(vi + τ²), in percent of their sum.
    public var weightsPercent: [Double]
    public var convergence: Convergence
    public var warnings: [String]
    public var packageVersion: String

    public var k: Int { yi.count }
    public var p: Int { design.columns }
    /// The intercept (pooled estimate of an intercept-only model).
    public var pooled: MetaCoefficient { coefficients[0] }
    /// The τ² estimator actually used.
    public var method: TauEstimator { convergence.usedMethod }
    public var tau: Double { tau2.squareRoot() }
}
