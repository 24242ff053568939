import Foundation
import StromaPlot
import Testing
import _StromaTestSupport

/// Plot inputs: the synthetic NMD toy data of docs/design (S1–S6, made up for testing), with
/// 95% intervals est ± 1.96·SE.
///
/// The numbers only drive the drawing; no statistics are tested.
enum PlotFixtures {
    static let toy: [(String, String, Double, Double)] = [
        ("S1", "IV", 33.333333, 10.290908), ("S2", "IV", 30, 10.511898),
        ("S3", "IA", 40, 14.465796), ("S4a", "IC", 34.615385, 10.054094),
        ("S4b", "IC", 26.923077, 12.263543), ("S5", "IV", -4.5454545, 12.435324),
        ("S6", "IA", 64.285714, 12.445215),
    ]

    static func row(_ item: (String, String, Double, Double)) -> ForestPlot.Row {
        let total = toy.map { 1 / ($0.3 * $0.3) }.reduce(0, +)
        return ForestPlot.Row(
            label: "Synthetic study \(item.0)", estimate: item.2,
            lower: item.2 - 1.96 * item.3, upper: item.2 + 1.96 * item.3,
            weightPercent: 100 / (item.3 * item.3) / total, extra: [item.1])
    }

    static var forest: ForestPlot {
        let groups = ["IA", "IC", "IV"].map { route in
            ForestPlot.Group(
                title: "Route: \(route)",
                rows: toy.filter { $0.1 == route }.map(row),
                summary: .init(
                    label: "Subtotal \(route)", estimate: route == "IV" ? 22.3 : 40,
                    lower: route == "IV" ? 8 : 25, upper: route == "IV" ? 36 : 55))
        }
        return ForestPlot(
            groups: groups,
            overall: .init(
                label: "Random-effects model", estimate: 31.99, lower: 17.59,
                upper: 46.38, predictionLower: -0.46, predictionUpper: 64.43,
                note: "Heterogeneity: τ² = 239.78, I² = 64.2%"),
            extraColumns: ["Route"], effectLabel: "Normalised mean difference (%)",
            favoursLeft: "Favours control", favoursRight: "Favours treatment",
            footnote: "Synthetic data for testing the layout.")
    }
}

@Suite struct ForestPlotTests {
    @Test("Forest plot is well-formed SVG with one square per study and one diamond per summary")
    func structure() throws {
        let svg = PlotFixtures.forest.svg()
        let inspector = SVGInspector(svg)
        #expect(inspector.isWellFormed)
        // Black rects: 7 study squares (the others are the white background and note boxes).
        #expect(inspector.all("rect").filter { $0["fill"] == "#000" }.count == 7)
        // Polygons: 3 subgroup diamonds + 1 overall diamond (no clipped whiskers here).
        #expect(inspector.count("polygon") == 4)
        for label in [
            "Synthetic study S1", "Route: IA", "Subtotal IV", "Random-effects model",
            "Prediction interval", "Weight", "Estimate [95% CI]", "Route", "← Favours control",
            "Normalised mean difference (%)",
        ] {
            #expect(inspector.texts.contains(label), "missing text \(label)")
        }
        #expect(inspector.texts.contains("33.33 [13.16, 53.50]"))
        #expect(inspector.texts.contains("−4.55 [−28.92, 19.83]"))
    }

    @Test("Square centres follow the estimates; sizes follow the weights")
    func squares() throws {
        let inspector = SVGInspector(PlotFixtures.forest.svg())
        let squares = inspector.all("rect").dropFirst().map { attributes -> (x: Double, size: Double) in
            let x = Double(attributes["x"]!)!
            let size = Double(attributes["width"]!)!
            return (x + size / 2, size)
        }
        // Order in the plot: S3, S6 (IA), S4a, S4b (IC), S1, S2, S5 (IV).
        let order = ["S3", "S6", "S4a", "S4b", "S1", "S2", "S5"]
        let estimates = order.map { name in PlotFixtures.toy.first { $0.0 == name }!.2 }
        let pairs = zip(estimates, squares.map(\.x)).sorted { $0.0 < $1.0 }
        for (a, b) in zip(pairs, pairs.dropFirst()) { #expect(a.1 < b.1) }
        let sizes = order.map { name in PlotFixtures.toy.first { $0.0 == name }!.3 }
        let bySE = zip(sizes, squares.map(\.size)).sorted { $0.0 < $1.0 }
        for (a, b) in zip(bySE, bySE.dropFirst()) { #expect(a.1 >= b.1) }
    }

    @Test("Ratio measures: exponential labels and arrows for clipped intervals")
    func ratio() {
        let plot = ForestPlot(
            groups: [
                .init(rows: [
                    .init(label: "A", estimate: log(0.5), lower: log(0.2), upper: log(1.25)),
                    .init(label: "B", estimate: log(2), lower: log(0.0001), upper: log(3)),
                ])
            ], effectLabel: "Risk ratio (log scale)", scale: .exponential, nullValue: 0)
        let inspector = SVGInspector(plot.svg())
        #expect(inspector.isWellFormed)
        #expect(inspector.texts.contains("0.50 [0.20, 1.25]"))
        #expect(inspector.texts.contains("1"))
        #expect(inspector.count("polygon") >= 1)  // arrow for B's clipped lower end
    }

    @Test("Ratio axis between 1 and 3 has ticks at 1, 1.5, 2 and 3")
    func ratioTicks() {
        let plot = ForestPlot(
            groups: [
                .init(rows: [
                    .init(label: "A", estimate: log(1.4), lower: log(1.03), upper: log(2.78))
                ])
            ], effectLabel: "Ratio of means (log scale)", scale: .exponential, nullValue: 0)
        let texts = SVGInspector(plot.svg()).texts
        for tick in ["1", "1.5", "2", "3"] { #expect(texts.contains(tick), "tick \(tick)") }
        #expect(!texts.contains("4"))
    }

    @Test("Forest plot matches its golden file")
    func golden() throws {
        let diff = try goldenDifference(PlotFixtures.forest.svg(), goldenFile: GoldenPath.url("forest.svg"))
        #expect(diff == nil, "\(diff ?? "")")
    }
}
