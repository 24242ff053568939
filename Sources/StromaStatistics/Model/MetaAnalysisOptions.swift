/// Estimators of the between-study variance τ² (metafor `method=` names).
public enum TauEstimator: String, Sendable, Codable, CaseIterable {
    /// Equal/common effect (τ² = 0); metafor `EE` (`FE` is the same fit).
    case equalEffects = "EE"
    /// DerSimonian–Laird method of moments.
    case dersimonianLaird = "DL"
    /// Hedges (OLS-based) estimator.
    case hedges = "HE"
    /// Hunter–Schmidt: (Q − k)/Σw.
    case hunterSchmidt = "HS"
    /// Sidik–Jonkman, started at var(y)(k−1)/k.
    case sidikJonkman = "SJ"
    /// Maximum likelihood by Fisher scoring.
    case maximumLikelihood = "ML"
    /// Restricted maximum likelihood by Fisher scoring (metafor's default).
    case restrictedMaximumLikelihood = "REML"
    /// Empirical Bayes (Morris) by Fisher scoring.
    case empiricalBayes = "EB"
    /// Paule–Mandel: root of Q(τ²) = k − p (R `uniroot`, tol ≈ 1.22e-4, as metafor).
    case pauleMandel = "PM"

    /// Whether the estimator is iterative and may fail to converge.
    public var isIterative: Bool {
        switch self {
        case .maximumLikelihood, .restrictedMaximumLikelihood, .empiricalBayes, .pauleMandel: return true
        default: return false
        }
    }
}

/// How coefficients are tested and their intervals formed.
public enum InferenceTest: String, Sendable, Codable, CaseIterable {
    /// Wald z and normal quantiles; QM ~ χ²(m) (metafor `test="z"`, default).
    case z
    /// Wald t with k − p df; QM ~ F(m, k − p) (metafor `test="t"`).
    case t
    /// Knapp–Hartung (Hartung–Knapp–Sidik–Jonkman): se² × s², t(k − p) (metafor `test="knha"`).
    case knappHartung = "knha"
}

/// Settings of a random-effects (or equal-effects) fit; defaults are metafor's `rma()` defaults.
public struct MetaAnalysisOptions: Sendable, Codable, Equatable, Hashable {
    public var method: TauEstimator
    public var test: InferenceTest
    /// Confidence level in percent (95).
    public var level: Double
    /// Estimators tried in turn when `method` fails to converge (documented fallback; default DL).
    ///
    /// metafor errors instead; the fallback and the failure are recorded in ``MetaAnalysisResult/convergence``.
    public var fallback: [TauEstimator]
    /// Fisher-scoring convergence threshold on |Δτ²| (1e-5).
    public var threshold: Double
    /// Maximum Fisher-scoring iterations (100).
    public var maxIterations: Int
    /// Step-length multiplier of Fisher scoring (1).
    public var stepAdjustment: Double

    public init(
        method: TauEstimator = .restrictedMaximumLikelihood, test: InferenceTest = .z,
        level: Double = 95, fallback: [TauEstimator] = [.dersimonianLaird],
        threshold: Double = 1e-5, maxIterations: Int = 100, stepAdjustment: Double = 1
    ) {
        self.method = method
        self.test = test
        self.level = level
        self.fallback = fallback
        self.threshold = threshold
        self.maxIterations = maxIterations
        self.stepAdjustment = stepAdjustment
    }
}
