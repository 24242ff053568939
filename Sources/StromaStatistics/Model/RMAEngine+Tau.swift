import Foundation

/// τ² estimators, transcribed from metafor 3.8-1 `rma.uni` (see docs/statistics.md).
extension RMAEngine {
    struct TauEstimate {
        var tau2: Double
        var standardError: Double?
        var iterations: Int
        var converged: Bool
        var message: String?
        var warnings: [String] = []
    }

    func estimateTau2(_ method: TauEstimator, options: MetaAnalysisOptions) -> TauEstimate {
        let kp = Double(k - p)
        switch method {
        case .equalEffects:
            return TauEstimate(tau2: 0, standardError: nil, iterations: 0, converged: true)

        case .dersimonianLaird, .hunterSchmidt:
            let a = v.map { 1 / $0 }
            guard let proj = project(a) else { return singular(method) }
            let tr = traces(a, proj.m)
            let sumW = a.reduce(0, +)
            let raw = method == .dersimonianLaird ? (proj.rss - kp) / tr.trP : (proj.rss - Double(k)) / sumW
            let tau2 = Swift.max(0, raw)
            let denominator = method == .dersimonianLaird ? tr.trP : sumW
            let se = (1 / (denominator * denominator) * (2 * kp + 4 * tau2 * tr.trP + 2 * tau2 * tau2 * tr.trPP))
                .squareRoot()
            return TauEstimate(tau2: tau2, standardError: se, iterations: 0, converged: true)

        case .hedges:
            let (tau2raw, trPV) = hedgesRaw()
            let tau2 = Swift.max(0, tau2raw)
            let ones = [Double](repeating: 1, count: k)
            guard let proj = project(ones) else { return singular(method) }
            let pvpv = tracePVPV(ones, proj.m)
            let se = (1 / (kp * kp) * (2 * pvpv + 4 * tau2 * trPV + 2 * tau2 * tau2 * kp)).squareRoot()
            return TauEstimate(tau2: tau2, standardError: se, iterations: 0, converged: true)

        case .sidikJonkman:
            let mean = y.reduce(0, +) / Double(k)
            var ss = 0.0
            for value in y { ss += (value - mean) * (value - mean) }
            let tau20 = ss / Double(k)  // var(y)·(k−1)/k
            let a = v.map { 1 / ($0 + tau20) }
            guard let proj = project(a) else { return singular(method) }
            let tau2 = Swift.max(0, tau20 * proj.rss / kp)
            let pvpv = tracePVPV(a, proj.m)
            let pvp = tracePVP(a, proj.m)
            let tr = traces(a, proj.m)
            let se = (tau20 * tau20 / (kp * kp) * (2 * pvpv + 4 * tau2 * pvp + 2 * tau2 * tau2 * tr.trPP)).squareRoot()
            return TauEstimate(tau2: tau2, standardError: se, iterations: 0, converged: true)

        case .maximumLikelihood, .restrictedMaximumLikelihood, .empiricalBayes:
            return fisherScoring(method, options: options)

        case .pauleMandel:
            return pauleMandel()
        }
    }

    private func singular(_ method: TauEstimator) -> TauEstimate {
        TauEstimate(
            tau2: .nan, standardError: nil, iterations: 0, converged: false,
            message: "\(method.rawValue): X'WX is singular (moderators are collinear)")
    }

    /// Hedges' estimator before truncation, and tr(PV) with the OLS projection.
    func hedgesRaw() -> (tau2: Double, trPV: Double) {
        let ones = [Double](repeating: 1, count: k)
        guard let proj = project(ones) else { return (.nan, .nan) }
        let sumV = v.reduce(0, +)
        let trPV = sumV - traceMS(proj.m, v)
        return ((proj.rss - trPV) / Double(k - p), trPV)
    }

