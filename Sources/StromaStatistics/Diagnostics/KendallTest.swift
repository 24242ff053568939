import Foundation

/// Kendall's τ-b with R's `cor.test(method = "kendall", exact = TRUE)` p-value.
///
/// Without ties the exact null distribution of the number of concordant pairs is used (R's
/// `ckendall` recursion, computed in probabilities); with ties R falls back to the normal
/// approximation with tie-corrected variance, no continuity correction.
enum KendallTest {
    static func test(_ x: [Double], _ y: [Double]) -> RankCorrelationTest {
        let n = x.count
        var s = 0.0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                s += Double((dx > 0 ? 1 : dx < 0 ? -1 : 0) * (dy > 0 ? 1 : dy < 0 ? -1 : 0))
            }
        }
        let xt = tieGroups(x), yt = tieGroups(y)
        let nd = Double(n)
        let t0 = nd * (nd - 1) / 2
        let t1 = xt.reduce(0) { $0 + $1 * ($1 - 1) } / 2
        let t2 = yt.reduce(0) { $0 + $1 * ($1 - 1) } / 2
        let tau = s / ((t0 - t1) * (t0 - t2)).squareRoot()
        let ties = !xt.isEmpty || !yt.isEmpty
        if !ties {
            let q = rInteger((tau + 1) * nd * (nd - 1) / 4)
            let pvalue: Double
            if q > nd * (nd - 1) / 4 {
                pvalue = 1 - cumulative(Int(q) - 1, n)
            } else {
                pvalue = cumulative(Int(q), n)
            }
            return RankCorrelationTest(kendallTau: tau, pValue: Swift.min(2 * pvalue, 1), exact: true)
        }
        let v0 = nd * (nd - 1) * (2 * nd + 5)
        let vt = xt.reduce(0) { $0 + $1 * ($1 - 1) * (2 * $1 + 5) }
        let vu = yt.reduce(0) { $0 + $1 * ($1 - 1) * (2 * $1 + 5) }
        let v1 = xt.reduce(0) { $0 + $1 * ($1 - 1) } * yt.reduce(0) { $0 + $1 * ($1 - 1) }
        let v2 = xt.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) } * yt.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) }
        let varS = (v0 - vt - vu) / 18 + v1 / (2 * nd * (nd - 1)) + v2 / (9 * nd * (nd - 1) * (nd - 2))
        let sTies = tau * ((t0 - t1) * (t0 - t2)).squareRoot()
        let z = sTies / varS.squareRoot()
        let pvalue = 2 * Swift.min(Distributions.normalCDF(z), Distributions.normalUpper(z))
        return RankCorrelationTest(kendallTau: tau, pValue: pvalue, exact: false)
    }

    /// Sizes (> 1) of groups of tied values.
    static func tieGroups(_ x: [Double]) -> [Double] {
        var counts: [Double: Int] = [:]
        for value in x { counts[value, default: 0] += 1 }
        return counts.values.filter { $0 > 1 }.map(Double.init)
    }

    /// P(T ≤ q) where T counts concordant pairs among n untied observations under independence.
    static func cumulative(_ q: Int, _ n: Int) -> Double {
        if q < 0 { return 0 }
        let maxPairs = n * (n - 1) / 2
        if q >= maxPairs { return 1 }
        // Distribution of inversions: p_n(j) = (1/n) Σ_{i=0}^{min(j, n−1)} p_{n−1}(j − i).
        var dist = [1.0]
        for m in 2...Swift.max(n, 2) where m <= n {
            let size = m * (m - 1) / 2 + 1
            var next = [Double](repeating: 0, count: size)
            var running = 0.0
            for j in 0..<size {
                running += j < dist.count ? dist[j] : 0
                if j - m >= 0 && j - m < dist.count { running -= dist[j - m] }
                next[j] = running / Double(m)
            }
            dist = next
        }
        var total = 0.0
        for j in 0...q { total += dist[j] }
        return Swift.min(1, total)
    }
}
