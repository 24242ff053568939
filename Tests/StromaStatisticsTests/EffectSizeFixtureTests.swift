import Foundation
import StromaStatistics
import Testing
import _StromaTestSupport

/// Effect sizes compared with metafor's `escalc` (Fixtures/metafor/escalc.json) and R's distribution
/// functions (distributions.json).
@Suite struct EffectSizeFixtureTests {
    static func compute(_ c: FixtureCase) throws -> EffectSizeSet {
        let input = c.object("inputs")!
        let labels = input.strings("labels")
        let name = c.name
        let options = EffectSizeOptions(dropDoubleZero: c.bool("drop00"))
        if name.contains("SMD_REVMAN") || name.contains(" MD") || name.contains(" SMD") || name.contains(" ROM") {
            let measure: EffectMeasure =
                name.contains("SMD_REVMAN")
                ? .standardizedMeanDifferenceRevMan
                : name.contains("SMDH")
                    ? .standardizedMeanDifferenceHeteroscedastic
                    : name.contains("SMD")
                        ? .standardizedMeanDifference
                        : name.contains("ROM") ? .logRatioOfMeans : .meanDifference
            let m1 = input.numbers("m1i")!, s1 = input.numbers("sd1i")!, n1 = input.numbers("n1i")!
            let m2 = input.numbers("m2i")!, s2 = input.numbers("sd2i")!, n2 = input.numbers("n2i")!
            let shared = input.numbers("shared") ?? [Double](repeating: 1, count: m1.count)
            let rows = labels.indices.map { i in
                ContinuousComparison(
                    label: labels[i], treatment: GroupSummary(mean: m1[i], spread: s1[i], n: n1[i]),
                    control: GroupSummary(mean: m2[i], spread: s2[i], n: n2[i]),
                    controlSharedBy: Int(shared[i]))
            }
            return try EffectSizes.compute(measure, continuous: rows, options: options)
        }
        let measure = EffectMeasure(rawValue: String(name.split(separator: " ").last!))!
        switch measure.inputKind {
        case .twoByTwo:
            let a = input.numbers("ai")!, n1 = input.numbers("n1i")!, cc = input.numbers("ci")!,
                n2 = input.numbers("n2i")!
            let rows = labels.indices.map {
                TwoByTwoTable(
                    label: labels[$0], treatmentEvents: a[$0], treatmentTotal: n1[$0], controlEvents: cc[$0],
                    controlTotal: n2[$0])
            }
            return try EffectSizes.compute(measure, tables: rows, options: options)
        case .correlation:
            let r = input.numbers("ri")!, n = input.numbers("ni")!
            return try EffectSizes.compute(
                measure, correlations: labels.indices.map { CorrelationStudy(label: labels[$0], r: r[$0], n: n[$0]) })
        case .proportion:
            let x = input.numbers("xi")!, n = input.numbers("ni")!
            return try EffectSizes.compute(
                measure, proportions: labels.indices.map { ProportionStudy(label: labels[$0], events: x[$0], n: n[$0]) }
            )
        case .continuous:
            throw FixtureError("unexpected continuous case \(name)")
        }
    }

    @Test("escalc yi and vi match metafor", arguments: try MetaforFixture.caseNames("escalc"))
    func escalc(_ name: String) throws {
        let c = try MetaforFixture.load("escalc").case(name)
        let set = try Self.compute(c)
        let yi = c.expected.numbers("yi")!, vi = c.expected.numbers("vi")!
        // metafor marks dropped rows NA; we list them in droppedRows.
        let missing = yi.indices.filter { yi[$0].isNaN }
        #expect(set.droppedRows == missing, "\(name): dropped rows")
        #expect(set.warnings.count == missing.count, "\(name): one warning per dropped row")
        let kept = yi.indices.filter { !yi[$0].isNaN }
        #expect(set.effects.map(\.row) == kept)
        expectClose(set.yi, kept.map { yi[$0] }, Tolerance.coefficient, "\(name) yi", absolute: 1e-14)
        expectClose(set.vi, kept.map { vi[$0] }, Tolerance.standardError, "\(name) vi")
    }

    @Test("higher-is-worse direction flips the sign of continuous measures")
    func direction() throws {
        let c = try MetaforFixture.load("escalc").case("normand1999 SMD")
        let input = c.object("inputs")!
        let m1 = input.numbers("m1i")!, s1 = input.numbers("sd1i")!, n1 = input.numbers("n1i")!
        let m2 = input.numbers("m2i")!, s2 = input.numbers("sd2i")!, n2 = input.numbers("n2i")!
        let rows = m1.indices.map {
            ContinuousComparison(
                label: "r\($0)", treatment: GroupSummary(mean: m1[$0], spread: s1[$0], n: n1[$0]),
                control: GroupSummary(mean: m2[$0], spread: s2[$0], n: n2[$0]))
        }
        for measure in [
            EffectMeasure.meanDifference, .standardizedMeanDifference, .standardizedMeanDifferenceRevMan,
            .standardizedMeanDifferenceHeteroscedastic, .logRatioOfMeans,
        ] {
            let up = try EffectSizes.compute(measure, continuous: rows)
            let down = try EffectSizes.compute(
                measure, continuous: rows, options: EffectSizeOptions(direction: .higherIsWorse))
            expectClose(down.yi, up.yi.map { -$0 }, 1e-14, "\(measure) yi flipped")
            expectClose(down.vi, up.vi, 1e-14, "\(measure) vi unchanged")
        }
    }

