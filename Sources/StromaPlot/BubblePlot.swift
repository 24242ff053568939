/// A bubble plot for a meta-regression on one continuous moderator: studies as circles with an
/// area proportional to their weight, the fitted line and its confidence band (after metafor's
/// `regplot()`).
public struct BubblePlot: Sendable {
    /// One study.
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public var weight: Double

        public init(x: Double, y: Double, weight: Double) {
            self.x = x
            self.y = y
            self.weight = weight
        }
    }

    /// The fitted value and confidence limits at one moderator value.
    public struct FitPoint: Sendable, Hashable {
        public var x: Double
        public var fit: Double
        public var lower: Double
        public var upper: Double

        public init(x: Double, fit: Double, lower: Double, upper: Double) {
            self.x = x
            self.fit = fit
            self.lower = lower
            self.upper = upper
        }
    }

    public var points: [Point]
    /// The regression line with its band, ascending in x (empty for none).
    public var fit: [FitPoint]
    public var xLabel: String
    public var yLabel: String
    /// A dashed horizontal reference line (for example 0); `nil` for none.
    public var referenceY: Double?
    public var width: Double
    public var height: Double

    public init(
        points: [Point], fit: [FitPoint] = [], xLabel: String, yLabel: String,
        referenceY: Double? = 0, width: Double = 560, height: Double = 420
    ) {
        self.points = points
        self.fit = fit
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.referenceY = referenceY
        self.width = width
        self.height = height
    }

    /// Renders the plot as a standalone SVG document.
    public func svg() -> String {
        let left = 74.0, right = 20.0, top = 20.0, bottom = 62.0
        let xs = points.map(\.x) + fit.map(\.x)
        var ys = points.map(\.y) + fit.flatMap { [$0.lower, $0.upper] }
        if let referenceY { ys.append(referenceY) }
        let xTicks = AxisTicks(lower: xs.min() ?? 0, upper: xs.max() ?? 1, count: 6)
        let yTicks = AxisTicks(lower: ys.min() ?? 0, upper: ys.max() ?? 1, count: 5)
        let xScale = LinearScale(domain: xTicks.range, pixelStart: left, pixelEnd: width - right)
        let yScale = LinearScale(domain: yTicks.range, pixelStart: height - bottom, pixelEnd: top)
        var doc = SVGDocument(width: width, height: height)
        doc.append(SVG.rect(0, 0, width, height, fill: "#fff"))
        if fit.count >= 2 {
            let band =
                fit.map { (xScale($0.x), yScale($0.upper)) }
                + fit.reversed().map { (xScale($0.x), yScale($0.lower)) }
            doc.append(SVG.polygon(band, fill: "#d9d9d9"))
            doc.append(
                SVG.polyline(
                    fit.map { (xScale($0.x), yScale($0.upper)) }, stroke: "#888",
                    width: 0.8))
            doc.append(
                SVG.polyline(
                    fit.map { (xScale($0.x), yScale($0.lower)) }, stroke: "#888",
                    width: 0.8))
        }
        if let referenceY {
            doc.append(
                SVG.line(
                    left, yScale(referenceY), width - right, yScale(referenceY),
                    stroke: "#555", width: 1, dash: "4 3"))
        }
        if fit.count >= 2 {
            doc.append(
                SVG.polyline(
                    fit.map { (xScale($0.x), yScale($0.fit)) }, stroke: "#000",
                    width: 1.5))
        }
        let maxWeight = points.map(\.weight).max() ?? 1
        // Largest first so small bubbles stay visible.
        for point in points.sorted(by: { $0.weight > $1.weight }) {
            let r = 2.5 + 9 * (max(point.weight, 0) / maxWeight).squareRoot()
            doc.append(
                SVG.circle(
                    xScale(point.x), yScale(point.y), r, fill: "#808080",
                    opacity: 0.45))
        }
        doc.append(
            contentsOf: SVG.horizontalAxis(
                scale: xScale, ticks: xTicks.values,
                labels: xTicks.values.map(xTicks.label), y: height - bottom + 6, title: xLabel))
        doc.append(
            contentsOf: SVG.verticalAxis(
                scale: yScale, ticks: yTicks.values,
                labels: yTicks.values.map(yTicks.label), x: left - 6, title: yLabel, titleOffset: 50))
        return doc.render()
    }
}
