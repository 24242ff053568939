import Foundation
import StromaPlot
import Testing
import _StromaTestSupport

@Suite struct FunnelPlotTests {
    static var plot: FunnelPlot {
        var points = PlotFixtures.toy.map { FunnelPlot.Point(estimate: $0.2, standardError: $0.3) }
        points.append(.init(estimate: 10, standardError: 13, imputed: true))
        return FunnelPlot(points: points, estimate: 31.94, effectLabel: "Normalised mean difference (%)")
    }

    @Test("Funnel plot: regions, one circle per study, open circles for imputed studies")
    func structure() {
        let inspector = SVGInspector(Self.plot.svg())
        #expect(inspector.isWellFormed)
        #expect(inspector.count("polygon") == 3)
        let circles = inspector.all("circle")
        // 8 studies + 2 legend markers.
        #expect(circles.count == 8 + 2)
        #expect(circles.filter { $0["fill"] == "#fff" }.count == 1 + 1)
        for text in ["90%", "95%", "99%", "Standard error", "imputed (trim-and-fill)"] {
            #expect(inspector.texts.contains(text), "missing text \(text)")
        }
    }

    @Test("Larger standard errors are drawn lower (inverted y axis)")
    func inverted() {
        let inspector = SVGInspector(Self.plot.svg())
        let circles = inspector.all("circle").prefix(7)
        let pairs = zip(PlotFixtures.toy.map(\.3), circles.map { Double($0["cy"]!)! })
            .sorted { $0.0 < $1.0 }
        for (a, b) in zip(pairs, pairs.dropFirst()) { #expect(a.1 <= b.1) }
    }

    @Test("Funnel plot matches its golden file")
    func golden() throws {
        let diff = try goldenDifference(Self.plot.svg(), goldenFile: GoldenPath.url("funnel.svg"))
        #expect(diff == nil, "\(diff ?? "")")
    }
}

@Suite struct BubblePlotTests {
    static var plot: BubblePlot {
        let points = [(1.0, 0.2, 10.0), (2, 0.5, 4), (3, 0.4, 8), (5, 1.1, 2), (8, 1.3, 6)]
            .map { BubblePlot.Point(x: $0.0, y: $0.1, weight: $0.2) }
        let fit = stride(from: 1.0, through: 8, by: 0.5).map { x in
            BubblePlot.FitPoint(
                x: x, fit: 0.1 + 0.15 * x, lower: 0.1 + 0.15 * x - 0.3,
                upper: 0.1 + 0.15 * x + 0.3)
        }
        return BubblePlot(points: points, fit: fit, xLabel: "Dose (10⁶ cells/kg)", yLabel: "SMD")
    }

    @Test("Bubble plot: one circle per study, a band and a line")
    func structure() {
        let inspector = SVGInspector(Self.plot.svg())
        #expect(inspector.isWellFormed)
        #expect(inspector.count("circle") == 5)
        #expect(inspector.count("polygon") == 1)
        #expect(inspector.count("polyline") == 3)
        #expect(inspector.texts.contains("Dose (10⁶ cells/kg)"))
        let radii = inspector.all("circle").map { Double($0["r"]!)! }
        #expect(radii == radii.sorted(by: >))
    }

    @Test("Bubble plot matches its golden file")
    func golden() throws {
        let diff = try goldenDifference(Self.plot.svg(), goldenFile: GoldenPath.url("bubble.svg"))
        #expect(diff == nil, "\(diff ?? "")")
    }
}

@Suite struct AxisTicksTests {
    @Test(
        "Nice ticks enclose the data with steps of 1, 2 or 5 × 10^k",
        arguments: [(-4.5, 64.4, 10.0), (0.0, 1.0, 0.2), (-0.013, 0.042, 0.01), (3.0, 3.0, 0.1)])
    func nice(lower: Double, upper: Double, step: Double) {
        let ticks = AxisTicks(lower: lower, upper: upper)
        #expect(isClose(ticks.step, step, relative: 1e-12))
        #expect(ticks.values.first! <= lower && ticks.values.last! >= upper)
    }

    @Test("A bound on a tick is the end tick, not one step inside the range")
    func boundsOnTicks() {
        #expect(AxisTicks(lower: 0, upper: 12, count: 6).values == [0, 2, 4, 6, 8, 10, 12])
        #expect(AxisTicks(lower: -10, upper: 0.3, count: 4).values.first == -10)
    }

    @Test("Labels use a real minus sign and enough decimals")
    func labels() {
        let ticks = AxisTicks(lower: -0.5, upper: 0.5)
        #expect(ticks.values.map(ticks.label) == ["−0.6", "−0.4", "−0.2", "0.0", "0.2", "0.4", "0.6"])
    }
}
