import Foundation
import StromaRelease

/// Univariate fixed-, random- and mixed-effects meta-analysis: the equivalent of metafor's `rma.uni`.
///
/// Model: yᵢ = xᵢ'β + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ). β̂ = (X'WX)⁻¹X'Wy, Var(β̂) = (X'WX)⁻¹
/// with W = diag(1/(vᵢ + τ̂²)) (× s² for Knapp–Hartung). Defaults: REML, z test, 95% level.
/// Reference: Viechtbauer 2010, J Stat Softw 36(3), doi:10.18637/jss.v036.i03; metafor 3.8-1.
public enum MetaAnalysis {
    /// Fits an intercept-only model to computed effect sizes.
    public static func fit(
        _ effects: EffectSizeSet, moderators: [Moderator] = [],
        options: MetaAnalysisOptions = MetaAnalysisOptions()
    ) throws -> MetaAnalysisResult {
        let rows = effects.effects.map(\.row)
        // Moderators are given per input row when their length matches the input; subset to kept rows.
        let subset: [Moderator] = moderators.map { moderator in
            guard moderator.count != rows.count, moderator.count > (rows.max() ?? -1) else { return moderator }
            switch moderator.values {
            case .continuous(let v): return Moderator(name: moderator.name, values: .continuous(rows.map { v[$0] }))
            case .categorical(let v, let levels):
                return Moderator(name: moderator.name, values: .categorical(rows.map { v[$0] }, levels: levels))
            }
        }
        var result = try fit(
            yi: effects.yi, vi: effects.vi, labels: effects.labels, moderators: subset, options: options)
        result.warnings = effects.warnings + result.warnings
        return result
    }

    /// Fits the model to estimates `yi` with sampling variances `vi`.
    ///
    /// Rows with non-finite yi/vi or a non-finite continuous moderator are dropped with a recorded
    /// warning (metafor drops NA rows). vi ≤ 0 throws.
    /// Moderators enter as in `mods = ~ a + factor(b)`; the intercept is always included.
    public static func fit(
        yi: [Double], vi: [Double], labels: [String]? = nil, moderators: [Moderator] = [],
        options: MetaAnalysisOptions = MetaAnalysisOptions()
    ) throws -> MetaAnalysisResult {
        guard yi.count == vi.count else {
            throw StatisticsError(
                "'yi' has \(yi.count) values but 'vi' has \(vi.count); they must have one value per study")
        }
        let names = labels ?? (1...Swift.max(yi.count, 1)).map { "Study \($0)" }
        guard names.count == yi.count else {
            throw StatisticsError("'labels' has \(names.count) values; expected \(yi.count)")
        }
        var keep: [Int] = []
        var warnings: [String] = []
        for moderator in moderators where moderator.count != yi.count {
            throw StatisticsError(
                "moderator '\(moderator.name)' has \(moderator.count) values; expected \(yi.count) (one per study)")
        }
        for i in 0..<yi.count {
            if !yi[i].isFinite || !vi[i].isFinite {
                warnings.append(
                    "row \(i + 1) ('\(names[i])') dropped: missing or non-finite \(yi[i].isFinite ? "'vi'" : "'yi'")")
                continue
            }
            // Rows with a missing (non-finite) continuous moderator are dropped, as metafor's na.omit.
            if let missing = moderators.first(where: {
                if case .continuous(let v) = $0.values { return !v[i].isFinite } else { return false }
            }) {
                warnings.append("row \(i + 1) ('\(names[i])') dropped: missing moderator '\(missing.name)'")
                continue
            }
            if vi[i] <= 0 {
                throw StatisticsError("row \(i + 1) ('\(names[i])'): 'vi' must be > 0, got \(vi[i])")
            }
            keep.append(i)
        }
        let kept: [Moderator] =
            keep.count == yi.count
            ? moderators
            : moderators.map { moderator in
                switch moderator.values {
                case .continuous(let v): return Moderator(name: moderator.name, values: .continuous(keep.map { v[$0] }))
                case .categorical(let v, let levels):
                    return Moderator(name: moderator.name, values: .categorical(keep.map { v[$0] }, levels: levels))
                }
            }
        let design = try DesignMatrix(k: keep.count, moderators: kept)
        let y = keep.map { yi[$0] }, v = keep.map { vi[$0] }
        let keptLabels = keep.map { names[$0] }
        guard y.count >= 1 else { throw StatisticsError("no studies left to analyse (k = 0)") }
        guard y.count > design.columns || design.columns == 1 else {
            throw StatisticsError("k = \(y.count) studies cannot estimate \(design.columns) coefficients; need k > p")
        }
        guard options.level > 0 && options.level < 100 else {
            throw StatisticsError("'level' must be in (0, 100), got \(options.level)")
        }
        return try fitPrepared(
            y: y, v: v, labels: keptLabels, design: design, options: options, warnings: warnings,
            computeR2: design.columns > 1)
    }

