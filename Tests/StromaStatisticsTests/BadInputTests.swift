import StromaStatistics
import Testing
import _StromaTestSupport

/// Invalid input gives a one-line ``StatisticsError`` naming the row and field; missing values are
/// dropped with a recorded warning, as metafor drops NA rows.
@Suite struct BadInputTests {
    static func group(_ m: Double?, _ s: Double?, _ n: Double?) -> GroupSummary {
        GroupSummary(mean: m, spread: s, n: n)
    }

    static func comparison(_ label: String, t: GroupSummary, c: GroupSummary) -> ContinuousComparison {
        ContinuousComparison(label: label, treatment: t, control: c)
    }

    static let good = comparison("ok", t: group(10, 2, 8), c: group(12, 3, 8))

    static func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch let e as StatisticsError {
            #expect(!e.description.contains("\n"), "error must be one line: \(e.description)")
            return e.description
        } catch { Issue.record("unexpected error type \(error)") }
        return nil
    }

    @Test("variance <= 0 names the row and 'vi'", arguments: [0.0, -0.5])
    func nonPositiveVariance(_ v: Double) {
        let m = Self.message {
            _ = try MetaAnalysis.fit(yi: [0.1, 0.2, 0.3], vi: [0.1, v, 0.2], labels: ["A", "B", "C"])
        }
        #expect(m == "row 2 ('B'): 'vi' must be > 0, got \(v)")
    }

    @Test("n < 2 names the row and arm")
    func smallN() {
        let bad = Self.comparison("Smith 2019", t: Self.group(10, 2, 1), c: Self.group(12, 3, 8))
        #expect(
            Self.message { _ = try EffectSizes.compute(.standardizedMeanDifference, continuous: [Self.good, bad]) }
                == "row 2 ('Smith 2019'): 'treatment.n' must be >= 2, got 1")
        let bad2 = Self.comparison("Li 2020", t: Self.group(10, 2, 5), c: Self.group(12, 3, 0))
        #expect(
            Self.message { _ = try EffectSizes.compute(.meanDifference, continuous: [bad2]) }
                == "row 1 ('Li 2020'): 'control.n' must be >= 2, got 0")
    }

    @Test(
        "SD <= 0 names the row and arm",
        arguments: [
            EffectMeasure.meanDifference, .standardizedMeanDifference,
            .standardizedMeanDifferenceRevMan, .standardizedMeanDifferenceHeteroscedastic,
            .logRatioOfMeans,
        ])
    func nonPositiveSD(_ measure: EffectMeasure) {
        let bad = Self.comparison("Wang 2018", t: Self.group(10, 2, 6), c: Self.group(12, 0, 6))
        #expect(
            Self.message { _ = try EffectSizes.compute(measure, continuous: [Self.good, Self.good, bad]) }
                == "row 3 ('Wang 2018'): 'control.spread' (sd) must be > 0, got 0")
        let sem = Self.comparison("Wang 2018", t: Self.group(10, -1.5, 6), c: Self.group(12, 1, 6))
        #expect(
            Self.message {
                _ = try EffectSizes.compute(measure, continuous: [sem], options: EffectSizeOptions(spread: .sem))
            }
                == "row 1 ('Wang 2018'): 'treatment.spread' (sem) must be > 0, got -1.5")
    }

    @Test("ROM needs positive means")
    func romMeans() {
        let bad = Self.comparison("Kim 2017", t: Self.group(5, 2, 6), c: Self.group(-3, 1, 6))
        #expect(
            Self.message { _ = try EffectSizes.compute(.logRatioOfMeans, continuous: [bad]) }
                == "row 1 ('Kim 2017'): 'control.mean' must be > 0 for ROM, got -3")
        let zero = Self.comparison("Kim 2017", t: Self.group(0, 2, 6), c: Self.group(3, 1, 6))
        #expect(
            Self.message { _ = try EffectSizes.compute(.logRatioOfMeans, continuous: [Self.good, zero]) }
                == "row 2 ('Kim 2017'): 'treatment.mean' must be > 0 for ROM, got 0")
    }

    @Test("missing cells are dropped with a warning naming the row and the missing fields")
    func missingCells() throws {
        let gap = Self.comparison("Chen 2021", t: Self.group(10, nil, 6), c: Self.group(nil, 2, 6))
        let set = try EffectSizes.compute(.standardizedMeanDifference, continuous: [Self.good, gap, Self.good])
        #expect(set.effects.map(\.row) == [0, 2])
        #expect(set.droppedRows == [1])
        #expect(set.warnings == ["row 2 ('Chen 2021') dropped: missing 'treatment.spread', 'control.mean'"])
        let fit = try MetaAnalysis.fit(set, options: MetaAnalysisOptions(method: .dersimonianLaird))
        #expect(fit.k == 2)
        #expect(fit.warnings.contains("row 2 ('Chen 2021') dropped: missing 'treatment.spread', 'control.mean'"))

        let tables = [
            TwoByTwoTable(label: "T1", treatmentEvents: 3, treatmentTotal: 10, controlEvents: 5, controlTotal: 10),
            TwoByTwoTable(label: "T2", treatmentEvents: nil, treatmentTotal: 10, controlEvents: 5, controlTotal: 10),
        ]
        let rr = try EffectSizes.compute(.logRiskRatio, tables: tables)
        #expect(rr.droppedRows == [1])
        #expect(rr.warnings == ["row 2 ('T2') dropped: missing events or totals"])
    }

    @Test("non-finite yi or vi and missing moderators are dropped with warnings, as metafor's NA handling")
    func droppedInFit() throws {
        let fit = try MetaAnalysis.fit(
            yi: [0.1, .nan, 0.3, 0.5, 0.2], vi: [0.1, 0.2, 0.1, 0.3, 0.2],
            labels: ["A", "B", "C", "D", "E"],
            moderators: [.continuous("dose", [1, 2, .nan, 4, 5])])
        #expect(fit.k == 3)
        #expect(fit.labels == ["A", "D", "E"])
        #expect(
            fit.warnings.prefix(2) == [
                "row 2 ('B') dropped: missing or non-finite 'yi'",
                "row 3 ('C') dropped: missing moderator 'dose'",
            ])
        // Same numbers as fitting the complete rows only.
        let complete = try MetaAnalysis.fit(
            yi: [0.1, 0.5, 0.2], vi: [0.1, 0.3, 0.2], moderators: [.continuous("dose", [1, 4, 5])])
        #expect(fit.coefficients.map(\.estimate) == complete.coefficients.map(\.estimate))
    }

    @Test("counts outside 0...n, |r| >= 1 and n <= 3 for ZCOR are errors naming the row")
    func countsAndCorrelations() {
        let t = TwoByTwoTable(label: "T9", treatmentEvents: 12, treatmentTotal: 10, controlEvents: 5, controlTotal: 10)
        #expect(
            Self.message { _ = try EffectSizes.compute(.logOddsRatio, tables: [t]) }
                == "row 1 ('T9'): 'treatmentEvents' must be in 0...10, got 12")
        #expect(
            Self.message {
                _ = try EffectSizes.compute(.fisherZ, correlations: [CorrelationStudy(label: "R1", r: 1, n: 20)])
            }
                == "row 1 ('R1'): 'r' must be in (-1, 1), got 1.0")
        #expect(
            Self.message {
                _ = try EffectSizes.compute(.fisherZ, correlations: [CorrelationStudy(label: "R2", r: 0.3, n: 3)])
            }
                == "row 1 ('R2'): 'n' must be > 3 for ZCOR, got 3")
        #expect(
            Self.message {
                _ = try EffectSizes.compute(
                    .logitProportion, proportions: [ProportionStudy(label: "P1", events: -1, n: 5)])
            }
                == "row 1 ('P1'): 'events' must be in 0...5, got -1")
    }

    @Test("shape errors: mismatched lengths, wrong measure kind, too few studies")
    func shapes() {
        #expect(
            Self.message { _ = try MetaAnalysis.fit(yi: [0.1, 0.2], vi: [0.1]) }
                == "'yi' has 2 values but 'vi' has 1; they must have one value per study")
        #expect(
            Self.message {
                _ = try MetaAnalysis.fit(
                    yi: [0.1, 0.2, 0.3], vi: [0.1, 0.1, 0.1], moderators: [.continuous("x", [1, 2])])
            }
                == "moderator 'x' has 2 values; expected 3 (one per study)")
        #expect(
            Self.message { _ = try EffectSizes.compute(.logRiskRatio, continuous: [Self.good]) }
                == "measure 'RR' needs twoByTwo input, not continuous summaries")
        #expect(
            Self.message {
                _ = try MetaAnalysis.fit(yi: [0.1, 0.2], vi: [0.1, 0.1], moderators: [.continuous("x", [1, 2])])
            }
                == "k = 2 studies cannot estimate 2 coefficients; need k > p")
        #expect(
            Self.message { _ = try MetaAnalysis.fit(yi: [.nan], vi: [0.1]) } == "no studies left to analyse (k = 0)")
    }
}
