import Foundation

/// An estimate with a confidence interval.
public struct IntervalEstimate: Sendable, Codable, Equatable, Hashable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double
}

/// Q-profile confidence intervals for τ², τ, I² and H² (metafor `confint.rma.uni`, Viechtbauer 2007).
public struct HeterogeneityIntervals: Sendable, Codable, Equatable {
    public var level: Double
    public var tau2: IntervalEstimate
    public var tau: IntervalEstimate
    public var i2: IntervalEstimate
    public var h2: IntervalEstimate
    /// Notes such as "lower bound < tau2.min" (the CI is then truncated at 0).
    public var notes: [String]
}

extension MetaAnalysisResult {
    /// Q-profile CI: solves Q(τ²) = χ²_{k−p}(1 − α/2) and χ²_{k−p}(α/2) on [0, max(100, 10τ̂²)] with
    /// R's `uniroot` (tol ε^¼, as metafor); I² and H² bounds use this fit's ṽ.
    public func heterogeneityIntervals() throws -> HeterogeneityIntervals {
        guard method != .equalEffects else {
            throw StatisticsError(
                "confidence interval for tau^2 needs a random-effects fit; this model uses method 'EE'")
        }
        guard k > p else { throw StatisticsError("confidence interval for tau^2 needs k > p (k = \(k), p = \(p))") }
        let engine = RMAEngine(y: yi, v: vi, design: design)
        let alpha = 1 - options.level / 100
        let df = Double(k - p)
        let critUpper = Distributions.chiSquaredQuantile(1 - alpha / 2, df: df)
        let critLower = Distributions.chiSquaredQuantile(alpha / 2, df: df)
        let tauMin = 0.0
        let tauMax = Swift.max(100, tau2 * 10)
        let qMax = engine.q(at: tauMax)
        let qMin = engine.q(at: tauMin)
        var lower = Double.nan, upper = Double.nan
        var notes: [String] = []
        func solve(_ target: Double) -> Double {
            RootFinder.zeroin(
                lower: tauMin, upper: tauMax, fLower: qMin - target, fUpper: qMax - target,
                tolerance: RootFinder.rTolerance, maxIterations: 1000
            ) { engine.q(at: $0) - target }?.root ?? .nan
        }
        if qMin < critLower {
            lower = tauMin; upper = tauMin
            notes.append("both bounds below 0: CI is the null set, reported as [0, 0]")
        } else {
            if qMax > critLower {
                upper = tauMax; notes.append("upper bound > tau2.max (\(tauMax))")
            } else {
                upper = solve(critLower)
            }
        }
        if qMax > critUpper {
            lower = tauMax; upper = tauMax
            notes.append("both bounds above tau2.max (\(tauMax))")
        } else if qMin < critUpper {
            lower = tauMin
        } else {
            lower = solve(critUpper)
        }
        let vt = typicalVariance
        func i2(_ t: Double) -> Double { 100 * t / (vt + t) }
        func h2(_ t: Double) -> Double { t / vt + 1 }
        return HeterogeneityIntervals(
            level: options.level,
            tau2: IntervalEstimate(estimate: tau2, lower: lower, upper: upper),
            tau: IntervalEstimate(estimate: tau2.squareRoot(), lower: lower.squareRoot(), upper: upper.squareRoot()),
            i2: IntervalEstimate(estimate: self.i2, lower: i2(lower), upper: i2(upper)),
            h2: IntervalEstimate(estimate: self.h2, lower: h2(lower), upper: h2(upper)),
            notes: notes)
    }
}