    static func fitPrepared(
        y: [Double], v: [Double], labels: [String], design: DesignMatrix,
        options: MetaAnalysisOptions, warnings initialWarnings: [String],
        computeR2: Bool
    ) throws -> MetaAnalysisResult {
        var warnings = initialWarnings
        let engine = RMAEngine(y: y, v: v, design: design)
        let k = engine.k, p = engine.p
        // τ² with documented fallback.
        var estimate: RMAEngine.TauEstimate
        var used = options.method
        var requestedConverged = true
        var requestedIterations = 0
        if k == 1 {
            estimate = .init(tau2: 0, standardError: nil, iterations: 0, converged: true)
            if options.method != .equalEffects { warnings.append("k = 1: tau^2 fixed at 0") }
        } else {
            estimate = engine.estimateTau2(options.method, options: options)
            requestedConverged = estimate.converged
            requestedIterations = estimate.iterations
            if !estimate.converged {
                warnings.append(estimate.message ?? "\(options.method.rawValue) failed")
                var recovered = false
                for alternative in options.fallback where alternative != options.method {
                    let next = engine.estimateTau2(alternative, options: options)
                    if next.converged {
                        warnings.append("fell back to \(alternative.rawValue) for tau^2")
                        estimate = next
                        used = alternative
                        recovered = true
                        break
                    }
                    warnings.append(next.message ?? "\(alternative.rawValue) failed")
                }
                if !recovered {
                    throw StatisticsError(
                        "tau^2 estimation failed: \(estimate.message ?? options.method.rawValue); no fallback succeeded (option 'fallback')"
                    )
                }
            }
        }
        warnings.append(contentsOf: estimate.warnings)
        let tau2 = used == .equalEffects ? 0 : estimate.tau2
        var result = try assemble(
            engine: engine, labels: labels, design: design, options: options, tau2: tau2,
            tau2SE: used == .equalEffects ? nil : estimate.standardError, method: used)
        result.convergence = Convergence(
            requestedMethod: options.method, usedMethod: used,
            converged: requestedConverged, iterations: requestedIterations)
        result.warnings = warnings
        if computeR2 && p > 1 {
            result.r2 = pseudoR2(y: y, v: v, design: design, tau2: tau2, method: used, options: options)
        }
        _ = k
        return result
    }

