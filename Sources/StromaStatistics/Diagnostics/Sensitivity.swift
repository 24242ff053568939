import Foundation

/// One refit of a sensitivity analysis (a row of metafor's `leave1out` / `cumul` output).
public struct SensitivityRow: Sendable, Codable, Equatable {
    /// Label of the study left out (leave-one-out) or last added (cumulative).
    public var label: String
    public var estimate: Double
    public var standardError: Double
    public var statistic: Double
    public var pValue: Double
    public var ciLower: Double
    public var ciUpper: Double
    public var q: Double
    public var qPValue: Double
    public var tau2: Double
    public var i2: Double
    public var h2: Double
    /// Warnings of the refit (for example a τ² fallback); a failed refit has NaN values and a warning here.
    public var warnings: [String]
}

/// Case-deletion diagnostics of one study (metafor `influence.rma.uni`).
public struct InfluenceRow: Sendable, Codable, Equatable {
    public var label: String
    /// Externally studentised residual.
    public var rstudent: Double
    public var dffits: Double
    public var cooksDistance: Double
    public var covarianceRatio: Double
    public var tau2Deleted: Double
    public var qeDeleted: Double
    public var hat: Double
    /// Weight in percent.
    public var weight: Double
    /// DFBETAS, one per coefficient.
    public var dfbetas: [Double]
    /// metafor's `inf` flag: |DFFITS| > 3√(p/(k−p)), pchisq(Cook, p) > 0.5, hat > 3p/k, or any |DFBETAS| > 1
    /// (Cook's distance and the covariance ratio use all p coefficients, intercept included).
    public var influential: Bool
}

extension MetaAnalysisResult {
    private func row(_ fit: MetaAnalysisResult, label: String) -> SensitivityRow {
        let c = fit.pooled
        return SensitivityRow(
            label: label, estimate: c.estimate, standardError: c.standardError, statistic: c.statistic,
            pValue: c.pValue, ciLower: c.ciLower, ciUpper: c.ciUpper, q: fit.heterogeneity.statistic,
            qPValue: fit.heterogeneity.pValue, tau2: fit.tau2, i2: fit.i2, h2: fit.h2, warnings: fit.warnings)
    }

    private func failedRow(_ label: String, _ error: any Error) -> SensitivityRow {
        SensitivityRow(
            label: label, estimate: .nan, standardError: .nan, statistic: .nan, pValue: .nan, ciLower: .nan,
            ciUpper: .nan, q: .nan, qPValue: .nan, tau2: .nan, i2: .nan, h2: .nan, warnings: ["\(error)"])
    }

    /// Leave-one-out: the intercept-only model refitted k times without study i (same method and test).
    public func leaveOneOut() throws -> [SensitivityRow] {
        guard p == 1 else { throw StatisticsError("leave-one-out is implemented for intercept-only models (p = \(p))") }
        guard k >= 2 else { throw StatisticsError("leave-one-out needs k >= 2 studies, got \(k)") }
        return (0..<k).map { i in
            var y = yi, v = vi, l = labels
            y.remove(at: i); v.remove(at: i); l.remove(at: i)
            do {
                let fit = try MetaAnalysis.fitPrepared(
                    y: y, v: v, labels: l, design: .interceptOnly(k - 1),
                    options: options, warnings: [], computeR2: false)
                return row(fit, label: labels[i])
            } catch { return failedRow(labels[i], error) }
        }
    }

    /// Cumulative meta-analysis adding studies in the order of `sortKeys` (stable; nil = input order).
    public func cumulative(sortKeys: [Double]? = nil) throws -> [SensitivityRow] {
        guard p == 1 else {
            throw StatisticsError("cumulative meta-analysis is implemented for intercept-only models (p = \(p))")
        }
        if let keys = sortKeys, keys.count != k {
            throw StatisticsError("'sortKeys' has \(keys.count) values; expected \(k) (one per study)")
        }
        let order = sortKeys.map { keys in (0..<k).sorted { (keys[$0], $0) < (keys[$1], $1) } } ?? Array(0..<k)
        return (1...k).map { n in
            let idx = Array(order[0..<n])
            do {
                let fit = try MetaAnalysis.fitPrepared(
                    y: idx.map { yi[$0] }, v: idx.map { vi[$0] },
                    labels: idx.map { labels[$0] }, design: .interceptOnly(n),
                    options: options, warnings: [], computeR2: false)
                return row(fit, label: labels[order[n - 1]])
            } catch { return failedRow(labels[order[n - 1]], error) }
        }
    }

