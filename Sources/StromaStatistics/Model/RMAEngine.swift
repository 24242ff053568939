import Foundation

/// The numerical core of `rma.uni` with a diagonal weight matrix: everything is O(k·p²).
///
/// With P = A − AX(X'AX)⁻¹X'A for diagonal A = diag(a) and M = (X'AX)⁻¹, S_f = X' diag(f) X:
/// - tr(P D) = Σ a d − tr(M S_{a²d})
/// - tr(P D P D) = Σ a²d² − 2 tr(M S_{a³d²}) + tr((M S_{a²d})²)
/// - tr(P D P) = Σ a²d − 2 tr(M S_{a³d}) + tr(M S_{a²d} M S_{a²})
/// - y'Py = Σ a r², y'PPy = Σ a² r², r = y − Xβ̂_A.
struct RMAEngine {
    let k: Int
    let p: Int
    let y: [Double]
    let v: [Double]
    let x: [Double]

    struct Projection {
        var m: [Double]
        var logDet: Double
        var beta: [Double]
        var residuals: [Double]
        var rss: Double
    }

    init(y: [Double], v: [Double], design: DesignMatrix) {
        self.k = y.count
        self.p = design.columns
        self.y = y
        self.v = v
        self.x = design.values
    }

    init(y: [Double], v: [Double], x: [Double], p: Int) {
        self.k = y.count
        self.p = p
        self.y = y
        self.v = v
        self.x = x
    }

    /// S_f = X' diag(f) X.
    func crossproduct(_ f: [Double]) -> [Double] {
        var s = [Double](repeating: 0, count: p * p)
        x.withUnsafeBufferPointer { xb in
            f.withUnsafeBufferPointer { fb in SmallMatrix.crossproduct(xb, k: k, p: p, weights: fb, into: &s) }
        }
        return s
    }

    /// Weighted least squares with weights a; nil when X'AX is singular.
    func project(_ a: [Double]) -> Projection? {
        if p == 1 {
            var sw = 0.0, swy = 0.0
            for i in 0..<k { sw += a[i]; swy += a[i] * y[i] }
            guard sw > 0 else { return nil }
            let b = swy / sw
            var r = [Double](repeating: 0, count: k)
            var rss = 0.0
            for i in 0..<k { let e = y[i] - b; r[i] = e; rss += a[i] * e * e }
            return Projection(m: [1 / sw], logDet: Foundation.log(sw), beta: [b], residuals: r, rss: rss)
        }
        let s = crossproduct(a)
        guard let (m, logDet) = SmallMatrix.invertSPD(s, p) else { return nil }
        var xay = [Double](repeating: 0, count: p)
        for i in 0..<k { let ay = a[i] * y[i]; for j in 0..<p { xay[j] += x[i * p + j] * ay } }
        let beta = SmallMatrix.multiply(m, vector: xay, p)
        var r = [Double](repeating: 0, count: k)
        var rss = 0.0
        for i in 0..<k {
            var fit = 0.0
            for j in 0..<p { fit += x[i * p + j] * beta[j] }
            let e = y[i] - fit
            r[i] = e
            rss += a[i] * e * e
        }
        return Projection(m: m, logDet: logDet, beta: beta, residuals: r, rss: rss)
    }

    /// tr(M S_f).
    func traceMS(_ m: [Double], _ f: [Double]) -> Double {
        if p == 1 { var s = 0.0; for i in 0..<k { s += f[i] * x[i] * x[i] }; return m[0] * s }
        return SmallMatrix.traceProduct(m, crossproduct(f), p)
    }

    /// tr(M S_f M S_g).
    func traceMSMS(_ m: [Double], _ f: [Double], _ g: [Double]) -> Double {
        let a = SmallMatrix.multiply(m, crossproduct(f), p)
        let b = f == g ? a : SmallMatrix.multiply(m, crossproduct(g), p)
        return SmallMatrix.traceProduct(a, b, p)
    }

    /// Traces of P = A − AXMX'A used by the estimators (D = diag(d)).
    struct Traces {
        var trP: Double
        var trPP: Double
    }

    func traces(_ a: [Double], _ m: [Double]) -> Traces {
        var sa = 0.0, sa2 = 0.0
        var a2 = [Double](repeating: 0, count: k)
        var a3 = [Double](repeating: 0, count: k)
        for i in 0..<k { let ai = a[i]; sa += ai; a2[i] = ai * ai; a3[i] = ai * ai * ai; sa2 += a2[i] }
        if p == 1 {
            var s2 = 0.0, s3 = 0.0
            for i in 0..<k { let xx = x[i] * x[i]; s2 += a2[i] * xx; s3 += a3[i] * xx }
            let ms2 = m[0] * s2
            return Traces(trP: sa - ms2, trPP: sa2 - 2 * m[0] * s3 + ms2 * ms2)
        }
        let trP = sa - traceMS(m, a2)
        let trPP = sa2 - 2 * traceMS(m, a3) + traceMSMS(m, a2, a2)
        return Traces(trP: trP, trPP: trPP)
    }

    /// tr(P D P D) with d = v.
    func tracePVPV(_ a: [Double], _ m: [Double]) -> Double {
        var s = 0.0
        var f1 = [Double](repeating: 0, count: k)
        var f2 = [Double](repeating: 0, count: k)
        for i in 0..<k {
            let ad = a[i] * v[i]
            s += ad * ad
            f1[i] = a[i] * a[i] * a[i] * v[i] * v[i]
            f2[i] = a[i] * a[i] * v[i]
        }
        return s - 2 * traceMS(m, f1) + traceMSMS(m, f2, f2)
    }

    /// tr(P V P) = sum(PV * P).
    func tracePVP(_ a: [Double], _ m: [Double]) -> Double {
        var s = 0.0
        var f1 = [Double](repeating: 0, count: k)
        var f2 = [Double](repeating: 0, count: k)
        var f3 = [Double](repeating: 0, count: k)
        for i in 0..<k {
            let a2 = a[i] * a[i]
            s += a2 * v[i]
            f1[i] = a2 * a[i] * v[i]
            f2[i] = a2 * v[i]
            f3[i] = a2
        }
        return s - 2 * traceMS(m, f1) + traceMSMS(m, f2, f3)
    }

    /// Weights 1/(v + τ²).
    func weights(_ tau2: Double) -> [Double] {
        var w = [Double](repeating: 0, count: k)
        for i in 0..<k { w[i] = 1 / (v[i] + tau2) }
        return w
    }

    /// Q(τ²) = y'P(τ²)y (generalised Q statistic).
    func q(at tau2: Double) -> Double {
        project(weights(tau2))?.rss ?? .nan
    }

    /// Restricted / full log-likelihood at τ² (metafor `ll.REML` with `REMLf = TRUE`, `ll.ML`).
    func logLikelihoods(tau2: Double) -> (ml: Double, reml: Double) {
        let w = weights(tau2)
        guard let proj = project(w) else { return (.nan, .nan) }
        var sumLog = 0.0
        for i in 0..<k { sumLog += Foundation.log(v[i] + tau2) }
        let ml = -0.5 * Double(k) * Foundation.log(2 * Double.pi) - 0.5 * sumLog - 0.5 * proj.rss
        let ones = [Double](repeating: 1, count: k)
        let logDetXX = project(ones)?.logDet ?? 0
        let reml =
            -0.5 * Double(k - p) * Foundation.log(2 * Double.pi) + 0.5 * logDetXX
            - 0.5 * sumLog - 0.5 * proj.logDet - 0.5 * proj.rss
        return (ml, reml)
    }
}
