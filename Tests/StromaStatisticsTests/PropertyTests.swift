import PropertyBased
import StromaStatistics
import Testing
import _StromaTestSupport

/// Invariances every rma fit must satisfy, on random data (swift-property-based).
@Suite(.shrinking(false)) struct PropertyTests {
    /// k = 3…25 studies: yi in [−3, 3], vi in [0.01, 2].
    static let studies = zip(Gen.double(in: -3...3), Gen.double(in: 0.01...2)).array(of: 3...25)

    static func fit(_ s: [(Double, Double)], _ method: TauEstimator, test: InferenceTest = .z) throws
        -> MetaAnalysisResult
    {
        try MetaAnalysis.fit(
            yi: s.map(\.0), vi: s.map(\.1), options: MetaAnalysisOptions(method: method, test: test, fallback: []))
    }

    @Test("study order does not change any estimate", arguments: TauEstimator.allCases)
    func permutationInvariance(_ method: TauEstimator) async {
        await propertyCheck(input: Self.studies, Gen.int(in: 0...10_000)) { s, seed in
            // A rotation, reversed for even seeds: moves every study when k > 1.
            let k = s.count
            var shuffled = (0..<k).map { s[($0 + seed) % k] }
            if seed % 2 == 0 { shuffled.reverse() }
            guard let a = try? Self.fit(s, method), let b = try? Self.fit(shuffled, method) else { return }
            #expect(isClose(a.pooled.estimate, b.pooled.estimate, relative: 1e-9, absolute: 1e-12))
            #expect(isClose(a.pooled.standardError, b.pooled.standardError, relative: 1e-9))
            #expect(isClose(a.tau2, b.tau2, relative: 1e-9, absolute: 1e-12))
            #expect(isClose(a.heterogeneity.statistic, b.heterogeneity.statistic, relative: 1e-9))
            #expect(isClose(a.i2, b.i2, relative: 1e-9, absolute: 1e-9))
        }
    }

    @Test("tau^2 >= 0, I^2 in [0, 100], H^2 >= 1, p in [0, 1]", arguments: TauEstimator.allCases)
    func ranges(_ method: TauEstimator) async {
        await propertyCheck(input: Self.studies) { s in
            guard let r = try? Self.fit(s, method) else { return }
            #expect(r.tau2 >= 0)
            #expect(r.i2 >= 0 && r.i2 <= 100)
            // metafor's EE H² is Q/(k − p), which may be below 1; model-based H² = τ²/ṽ + 1 ≥ 1.
            #expect(method == .equalEffects ? r.h2 >= 0 : r.h2 >= 1 - 1e-12)
            #expect(r.pooled.pValue >= 0 && r.pooled.pValue <= 1)
            #expect(r.heterogeneity.pValue >= 0 && r.heterogeneity.pValue <= 1)
            #expect(r.pooled.ciLower <= r.pooled.estimate && r.pooled.estimate <= r.pooled.ciUpper)
            let pr = r.prediction
            #expect(pr.piLower <= pr.ciLower + 1e-12 && pr.piUpper >= pr.ciUpper - 1e-12)
        }
    }

    @Test("random effects equal the equal-effects fit when tau^2 = 0", arguments: TauEstimator.allCases)
    func reEqualsFE(_ method: TauEstimator) async {
        await propertyCheck(input: Self.studies, Gen.double(in: -2...2)) { s, c in
            // Identical estimates: Q = 0, so every estimator gives tau^2 = 0.
            let same = s.map { (c, $0.1) }
            guard let re = try? Self.fit(same, method), let fe = try? Self.fit(same, .equalEffects) else {
                Issue.record("fit failed for identical estimates")
                return
            }
            #expect(re.tau2 < 1e-300 || isClose(re.tau2, 0, relative: 0, absolute: 1e-15 * (1 + c * c)))
            #expect(isClose(re.pooled.estimate, c, relative: 1e-12, absolute: 1e-12))
            #expect(isClose(re.pooled.standardError, fe.pooled.standardError, relative: 1e-12))
            // Any data whose estimated tau^2 is 0 reproduces the EE fit.
            if let r = try? Self.fit(s, method), r.tau2 == 0, let e = try? Self.fit(s, .equalEffects) {
                #expect(isClose(r.pooled.estimate, e.pooled.estimate, relative: 1e-12, absolute: 1e-14))
                #expect(isClose(r.pooled.standardError, e.pooled.standardError, relative: 1e-12))
            }
        }
    }

    @Test(
        "y -> a*y + b, v -> a^2*v scales the estimate, SE and tau^2 and leaves tests unchanged",
        arguments: TauEstimator.allCases)
    func scaling(_ method: TauEstimator) async {
        await propertyCheck(input: Self.studies, Gen.double(in: 0.5...3), Gen.double(in: -5...5)) { s, a, b in
            let t = s.map { (a * $0.0 + b, a * a * $0.1) }
            // Fisher scoring stops at |Δτ²| < threshold in the data's own units, so equivariance holds
            // to that threshold: tighten it to 1e-12 here. PM's uniroot tolerance (≈1.22e-4, as
            // metafor) is fixed, so PM is only checked on τ² within that tolerance.
            let options = MetaAnalysisOptions(method: method, fallback: [], threshold: 1e-12, maxIterations: 200)
            guard let r = try? MetaAnalysis.fit(yi: s.map(\.0), vi: s.map(\.1), options: options),
                let q = try? MetaAnalysis.fit(yi: t.map(\.0), vi: t.map(\.1), options: options)
            else { return }
            #expect(isClose(q.heterogeneity.statistic, r.heterogeneity.statistic, relative: 1e-9))
            if method == .pauleMandel {
                #expect(Swift.abs(q.tau2 - a * a * r.tau2) <= 1.3e-4 * Swift.max(1, a * a))
                return
            }
            let tol = method.isIterative ? 1e-7 : 1e-9
            #expect(isClose(q.pooled.estimate, a * r.pooled.estimate + b, relative: tol, absolute: tol))
            #expect(isClose(q.pooled.standardError, a * r.pooled.standardError, relative: tol))
            #expect(isClose(q.tau2, a * a * r.tau2, relative: tol, absolute: 1e-9 * Swift.max(1, a * a)))
            #expect(isClose(q.i2, r.i2, relative: tol, absolute: 1e-7))
        }
    }

    @Test("Knapp-Hartung only rescales the standard error")
    func knappHartung() async {
        await propertyCheck(input: Self.studies) { s in
            guard let z = try? Self.fit(s, .restrictedMaximumLikelihood),
                let h = try? Self.fit(s, .restrictedMaximumLikelihood, test: .knappHartung)
            else { return }
            #expect(z.pooled.estimate == h.pooled.estimate)
            #expect(
                isClose(
                    h.pooled.standardError, z.pooled.standardError * h.knappHartungScale.squareRoot(), relative: 1e-12))
        }
    }
}
