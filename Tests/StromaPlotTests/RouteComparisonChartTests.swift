import Foundation
import Testing
@testable import StromaPlot

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct RouteComparisonChartTests {
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    static let chart = RouteComparisonChart(
        title: "Routes", subtitle: "rat", yLabel: "% of dose", categories: ["lung", "lesion"],
        groups: [
            .init(name: "IV", values: [50, 0.002], lower: [30, 0.001], upper: [70, 0.004]),
            .init(name: "IC", values: [0, 63]),
        ], yFloor: 1e-4)

    @Test("One bar per value above the floor; zero is not drawn and the floor is stated")
    func bars() throws {
        let svg = Self.chart.render()
        _ = try XMLDocument(data: Data(svg.utf8))
        // Background, frame and 2 legend swatches are rects too: 3 bars + 4.
        #expect(Self.count("<rect", in: svg) == 3 + 4)
        #expect(svg.contains("Bars below 0.0001 (the axis floor) are not drawn."))
    }

    @Test("Whiskers are drawn for groups with percentile bands")
    func whiskers() {
        let svg = Self.chart.render()
        #expect(Self.count("stroke=\"#222\" stroke-width=\"1.2\"", in: svg) == 2)  // one whisker per banded bar
        #expect(Self.count("stroke=\"#222\" stroke-width=\"1\"", in: svg) == 4)  // two caps each
        #expect(svg.contains(">IV</text>") && svg.contains(">IC</text>"))
        #expect(svg.contains(">lung</text>") && svg.contains(">lesion</text>"))
    }
}
