import Foundation

/// A funnel plot: effect sizes against their standard errors (y axis inverted, 0 at the top),
/// with pseudo-confidence regions estimate ± z·SE at the given levels and a vertical line at
/// the pooled estimate.
///
/// Studies imputed by trim-and-fill (Duval & Tweedie 2000) are open
/// circles; observed studies are filled.
public struct FunnelPlot: Sendable {
    /// One study.
    public struct Point: Sendable, Hashable {
        public var estimate: Double
        public var standardError: Double
        /// Imputed by trim-and-fill (drawn open).
        public var imputed: Bool

        public init(estimate: Double, standardError: Double, imputed: Bool = false) {
            self.estimate = estimate
            self.standardError = standardError
            self.imputed = imputed
        }
    }

    /// One pseudo-confidence region: estimate ± z·SE at a confidence level.
    public struct Region: Sendable, Hashable {
        /// Confidence level in (0, 1), for example 0.95.
        public var level: Double
        /// The two-sided standard normal quantile Φ⁻¹(1/2 + level/2), for example 1.96.
        public var z: Double

        public init(level: Double, z: Double) {
            self.level = level
            self.z = z
        }

        /// 90%, 95% and 99% with z = qnorm(0.95), qnorm(0.975), qnorm(0.995) (R 4.2.2,
        /// `sprintf("%.16g", qnorm(c(0.95, 0.975, 0.995)))`).
        public static let standard = [
            Region(level: 0.90, z: 1.644853626951472),
            Region(level: 0.95, z: 1.959963984540054),
            Region(level: 0.99, z: 2.5758293035489),
        ]
    }

    public var points: [Point]
    /// The pooled estimate the regions are centred on (after trim-and-fill, if any).
    public var estimate: Double
    /// The pseudo-confidence regions; default 90%, 95%, 99%.
    public var regions: [Region]
    public var effectLabel: String
    public var standardErrorLabel: String
    public var width: Double
    public var height: Double

    public init(
        points: [Point], estimate: Double, regions: [Region] = Region.standard,
        effectLabel: String, standardErrorLabel: String = "Standard error",
        width: Double = 560, height: Double = 440
    ) {
        self.points = points
        self.estimate = estimate
        self.regions = regions
        self.effectLabel = effectLabel
        self.standardErrorLabel = standardErrorLabel
        self.width = width
        self.height = height
    }

    /// Renders the plot as a standalone SVG document.
    public func svg() -> String {
        let left = 70.0, right = 20.0, top = 26.0, bottom = 62.0
        let maxSE = max(points.map(\.standardError).filter(\.isFinite).max() ?? 1, 1e-9)
        let yTicks = AxisTicks(lower: 0, upper: maxSE, count: 4)
        let seMax = yTicks.values.last!
        let regionsSorted = regions.sorted { $0.level < $1.level }
        let widest = regionsSorted.last?.z ?? 1.959963984540054
        var xs = points.map(\.estimate).filter(\.isFinite)
        xs += [estimate - widest * seMax, estimate + widest * seMax]
        let xTicks = AxisTicks(lower: xs.min()!, upper: xs.max()!, count: 6)
        let xScale = LinearScale(domain: xTicks.range, pixelStart: left, pixelEnd: width - right)
        let legendHeight = 26.0
        let yScale = LinearScale(
            domain: 0...seMax, pixelStart: top + legendHeight,
            pixelEnd: height - bottom)
        var doc = SVGDocument(width: width, height: height)
        doc.append(SVG.rect(0, 0, width, height, fill: "#fff"))
        // Regions, widest first, lighter outside.
        let shades = ["#f2f2f2", "#dcdcdc", "#c4c4c4", "#aaaaaa"]
        for (index, region) in regionsSorted.reversed().enumerated() {
            let z = region.z
            let bottomY = yScale(seMax)
            let polygon = [
                (xScale(estimate), yScale(0)),
                (xScale(estimate - z * seMax), bottomY),
                (xScale(estimate + z * seMax), bottomY),
            ]
            doc.append(
                SVG.polygon(
                    polygon.map { (clampX($0.0, xScale), $0.1) },
                    fill: shades[min(index, shades.count - 1)]))
        }
        doc.append(
            SVG.line(
                xScale(estimate), yScale(0), xScale(estimate), yScale(seMax),
                stroke: "#000", width: 1))
        for point in points where point.estimate.isFinite && point.standardError.isFinite {
            let cx = xScale(point.estimate)
            let cy = yScale(point.standardError)
            doc.append(
                point.imputed
                    ? SVG.circle(cx, cy, 4, fill: "#fff")
                    : SVG.circle(cx, cy, 4, fill: "#000"))
        }
        doc.append(
            contentsOf: SVG.horizontalAxis(
                scale: xScale, ticks: xTicks.values,
                labels: xTicks.values.map(xTicks.label), y: height - bottom + 6, title: effectLabel))
        doc.append(
            contentsOf: SVG.verticalAxis(
                scale: yScale, ticks: yTicks.values,
                labels: yTicks.values.map(yTicks.label), x: left - 6, title: standardErrorLabel,
                titleOffset: 46))
        // Legend along the top.
        var x = left
        let y = top + 2
        for (index, region) in regionsSorted.reversed().enumerated().reversed() {
            doc.append(
                SVG.rect(
                    x, y - 9, 12, 12, fill: shades[min(index, shades.count - 1)],
                    stroke: "#888"))
            let text = PlotFormat.fixed(region.level * 100, decimals: 0) + "%"
            doc.append(SVG.text(text, x: x + 16, y: y + 1, size: 11))
            x += 16 + TextMetrics.width(text, size: 11) + 12
        }
        doc.append(SVG.circle(x + 5, y - 3, 4, fill: "#000"))
        doc.append(SVG.text("observed", x: x + 14, y: y + 1, size: 11))
        x += 14 + TextMetrics.width("observed", size: 11) + 12
        if points.contains(where: \.imputed) {
            doc.append(SVG.circle(x + 5, y - 3, 4, fill: "#fff"))
            doc.append(SVG.text("imputed (trim-and-fill)", x: x + 14, y: y + 1, size: 11))
        }
        return doc.render()
    }

    private func clampX(_ x: Double, _ scale: LinearScale) -> Double {
        min(max(x, min(scale.pixelStart, scale.pixelEnd)), max(scale.pixelStart, scale.pixelEnd))
    }
}