    /// Builds the result at a given τ²: coefficients, tests, heterogeneity, likelihoods.
    static func assemble(
        engine: RMAEngine, labels: [String], design: DesignMatrix, options: MetaAnalysisOptions,
        tau2: Double, tau2SE: Double?, method: TauEstimator
    ) throws -> MetaAnalysisResult {
        let k = engine.k, p = engine.p
        let w = engine.weights(tau2)
        guard let proj = engine.project(w) else {
            throw StatisticsError("the moderators are collinear: X'WX is singular (columns \(design.columnNames))")
        }
        var s2w = 1.0
        if options.test == .knappHartung && k > p {
            s2w = proj.rss <= Double.ulpOfOne ? 0 : proj.rss / Double(k - p)
        }
        let vb = proj.m.map { $0 * s2w }
        let useT = options.test != .z
        let ddf = Double(k - p)
        let alpha = 1 - options.level / 100
        let crit = useT ? Distributions.tQuantile(1 - alpha / 2, df: ddf) : Distributions.normalQuantile(1 - alpha / 2)
        var coefficients: [MetaCoefficient] = []
        for j in 0..<p {
            let se = vb[j * p + j].squareRoot()
            let b = proj.beta[j]
            let stat = b / se
            let pv = useT ? Distributions.tTwoSided(stat, df: ddf) : 2 * Distributions.normalUpper(Swift.abs(stat))
            coefficients.append(
                MetaCoefficient(
                    name: design.columnNames[j], estimate: b, standardError: se,
                    statistic: stat, pValue: pv, ciLower: b - crit * se, ciUpper: b + crit * se))
        }
        // Omnibus test of all non-intercept coefficients.
        var moderatorTest: TestResult?
        if p > 1 {
            let m = p - 1
            var sub = [Double](repeating: 0, count: m * m)
            for a in 0..<m { for b in 0..<m { sub[a * m + b] = vb[(a + 1) * p + (b + 1)] } }
            if let (inv, _) = SmallMatrix.invertSPD(sub, m) {
                let beta = Array(proj.beta[1...])
                let ib = SmallMatrix.multiply(inv, vector: beta, m)
                var qm = 0.0
                for a in 0..<m { qm += beta[a] * ib[a] }
                if useT {
                    let f = qm / Double(m)
                    moderatorTest = TestResult(
                        statistic: f, df: Double(m), df2: ddf,
                        pValue: Distributions.fUpper(f, df1: Double(m), df2: ddf), distribution: .f)
                } else {
                    moderatorTest = .chiSquared(qm, df: Double(m))
                }
            }
        }
        // Heterogeneity with equal-effects weights.
        var qe = 0.0, i2 = 0.0, h2 = 1.0, vt = 0.0
        let fe = engine.v.map { 1 / $0 }
        if k > p, let feProj = engine.project(fe) {
            qe = Swift.max(0, feProj.rss)
            let trP = engine.traces(fe, feProj.m).trP
            vt = Double(k - p) / trP
            if method == .equalEffects {
                i2 = Swift.max(0, 100 * (qe - Double(k - p)) / qe)
                h2 = qe / Double(k - p)
            } else {
                i2 = 100 * tau2 / (vt + tau2)
                h2 = tau2 / vt + 1
            }
        }
        let ll = engine.logLikelihoods(tau2: tau2)
        let sumW = w.reduce(0, +)
        return MetaAnalysisResult(
            labels: labels, yi: engine.y, vi: engine.v, design: design, options: options,
            coefficients: coefficients, covariance: vb, tau2: tau2, tau2StandardError: tau2SE,
            i2: i2, h2: h2, typicalVariance: vt,
            heterogeneity: k > p
                ? .chiSquared(qe, df: Double(k - p))
                : TestResult(statistic: 0, df: 0, pValue: 1, distribution: .chiSquared),
            moderatorTest: moderatorTest, r2: nil, knappHartungScale: s2w, testDF: useT ? ddf : nil,
            logLikelihoodML: ll.ml, logLikelihoodREML: ll.reml,
            weightsPercent: w.map { 100 * $0 / sumW },
            convergence: Convergence(requestedMethod: method, usedMethod: method, converged: true, iterations: 0),
            warnings: [], packageVersion: StromaRelease.version)
    }

    /// metafor's pseudo-R²: max(0, 100·(τ²_RE − τ²_ME)/τ²_RE) with the same method; EE: weighted adjusted R².
    static func pseudoR2(
        y: [Double], v: [Double], design: DesignMatrix, tau2: Double,
        method: TauEstimator, options: MetaAnalysisOptions
    ) -> Double? {
        let k = y.count, p = design.columns
        if method == .equalEffects {
            let w = v.map { 1 / $0 }
            let sw = w.reduce(0, +)
            var mean = 0.0
            for i in 0..<k { mean += w[i] * y[i] }
            mean /= sw
            var tss = 0.0
            for i in 0..<k { tss += w[i] * (y[i] - mean) * (y[i] - mean) }
            if tss == 0 { return 0 }
            guard let proj = RMAEngine(y: y, v: v, design: design).project(w) else { return nil }
            let r2 = 1 - proj.rss / tss
            let adj = 1 - (1 - r2) * Double(k - 1) / Double(k - p)
            return Swift.max(0, 100 * adj)
        }
        let engine0 = RMAEngine(y: y, v: v, design: .interceptOnly(k))
        let null = engine0.estimateTau2(method, options: options)
        guard null.converged else { return nil }
        if null.tau2 == 0 { return 0 }
        return Swift.max(0, 100 * (null.tau2 - tau2) / null.tau2)
    }
}