    /// Fisher scoring for ML / REML / EB started at max(0, HE), with step halving and `ll0check`.
    func fisherScoring(_ method: TauEstimator, options: MetaAnalysisOptions) -> TauEstimate {
        let kp = Double(k - p)
        var tau2 = Swift.max(0, hedgesRaw().tau2)
        if !tau2.isFinite { return singular(method) }
        var change = options.threshold + 1
        var iterations = 0
        var converged = true
        var w = [Double](repeating: 0, count: k)
        while change > options.threshold {
            iterations += 1
            let old = tau2
            for i in 0..<k { w[i] = 1 / (v[i] + tau2) }
            guard let proj = project(w) else { return singular(method) }
            var adj: Double
            switch method {
            case .maximumLikelihood:
                var ypp = 0.0, sw = 0.0, sw2 = 0.0
                for i in 0..<k { let wr = w[i] * proj.residuals[i]; ypp += wr * wr; sw += w[i]; sw2 += w[i] * w[i] }
                adj = (ypp - sw) / sw2
            case .restrictedMaximumLikelihood:
                var ypp = 0.0
                for i in 0..<k { let wr = w[i] * proj.residuals[i]; ypp += wr * wr }
                let tr = traces(w, proj.m)
                adj = (ypp - tr.trP) / tr.trPP
            default:
                let sw = w.reduce(0, +)
                adj = (proj.rss * Double(k) / kp - Double(k)) / sw
            }
            adj *= options.stepAdjustment
            if adj.isNaN { adj = 0 }
            while tau2 + adj < 0 { adj /= 2 }
            tau2 += adj
            change = Swift.abs(old - tau2)
            if iterations > options.maxIterations { converged = false; break }
        }
        if !converged {
            return TauEstimate(
                tau2: .nan, standardError: nil, iterations: iterations, converged: false,
                message: "\(method.rawValue): Fisher scoring did not converge in \(options.maxIterations) iterations")
        }
        var warnings: [String] = []
        if method != .empiricalBayes {
            let ll = logLikelihoods(tau2: tau2)
            let ll0 = logLikelihoods(tau2: 0)
            let (l1, l0) = method == .maximumLikelihood ? (ll.ml, ll0.ml) : (ll.reml, ll0.reml)
            if l0 - l1 > 0.0001220703125 && tau2 > options.threshold {
                warnings.append(
                    "\(method.rawValue): Fisher scoring may have stopped at a local maximum; tau^2 set to 0 (metafor ll0check)"
                )
                tau2 = 0
            }
        }
        tau2 = Swift.max(0, tau2)
        for i in 0..<k { w[i] = 1 / (v[i] + tau2) }
        let se: Double
        switch method {
        case .maximumLikelihood:
            se = (2 / w.reduce(0) { $0 + $1 * $1 }).squareRoot()
        case .restrictedMaximumLikelihood:
            guard let proj = project(w) else { return singular(method) }
            se = (2 / traces(w, proj.m).trPP).squareRoot()
        default:
            let sw = w.reduce(0, +)
            se = (2 * Double(k * k) / kp / (sw * sw)).squareRoot()
        }
        return TauEstimate(tau2: tau2, standardError: se, iterations: iterations, converged: true, warnings: warnings)
    }

    /// Paule–Mandel: root of Q(τ²) − (k − p) on [0, max(100, 10·mad(y)²)] by R's `uniroot` (Brent, tol ε^¼).
    func pauleMandel() -> TauEstimate {
        let target = Double(k - p)
        let tau2Max = Swift.max(100, 10 * Self.mad(y) * Self.mad(y))
        let q0 = q(at: 0) - target
        var tau2: Double
        var iterations = 0
        if q0 < 0 {
            tau2 = 0
        } else {
            let qMax = q(at: tau2Max) - target
            if qMax > 0 {
                return TauEstimate(
                    tau2: .nan, standardError: nil, iterations: 0, converged: false,
                    message: "PM: Q(tau2.max = \(tau2Max)) still exceeds k - p; tau^2 is beyond the search interval")
            }
            let root = RootFinder.zeroin(
                lower: 0, upper: tau2Max, fLower: q0, fUpper: qMax,
                tolerance: RootFinder.rTolerance, maxIterations: 100
            ) { self.q(at: $0) - target }
            guard let root else {
                return TauEstimate(
                    tau2: .nan, standardError: nil, iterations: 100, converged: false,
                    message: "PM: root finding did not converge")
            }
            tau2 = root.root
            iterations = root.iterations
        }
        let w = weights(tau2)
        let sw = w.reduce(0, +)
        let se = (2 * Double(k * k) / target / (sw * sw)).squareRoot()
        return TauEstimate(tau2: tau2, standardError: se, iterations: iterations, converged: true)
    }

    /// R's `mad()`: 1.4826 · median(|y − median(y)|).
    static func mad(_ values: [Double]) -> Double {
        let med = median(values)
        return 1.4826 * median(values.map { Swift.abs($0 - med) })
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        let n = s.count
        if n == 0 { return .nan }
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2])
    }
}
