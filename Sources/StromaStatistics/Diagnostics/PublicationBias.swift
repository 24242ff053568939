import Foundation

/// Egger-type regression test for funnel-plot asymmetry (metafor `regtest`, predictor `sei`).
public struct EggerTest: Sendable, Codable, Equatable {
    /// "rma" (the model's own method and test, with √vᵢ as a moderator) or "lm" (classical weighted regression).
    public var model: String
    /// z (rma with test z) or t statistic of the √vᵢ coefficient.
    public var statistic: Double
    public var pValue: Double
    /// Degrees of freedom for t-based versions, nil for z.
    public var df: Double?
    /// Limit estimate: the intercept (effect at se = 0), with its CI.
    public var limitEstimate: Double
    public var limitCILower: Double
    public var limitCIUpper: Double
}

/// Begg & Mazumdar rank correlation test (metafor `ranktest`): Kendall's τ between standardised
/// deviates from the equal-effects mean and vᵢ; exact p when there are no ties, else normal approximation.
public struct RankCorrelationTest: Sendable, Codable, Equatable {
    public var kendallTau: Double
    public var pValue: Double
    public var exact: Bool
}

/// Duval & Tweedie trim-and-fill (metafor `trimfill.rma.uni`).
public struct TrimAndFillResult: Sendable, Codable, Equatable {
    public enum Estimator: String, Sendable, Codable { case l0 = "L0", r0 = "R0" }
    public enum Side: String, Sendable, Codable { case left, right }
    public var estimator: Estimator
    /// Side on which studies are imputed (estimated from the sign of the Egger-type slope unless given).
    public var side: Side
    /// Number of imputed studies k₀.
    public var missing: Int
    public var missingStandardError: Double
    /// R0 only: p-value of k₀ (metafor `p.k0`).
    public var missingPValue: Double?
    /// Imputed (mirror-image) studies' yi and vi.
    public var filledYi: [Double]
    public var filledVi: [Double]
    /// The model refitted to observed + filled studies (the input fit when k₀ = 0).
    public var adjusted: MetaAnalysisResult
}

extension MetaAnalysisResult {
    /// Egger regression test.
    ///
    /// `model: .rma` refits this model (same τ² method and test) with √vᵢ added;
    /// `.lm` is the classical weighted regression yᵢ ~ 1 + √vᵢ with weights 1/vᵢ and a t(k − 2) test.
    public func eggerTest(classical: Bool = false) throws -> EggerTest {
        guard p == 1 else { throw StatisticsError("Egger test is implemented for intercept-only models (p = \(p))") }
        guard k >= 3 else { throw StatisticsError("Egger test needs k >= 3 studies, got \(k)") }
        let sei = vi.map { $0.squareRoot() }
        var values = [Double](repeating: 0, count: 2 * k)
        for i in 0..<k { values[2 * i] = 1; values[2 * i + 1] = sei[i] }
        let design = DesignMatrix(columnNames: ["intrcpt", "sei"], rows: k, values: values)
        if !classical {
            let fit = try MetaAnalysis.fitPrepared(
                y: yi, v: vi, labels: labels, design: design, options: options,
                warnings: [], computeR2: false)
            let slope = fit.coefficients[1], icpt = fit.coefficients[0]
            return EggerTest(
                model: "rma", statistic: slope.statistic, pValue: slope.pValue, df: fit.testDF,
                limitEstimate: icpt.estimate, limitCILower: icpt.ciLower, limitCIUpper: icpt.ciUpper)
        }
        let engine = RMAEngine(y: yi, v: vi, design: design)
        guard let proj = engine.project(vi.map { 1 / $0 }) else {
            throw StatisticsError("Egger test: the standard errors are all equal; the regression is singular")
        }
        let df = Double(k - 2)
        let sigma2 = proj.rss / df
        let se0 = (proj.m[0] * sigma2).squareRoot(), se1 = (proj.m[3] * sigma2).squareRoot()
        let t = proj.beta[1] / se1
        let crit = Distributions.tQuantile(1 - (1 - options.level / 100) / 2, df: df)
        return EggerTest(
            model: "lm", statistic: t, pValue: Distributions.tTwoSided(t, df: df), df: df,
            limitEstimate: proj.beta[0], limitCILower: proj.beta[0] - crit * se0,
            limitCIUpper: proj.beta[0] + crit * se0)
    }

    /// Begg's rank correlation test.
    public func rankCorrelationTest() throws -> RankCorrelationTest {
        guard k >= 3 else { throw StatisticsError("rank correlation test needs k >= 3 studies, got \(k)") }
        let w = vi.map { 1 / $0 }
        let sw = w.reduce(0, +)
        var theta = 0.0
        for i in 0..<k { theta += w[i] * yi[i] }
        theta /= sw
        let vb = 1 / sw
        let ystar = (0..<k).map { (yi[$0] - theta) / (vi[$0] - vb).squareRoot() }
        return KendallTest.test(ystar, vi)
    }

