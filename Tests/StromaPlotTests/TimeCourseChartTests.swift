import Foundation
import Testing
@testable import StromaPlot

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct TimeCourseChartTests {
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("The SVG is well-formed XML with title, axis labels and one legend entry per series")
    func wellFormed() throws {
        let chart = TimeCourseChart(
            title: "Viable <cells> & label", xLabel: "Time (h)", yLabel: "% of dose", logY: true,
            series: [
                .init(name: "lung", x: [0, 1, 2], y: [100, 50, 25]),
                .init(name: "liver", x: [0, 1, 2], y: [0.1, 0.2, 0.3]),
            ])
        let svg = chart.render()
        _ = try XMLDocument(data: Data(svg.utf8))
        #expect(svg.contains("Viable &lt;cells&gt; &amp; label"))
        #expect(svg.contains(">lung</text>") && svg.contains(">liver</text>"))
        #expect(Self.count("<polyline", in: svg) == 2)
    }

    @Test("On a log axis, values ≤ 0 break the line instead of being drawn at the floor")
    func logGaps() {
        let chart = TimeCourseChart(
            title: "t", xLabel: "x", yLabel: "y", logY: true,
            series: [.init(name: "a", x: [0, 1, 2, 3, 4, 5], y: [0, 1, 2, 0, 3, 4])])
        let svg = chart.render()
        #expect(Self.count("<polyline", in: svg) == 2)  // [1, 2] and [3, 4]
        let linear = TimeCourseChart(title: "t", xLabel: "x", yLabel: "y", logY: false, series: chart.series).render()
        #expect(Self.count("<polyline", in: linear) == 1)
    }

    @Test("Bands are drawn only for series with lower and upper values, with a legend entry")
    func bands() {
        let withBand = TimeCourseChart(
            title: "t", xLabel: "x", yLabel: "y", logY: true,
            series: [
                .init(name: "a", x: [0, 1, 2], y: [1, 2, 3], lower: [0.5, 1, 2], upper: [2, 3, 4]),
                .init(name: "b", x: [0, 1, 2], y: [1, 2, 3]),
            ]
        ).render()
        #expect(Self.count("<polygon", in: withBand) == 1)
        #expect(withBand.contains("5th–95th pct"))
        let without = TimeCourseChart(
            title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "b", x: [0, 1], y: [1, 2])]
        ).render()
        #expect(Self.count("<polygon", in: without) == 0)
        #expect(!without.contains("5th–95th pct"))
    }

    @Test("Log tick labels: decimals from 0.0001 to 10000, powers of ten beyond")
    func tickLabels() {
        #expect(ChartAxis.svgLabel(0.001, log: true) == "0.001")
        #expect(ChartAxis.svgLabel(100, log: true) == "100")
        #expect(ChartAxis.svgLabel(1e-6, log: true) == "10<tspan dy=\"-5\" font-size=\"8\">−6</tspan>")
        #expect(ChartAxis.svgLabel(1e6, log: true) == "10<tspan dy=\"-5\" font-size=\"8\">6</tspan>")
        let axis = ChartAxis.values(min: 2e-4, max: 80, log: true)
        #expect(axis.lo == 1e-4 && axis.hi == 100)
        #expect(axis.ticks.count == 7)
    }

    @Test("Explicit x ticks are used (e.g. every 12 h)")
    func xTicks() {
        let svg = TimeCourseChart(
            title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "a", x: [0, 72], y: [1, 2])],
            xTicks: [0, 12, 24, 36, 48, 60, 72]
        ).render()
        for t in ["12", "36", "60"] { #expect(svg.contains("text-anchor=\"middle\">\(t)</text>")) }
    }
}