    @Test("SEM is converted to SD with SD = SEM * sqrt(n)")
    func semConversion() throws {
        let sd = ContinuousComparison(
            label: "a", treatment: GroupSummary(mean: 10, spread: 4, n: 9),
            control: GroupSummary(mean: 14, spread: 5, n: 16))
        let sem = ContinuousComparison(
            label: "a", treatment: GroupSummary(mean: 10, spread: 4.0 / 3, n: 9),
            control: GroupSummary(mean: 14, spread: 5.0 / 4, n: 16))
        let a = try EffectSizes.compute(.standardizedMeanDifference, continuous: [sd])
        let b = try EffectSizes.compute(
            .standardizedMeanDifference, continuous: [sem], options: EffectSizeOptions(spread: .sem))
        expectClose(b.yi, a.yi, 1e-14, "g")
        expectClose(b.vi, a.vi, 1e-14, "v")
    }
}

/// R's pnorm/qnorm/pt/qt/pchisq/qchisq/pf (distributions.json) against ``Distributions``.
@Suite struct DistributionFixtureTests {
    static func values() throws -> [String: Any] {
        try MetaforFixture.load("distributions").root["values"] as! [String: Any]
    }

    static func nums(_ d: [String: Any], _ key: String) -> [Double] {
        (d[key] as! [Any]).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    @Test("normal CDF and quantile match R")
    func normal() throws {
        let v = try Self.values()
        let pn = v["pnorm"] as! [String: Any]
        let x = Self.nums(pn, "x")
        expectClose(x.map(Distributions.normalCDF), Self.nums(pn, "p"), 1e-12, "pnorm", absolute: 1e-300)
        expectClose(x.map(Distributions.normalUpper), Self.nums(pn, "upper"), 1e-12, "pnorm upper", absolute: 1e-300)
        let qn = v["qnorm"] as! [String: Any]
        expectClose(Self.nums(qn, "p").map(Distributions.normalQuantile), Self.nums(qn, "q"), 1e-12, "qnorm")
    }

    @Test("t, chi-squared and F distributions match R")
    func others() throws {
        let v = try Self.values()
        for d in v["pt"] as! [[String: Any]] {
            let df = Self.nums(d, "df")[0], x = Self.nums(d, "x")
            expectClose(
                x.map { Distributions.tCDF($0, df: df) }, Self.nums(d, "p"), 1e-9, "pt df \(df)", absolute: 1e-300)
            expectClose(
                x.map { Distributions.tUpper($0, df: df) }, Self.nums(d, "upper"), 1e-9, "pt upper df \(df)",
                absolute: 1e-300)
        }
        for d in v["qt"] as! [[String: Any]] {
            let df = Self.nums(d, "df")[0]
            expectClose(
                Self.nums(d, "p").map { Distributions.tQuantile($0, df: df) }, Self.nums(d, "q"), 1e-9, "qt df \(df)")
        }
        for d in v["pchisq"] as! [[String: Any]] {
            let df = Self.nums(d, "df")[0], x = Self.nums(d, "x")
            expectClose(
                x.map { Distributions.chiSquaredCDF($0, df: df) }, Self.nums(d, "p"), 1e-9, "pchisq df \(df)",
                absolute: 1e-300)
            expectClose(
                x.map { Distributions.chiSquaredUpper($0, df: df) }, Self.nums(d, "upper"), 1e-9,
                "pchisq upper df \(df)", absolute: 1e-300)
        }
        for d in v["qchisq"] as! [[String: Any]] {
            let df = Self.nums(d, "df")[0]
            expectClose(
                Self.nums(d, "p").map { Distributions.chiSquaredQuantile($0, df: df) }, Self.nums(d, "q"), 1e-9,
                "qchisq df \(df)")
        }
        for d in v["pf"] as! [[String: Any]] {
            let d1 = Self.nums(d, "df1")[0], d2 = Self.nums(d, "df2")[0], x = Self.nums(d, "x")
            expectClose(
                x.map { Distributions.fCDF($0, df1: d1, df2: d2) }, Self.nums(d, "p"), 1e-9, "pf \(d1),\(d2)",
                absolute: 1e-300)
            expectClose(
                x.map { Distributions.fUpper($0, df1: d1, df2: d2) }, Self.nums(d, "upper"), 1e-9,
                "pf upper \(d1),\(d2)", absolute: 1e-300)
        }
    }
}
