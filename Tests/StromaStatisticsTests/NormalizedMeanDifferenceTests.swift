import Foundation
import StromaStatistics
import Testing
import _StromaTestSupport

/// CAMARADES NMD (no external implementation): checked against Vesterinen et al.
///
/// 2014's formulas
/// (J Neurosci Methods 221:92–102, doi:10.1016/j.jneumeth.2013.09.010, §"Normalised mean difference")
/// evaluated by hand in the test, and against the toy golden table of design/meta-analysis.md §3.4.
@Suite struct NormalizedMeanDifferenceTests {
    /// Toy infarct-volume data (synthetic, from the design note): n_c, m_c, sd_c, n_rx, m_rx, sd_rx; sham = 0;
    /// S4a and S4b share one control group of 12.
    static let toy: [(String, Double, Double, Double, Double, Double, Double, Int)] = [
        ("S1", 10, 120, 30, 10, 80, 25, 1), ("S2", 8, 100, 20, 8, 70, 22, 1), ("S3", 6, 150, 40, 6, 90, 35, 1),
        ("S4a", 12, 130, 25, 6, 85, 20, 2), ("S4b", 12, 130, 25, 6, 95, 30, 2), ("S5", 9, 110, 28, 9, 115, 30, 1),
        ("S6", 7, 140, 35, 7, 50, 30, 1),
    ]
    /// The note's table (8 significant digits): NMD and SE.
    static let goldenNMD = [33.333333, 30, 40, 34.615385, 26.923077, -4.5454545, 64.285714]
    static let goldenSE = [10.290908, 10.511898, 14.465796, 10.054094, 12.263543, 12.435324, 12.445215]

    static func rows(sham: Double = 0) -> [ContinuousComparison] {
        toy.map { t in
            ContinuousComparison(
                label: t.0, treatment: GroupSummary(mean: t.5, spread: t.6, n: t.4),
                control: GroupSummary(mean: t.2, spread: t.3, n: t.1), shamMean: sham, controlSharedBy: t.7)
        }
    }

    /// Vesterinen 2014: ES = 100·(x̄c − x̄rx)/(x̄c − x̄sham); SD* = 100·SD/(x̄c − x̄sham); SE = √(SD*c²/nc + SD*rx²/nrx).
    static func byHand(nc: Double, mc: Double, sdc: Double, nrx: Double, mrx: Double, sdrx: Double, sham: Double) -> (
        Double, Double
    ) {
        let es = 100 * (mc - mrx) / (mc - sham)
        let sdcStar = 100 * sdc / (mc - sham), sdrxStar = 100 * sdrx / (mc - sham)
        return (es, (sdcStar * sdcStar / nc + sdrxStar * sdrxStar / nrx).squareRoot())
    }

    @Test("toy NMD and SE match the formulas and the design-note table")
    func toyTable() throws {
        let set = try EffectSizes.compute(.normalizedMeanDifference, continuous: Self.rows())
        for (i, t) in Self.toy.enumerated() {
            let (es, se) = Self.byHand(nc: t.1 / Double(t.7), mc: t.2, sdc: t.3, nrx: t.4, mrx: t.5, sdrx: t.6, sham: 0)
            #expect(isClose(set.effects[i].yi, es, relative: 1e-14), "\(t.0) NMD")
            #expect(isClose(set.effects[i].standardError, se, relative: 1e-14), "\(t.0) SE")
            // Printed to 8 significant digits: within half a unit of the last digit.
            #expect(isClose(set.effects[i].yi, Self.goldenNMD[i], relative: 1e-7, absolute: 5e-8), "\(t.0) NMD vs note")
            #expect(isClose(set.effects[i].standardError, Self.goldenSE[i], relative: 1e-7), "\(t.0) SE vs note")
        }
    }

