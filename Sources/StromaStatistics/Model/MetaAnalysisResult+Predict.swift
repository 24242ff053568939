import Foundation

extension MetaAnalysisResult {
    /// The pooled estimate of an intercept-only model (or the intercept) with CI and both PIs.
    public var prediction: MetaPrediction { predict(moderatorValues: [Double](repeating: 0, count: p - 1)) }

    /// Fitted value at moderator values `x` (one per non-intercept design column, as metafor's
    /// `predict(newmods=)`): est = x'β̂, se = √(x'Vx), CI with the model's critical value,
    /// PI est ± crit·√(se² + τ²) (metafor) and, for intercept-only models, Higgins' t(k − 2) PI.
    public func predict(moderatorValues x: [Double]) -> MetaPrediction {
        let row = [1.0] + x
        precondition(row.count == p, "predict: expected \(p - 1) moderator values, got \(x.count)")
        var est = 0.0
        for j in 0..<p { est += row[j] * coefficients[j].estimate }
        var variance = 0.0
        for a in 0..<p { for b in 0..<p { variance += row[a] * covariance[a * p + b] * row[b] } }
        let se = variance.squareRoot()
        let alpha = 1 - options.level / 100
        let crit: Double
        if let df = testDF, df > 0 {
            crit = Distributions.tQuantile(1 - alpha / 2, df: df)
        } else {
            crit = Distributions.normalQuantile(1 - alpha / 2)
        }
        let piHalf = crit * (variance + tau2).squareRoot()
        var hl: Double?, hu: Double?
        if p == 1 && k >= 3 {
            let t = Distributions.tQuantile(1 - alpha / 2, df: Double(k - 2))
            let half = t * (variance + tau2).squareRoot()
            hl = est - half
            hu = est + half
        }
        return MetaPrediction(
            estimate: est, standardError: se, ciLower: est - crit * se, ciUpper: est + crit * se,
            piLower: est - piHalf, piUpper: est + piHalf, higginsPILower: hl, higginsPIUpper: hu)
    }
}