    /// Influence diagnostics as metafor's `influence.rma.uni` (each study deleted in turn, τ² re-estimated).
    public func influence() throws -> [InfluenceRow] {
        guard k > p + 1 else { throw StatisticsError("influence diagnostics need k > p + 1 (k = \(k), p = \(p))") }
        let engine = RMAEngine(y: yi, v: vi, design: design)
        let w = engine.weights(tau2)
        guard let full = engine.project(w) else { throw StatisticsError("influence: the model cannot be refitted") }
        let sw = w.reduce(0, +)
        // btt: all coefficients, intercept included (metafor `.set.btt(btt, p, int.incl = FALSE)`).
        let btt = Array(0..<p)
        let m = btt.count
        func sub(_ matrix: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: m * m)
            for a in 0..<m { for b in 0..<m { out[a * m + b] = matrix[btt[a] * p + btt[b]] } }
            return out
        }
        guard let (svb, logDetFull) = SmallMatrix.invertSPD(sub(covariance), m) else {
            throw StatisticsError("influence: the coefficient covariance matrix is singular")
        }
        var rows: [InfluenceRow] = []
        for i in 0..<k {
            let xi = Array(design.values[(i * p)..<((i + 1) * p)])
            var hat = 0.0
            for a in 0..<p { for b in 0..<p { hat += xi[a] * full.m[a * p + b] * xi[b] } }
            hat *= w[i]
            var keep = Array(0..<k)
            keep.remove(at: i)
            let reduced = RMAEngine(y: keep.map { yi[$0] }, v: keep.map { vi[$0] }, design: design.selecting(keep))
            guard let fit = reduced.quickFit(options: options) else {
                rows.append(
                    InfluenceRow(
                        label: labels[i], rstudent: .nan, dffits: .nan, cooksDistance: .nan,
                        covarianceRatio: .nan, tau2Deleted: .nan, qeDeleted: .nan, hat: hat,
                        weight: 100 * w[i] / sw, dfbetas: [Double](repeating: .nan, count: p), influential: false))
                continue
            }
            var predFull = 0.0, predDel = 0.0, vPred = 0.0
            for a in 0..<p {
                predFull += xi[a] * full.beta[a]
                predDel += xi[a] * fit.beta[a]
                for b in 0..<p { vPred += xi[a] * fit.vb[a * p + b] * xi[b] }
            }
            let dffits = (predFull - predDel) / (fit.s2w * hat * (fit.tau2 + vi[i])).squareRoot()
            var resid = yi[i] - predDel
            if Swift.abs(resid) < 100 * Double.ulpOfOne { resid = 0 }
            let seResid = (vi[i] * fit.s2w + vPred + fit.tau2 * fit.s2w).squareRoot()
            // vb.del = (X' diag(1/(v + τ²_del)) X)⁻¹ over all k studies.
            let vbDel =
                SmallMatrix.invertSPD(engine.crossproduct(engine.weights(fit.tau2)), p)?.inverse
                ?? [Double](repeating: .nan, count: p * p)
            var dfbetas = [Double](repeating: 0, count: p)
            for a in 0..<p { dfbetas[a] = (full.beta[a] - fit.beta[a]) / (fit.s2w * vbDel[a * p + a]).squareRoot() }
            var cook = 0.0
            for a in 0..<m {
                for b in 0..<m {
                    cook +=
                        (full.beta[btt[a]] - fit.beta[btt[a]]) * svb[a * m + b] * (full.beta[btt[b]] - fit.beta[btt[b]])
                }
            }
            let logDetDel = SmallMatrix.invertSPD(sub(fit.vb), m)?.logDet ?? .nan
            let covRatio = Foundation.exp(logDetDel - logDetFull)
            let influential =
                Swift.abs(dffits) > 3 * (Double(p) / Double(k - p)).squareRoot()
                || Distributions.chiSquaredCDF(cook, df: Double(m)) > 0.5
                || hat > 3 * Double(p) / Double(k)
                || dfbetas.contains { Swift.abs($0) > 1 }
            rows.append(
                InfluenceRow(
                    label: labels[i], rstudent: resid / seResid, dffits: dffits, cooksDistance: cook,
                    covarianceRatio: covRatio, tau2Deleted: fit.tau2, qeDeleted: fit.qe, hat: hat,
                    weight: 100 * w[i] / sw, dfbetas: dfbetas, influential: influential))
        }
        return rows
    }
}