    @Test("toy NMD pooled EE/DL/REML match the note (metafor on the same yi, vi)")
    func toyPooled() throws {
        let set = try EffectSizes.compute(.normalizedMeanDifference, continuous: Self.rows())
        let ee = try MetaAnalysis.fit(set, options: MetaAnalysisOptions(method: .equalEffects))
        let dl = try MetaAnalysis.fit(set, options: MetaAnalysisOptions(method: .dersimonianLaird))
        let reml = try MetaAnalysis.fit(set)
        let rel = 1e-7
        #expect(isClose(ee.pooled.estimate, 31.942319, relative: rel))
        #expect(isClose(ee.pooled.standardError, 4.3545715, relative: rel))
        #expect(isClose(ee.heterogeneity.statistic, 15.964511, relative: rel))
        #expect(isClose(ee.heterogeneity.pValue, 0.013945727, relative: rel))
        #expect(isClose(ee.i2, 62.416637, relative: rel))
        #expect(isClose(dl.pooled.estimate, 31.984556, relative: rel))
        #expect(isClose(dl.pooled.standardError, 7.1727467, relative: rel))
        #expect(isClose(dl.pooled.ciLower, 17.926231, relative: rel))
        #expect(isClose(dl.tau2, 222.51181, relative: rel))
        #expect(isClose(dl.prediction.piLower, -0.45625868, relative: rel))
        #expect(isClose(dl.prediction.piUpper, 64.425371, relative: rel))
        #expect(isClose(reml.pooled.estimate, 31.987752, relative: rel))
        #expect(isClose(reml.pooled.standardError, 7.3440662, relative: rel))
        #expect(isClose(reml.tau2, 239.7758, relative: rel))
        #expect(isClose(reml.i2, 64.152622, relative: rel))
    }

    @Test("toy NMD equals the yi/vi metafor was given (Fixtures/metafor/rma.json, toy_nmd)")
    func toyFixture() throws {
        let d = try MetaforFixture.load("rma").dataset("toy_nmd")
        let set = try EffectSizes.compute(.normalizedMeanDifference, continuous: Self.rows())
        expectClose(set.yi, d.numbers("yi"), 1e-14, "NMD")
        expectClose(set.vi, d.numbers("vi"), 1e-13, "NMD variance")
    }

    @Test("higher-is-better outcome with a sham above control keeps benefit positive")
    func neuroScore() throws {
        // Assumed numbers: a neurological score where sham = 18 (normal), control 8, treated 12.
        let row = ContinuousComparison(
            label: "score", treatment: GroupSummary(mean: 12, spread: 3, n: 10),
            control: GroupSummary(mean: 8, spread: 2.5, n: 9), shamMean: 18)
        let r = try EffectSizes.compute(.normalizedMeanDifference, continuous: [row])
        let (es, se) = Self.byHand(nc: 9, mc: 8, sdc: 2.5, nrx: 10, mrx: 12, sdrx: 3, sham: 18)
        #expect(isClose(r.effects[0].yi, 40, relative: 1e-14))
        #expect(isClose(r.effects[0].yi, es, relative: 1e-14))
        // SD* uses |x̄c − x̄sham| so the SE is positive: √((25)²/9 + (30)²/10).
        #expect(isClose(r.effects[0].standardError, Swift.abs(se), relative: 1e-14))
        #expect(isClose(r.effects[0].standardError, (625.0 / 9 + 90).squareRoot(), relative: 1e-14))
        // The direction option does not flip NMD, which is oriented by its definition.
        let flipped = try EffectSizes.compute(
            .normalizedMeanDifference, continuous: [row],
            options: EffectSizeOptions(direction: .higherIsWorse))
        #expect(flipped.effects[0].yi == r.effects[0].yi)
    }