    /// Trim-and-fill with the L0 (default) or R0 estimator, refitting with this model's method.
    public func trimAndFill(
        estimator: TrimAndFillResult.Estimator = .l0, side givenSide: TrimAndFillResult.Side? = nil,
        maxIterations: Int = 100
    ) throws -> TrimAndFillResult {
        guard p == 1 else { throw StatisticsError("trim-and-fill needs an intercept-only model (p = \(p))") }
        guard k >= 3 else { throw StatisticsError("trim-and-fill needs k >= 3 studies, got \(k)") }
        var side = givenSide ?? .left
        if givenSide == nil {
            var values = [Double](repeating: 0, count: 2 * k)
            for i in 0..<k { values[2 * i] = 1; values[2 * i + 1] = vi[i].squareRoot() }
            let engine = RMAEngine(y: yi, v: vi, x: values, p: 2)
            guard let fit = engine.quickFit(options: options) else {
                throw StatisticsError("trim-and-fill: the regression on sqrt(vi) used to choose the side failed")
            }
            side = fit.beta[1] < 0 ? .right : .left
        }
        let flip: Double = side == .right ? -1 : 1
        let order = (0..<k).sorted { (flip * yi[$0], $0) < (flip * yi[$1], $1) }
        let ys = order.map { flip * yi[$0] }
        let vs = order.map { vi[$0] }
        let kd = Double(k)
        var k0 = 0, previous = -1, iterations = 0
        var se0 = 0.0
        var beta = 0.0
        var centred = ys
        while k0 != previous {
            previous = k0
            iterations += 1
            if iterations > maxIterations {
                throw StatisticsError("trim-and-fill did not converge in \(maxIterations) iterations")
            }
            let n = k - k0
            let sub = RMAEngine(y: Array(ys[0..<n]), v: Array(vs[0..<n]), x: [Double](repeating: 1, count: n), p: 1)
            guard let fit = sub.quickFit(options: options) else {
                throw StatisticsError("trim-and-fill: refit on \(n) trimmed studies failed")
            }
            beta = fit.beta[0]
            centred = ys.map { $0 - beta }
            // rank(abs(.), ties.method = "first")
            let byAbs = (0..<k).sorted { (Swift.abs(centred[$0]), $0) < (Swift.abs(centred[$1]), $1) }
            var rank = [Double](repeating: 0, count: k)
            for (r, i) in byAbs.enumerated() { rank[i] = Double(r + 1) }
            var k0hat: Double
            switch estimator {
            case .r0:
                var maxNeg = 0.0
                for i in 0..<k where centred[i] < 0 { maxNeg = Swift.max(maxNeg, rank[i]) }
                k0hat = (kd - maxNeg) - 1
                se0 = (2 * Swift.max(0, k0hat) + 2).squareRoot()
            case .l0:
                var sr = 0.0
                for i in 0..<k where centred[i] > 0 { sr += rank[i] }
                k0hat = (4 * sr - kd * (kd + 1)) / (2 * kd - 1)
                let varSr =
                    1.0 / 24
                    * (kd * (kd + 1) * (2 * kd + 1) + 10 * pow(k0hat, 3) + 27 * k0hat * k0hat
                        + 17 * k0hat - 18 * kd * k0hat * k0hat - 18 * kd * k0hat + 6 * kd * kd * k0hat)
                se0 = 4 * varSr.squareRoot() / (2 * kd - 1)
            }
            k0 = Swift.max(0, Int(rInteger(k0hat)))
            se0 = Swift.max(0, se0)
        }
        var filledY: [Double] = [], filledV: [Double] = []
        var adjusted = self
        if k0 > 0 {
            for i in (k - k0)..<k {
                let c = centred[i] - beta
                filledY.append(flip * -c)
                filledV.append(vs[i])
            }
            let labelsFilled = (1...k0).map { "Filled \($0)" }
            adjusted = try MetaAnalysis.fitPrepared(
                y: yi + filledY, v: vi + filledV, labels: labels + labelsFilled,
                design: .interceptOnly(k + k0), options: options, warnings: [], computeR2: false)
        }
        var pk0: Double?
        if estimator == .r0 {
            var s = 0.0
            for m in -1...(k0 - 1) {
                s += Foundation.pow(0.5, Double(m + 2))  // choose(m + 1, m + 1) = 1
            }
            pk0 = 1 - s
        }
        return TrimAndFillResult(
            estimator: estimator, side: side, missing: k0, missingStandardError: se0,
            missingPValue: pk0, filledYi: filledY, filledVi: filledV, adjusted: adjusted)
    }
}

/// R's `round()` (IEC 60559 round half to even).
func rInteger(_ x: Double) -> Double { x.rounded(.toNearestOrEven) }
