import Foundation

extension RMAEngine {
    /// The statistics a permutation test needs from a refit: coefficients, z (or t) values, QM.
    struct QuickFit {
        var beta: [Double]
        var zval: [Double]
        var qm: Double
        var tau2: Double
        var vb: [Double]
        var qe: Double
        var s2w: Double
    }

    /// Refits without building a full result (no likelihoods, labels or R²); nil when the fit fails.
    func quickFit(options: MetaAnalysisOptions, tau2 fixedTau2: Double? = nil) -> QuickFit? {
        var tau2: Double
        if let fixedTau2 {
            tau2 = fixedTau2
        } else if options.method == .equalEffects || k == 1 {
            tau2 = 0
        } else {
            let estimate = estimateTau2(options.method, options: options)
            guard estimate.converged else { return nil }
            tau2 = estimate.tau2
        }
        let w = weights(tau2)
        guard let proj = project(w) else { return nil }
        var s2w = 1.0
        if options.test == .knappHartung && k > p {
            s2w = proj.rss <= Double.ulpOfOne ? 0 : proj.rss / Double(k - p)
        }
        let vb = proj.m.map { $0 * s2w }
        var z = [Double](repeating: 0, count: p)
        for j in 0..<p { z[j] = proj.beta[j] / vb[j * p + j].squareRoot() }
        var qm = 0.0
        if p == 1 {
            qm = z[0] * z[0]
        } else {
            let m = p - 1
            var sub = [Double](repeating: 0, count: m * m)
            for a in 0..<m { for b in 0..<m { sub[a * m + b] = vb[(a + 1) * p + (b + 1)] } }
            guard let (inv, _) = SmallMatrix.invertSPD(sub, m) else { return nil }
            for a in 0..<m { for b in 0..<m { qm += proj.beta[a + 1] * inv[a * m + b] * proj.beta[b + 1] } }
            if options.test != .z { qm /= Double(m) }
        }
        var qe = 0.0
        if k > p, let fe = project(v.map { 1 / $0 }) { qe = Swift.max(0, fe.rss) }
        return QuickFit(beta: proj.beta, zval: z, qm: qm, tau2: tau2, vb: vb, qe: qe, s2w: s2w)
    }
}