    @Test("NMD without a sham value is dropped with a warning; control equal to sham is an error")
    func shamMissing() throws {
        var rows = Self.rows()
        rows[2].shamMean = nil
        let set = try EffectSizes.compute(.normalizedMeanDifference, continuous: rows)
        #expect(set.droppedRows == [2])
        #expect(set.warnings == ["row 3 ('S3') dropped: missing 'shamMean'"])
        rows[2].shamMean = 150
        #expect(
            throws: StatisticsError(
                "row 3 ('S3'): 'control.mean' equals 'shamMean' (150); NMD needs an injury-induced deficit")
        ) {
            try EffectSizes.compute(.normalizedMeanDifference, continuous: rows)
        }
    }

    @Test("RevMan/CAMARADES SMD matches the design-note hand values on normand1999")
    func revmanSMD() throws {
        let c = try MetaforFixture.load("escalc").case("normand1999 SMD")
        let input = c.object("inputs")!
        let labels = input.strings("labels")
        let m1 = input.numbers("m1i")!, s1 = input.numbers("sd1i")!, n1 = input.numbers("n1i")!
        let m2 = input.numbers("m2i")!, s2 = input.numbers("sd2i")!, n2 = input.numbers("n2i")!
        let rows = m1.indices.map {
            ContinuousComparison(
                label: labels[$0], treatment: GroupSummary(mean: m1[$0], spread: s1[$0], n: n1[$0]),
                control: GroupSummary(mean: m2[$0], spread: s2[$0], n: n2[$0]))
        }
        let set = try EffectSizes.compute(.standardizedMeanDifferenceRevMan, continuous: rows)
        // By hand: g = (m1 − m2)/Sp · (1 − 3/(4N − 9)), v = N/(n1 n2) + g²/(2(N − 3.94)).
        for i in rows.indices {
            let nt = n1[i] + n2[i]
            let sp = (((n1[i] - 1) * s1[i] * s1[i] + (n2[i] - 1) * s2[i] * s2[i]) / (nt - 2)).squareRoot()
            let g = (m1[i] - m2[i]) / sp * (1 - 3 / (4 * nt - 9))
            #expect(isClose(set.effects[i].yi, g, relative: 1e-13))
            #expect(isClose(set.effects[i].vi, nt / (n1[i] * n2[i]) + g * g / (2 * (nt - 3.94)), relative: 1e-13))
        }
        // Design note §3.3 (8 significant digits): Orpington-Severe g and v; pooled DL.
        let orp = try #require(set.effects.first { $0.label == "Orpington-Severe" })
        #expect(isClose(orp.yi, -1.8880355, relative: 1e-7))
        #expect(isClose(orp.vi, 0.16670497, relative: 1e-7))
        let dl = try MetaAnalysis.fit(set, options: MetaAnalysisOptions(method: .dersimonianLaird))
        #expect(isClose(dl.pooled.estimate, -0.52928468, relative: 1e-7))
        #expect(isClose(dl.pooled.ciLower, -1.0354975, relative: 1e-7))
        #expect(isClose(dl.pooled.ciUpper, -0.023071845, relative: 1e-7))
        #expect(isClose(dl.tau2, 0.5347368, relative: 1e-7))
        #expect(isClose(dl.heterogeneity.statistic, 122.34688, relative: 1e-7))
    }

    @Test("CAMARADES partition by route: significant at 0.05, not at Bonferroni 0.05/5 (design note §3.4)")
    func bonferroni() throws {
        let set = try EffectSizes.compute(.normalizedMeanDifference, continuous: Self.rows())
        let routes = ["IV", "IV", "IA", "IC", "IC", "IV", "IA"]
        let r = try Subgroups.compare(
            yi: set.yi, vi: set.vi, labels: set.labels, groups: routes, moderatorName: "route",
            variant: .fixedEffectPartition, stratifications: 5)
        #expect(isClose(r.test.statistic, 7.7630377, relative: 1e-7))
        #expect(isClose(r.test.pValue, 0.020619483, relative: 1e-7))
        #expect(isClose(r.withinQ ?? .nan, 8.2014729, relative: 1e-7))
        expectClose(
            r.subgroups.map(\.estimate), [53.956099, 31.523379, 22.310583], 1e-7, "FE stratum estimates IA, IC, IV")
        #expect(r.bonferroniThreshold == 0.01)
        #expect(r.significantAfterBonferroni == false)
        #expect(r.test.pValue < 0.05)
    }

    @Test("a failed estimator falls back to DL and says so")
    func fallback() throws {
        let set = try EffectSizes.compute(.normalizedMeanDifference, continuous: Self.rows())
        // One Fisher-scoring iteration cannot converge from the HE start: REML fails, DL is used.
        let r = try MetaAnalysis.fit(set, options: MetaAnalysisOptions(maxIterations: 1))
        #expect(r.convergence.requestedMethod == .restrictedMaximumLikelihood)
        #expect(r.convergence.usedMethod == .dersimonianLaird)
        #expect(!r.convergence.converged)
        #expect(r.warnings.contains("fell back to DL for tau^2"))
        #expect(isClose(r.tau2, 222.51181, relative: 1e-7))
        #expect(throws: StatisticsError.self) {
            try MetaAnalysis.fit(set, options: MetaAnalysisOptions(fallback: [], maxIterations: 1))
        }
    }
}
