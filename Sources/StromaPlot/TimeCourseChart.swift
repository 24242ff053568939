import Foundation

/// A line chart of time courses with optional uncertainty bands and a logarithmic y axis.
///
/// Used for organ time courses of the kinetics model (`stroma simulate --plot`). Values ≤ 0 on
/// a log axis are drawn at the axis floor. Colours: Okabe–Ito palette.
public struct TimeCourseChart: Sendable {
    /// One line, with an optional band (for example 5th–95th percentile).
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        public var lower: [Double]?
        public var upper: [Double]?

        public init(name: String, x: [Double], y: [Double], lower: [Double]? = nil, upper: [Double]? = nil) {
            self.name = name
            self.x = x
            self.y = y
            self.lower = lower
            self.upper = upper
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var logY: Bool
    public var series: [Series]
    /// Smallest y shown on a log axis (default: 1e-6 × the largest value).
    public var yFloor: Double?
    public var subtitle: String?
    /// x tick positions (default: 1-2-2.5-5 steps); for example every 12 h or every day.
    public var xTicks: [Double]?

    public init(
        title: String, xLabel: String, yLabel: String, logY: Bool = true, series: [Series],
        yFloor: Double? = nil, subtitle: String? = nil, xTicks: [Double]? = nil
    ) {
        self.xTicks = xTicks
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logY = logY
        self.series = series
        self.yFloor = yFloor
        self.subtitle = subtitle
    }

    /// Okabe–Ito colours (yellow last: it is faint on white), a grey and a purple.
    static let palette = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#7F3C8D",
        "#999999", "#F0E442",
    ]

    public func render(width: Double = 820, height: Double = 500) -> String {
        var doc = SVGDocument(width: width, height: height)
        let left = 78.0, right = 170.0, top = subtitle == nil ? 46.0 : 62.0, bottom = 56.0
        let pw = width - left - right, ph = height - top - bottom
        let allX = series.flatMap(\.x)
        let xMin = allX.min() ?? 0, xMax = max(allX.max() ?? 1, xMin + 1e-9)
        let allY = series.flatMap { $0.y + ($0.upper ?? []) }.filter { $0.isFinite }
        let yMaxRaw = max(allY.max() ?? 1, 1e-300)
        let axis = ChartAxis.values(
            min: logY ? (yFloor ?? yMaxRaw * 1e-6) : min(0, allY.min() ?? 0), max: yMaxRaw, log: logY)
        func px(_ x: Double) -> Double { left + (x - xMin) / (xMax - xMin) * pw }
        func py(_ y: Double) -> Double { top + ph - axis.fraction(y) * ph }
        ChartAxis.appendHeader(to: &doc, left: left, title: title, subtitle: subtitle)
        // Grid and ticks.
        axis.appendGrid(to: &doc, left: left, plotWidth: pw, y: py)
        for tick in xTicks ?? ChartAxis.linearTicks(min: xMin, max: xMax) where tick >= xMin && tick <= xMax {
            let x = px(tick)
            doc.append(
                "<line x1=\"\(SVGDocument.number(x))\" y1=\"\(SVGDocument.number(top))\" x2=\"\(SVGDocument.number(x))\" y2=\"\(SVGDocument.number(top + ph))\" stroke=\"#f0f0f0\"/>"
            )
            doc.append(
                "<text x=\"\(SVGDocument.number(x))\" y=\"\(SVGDocument.number(top + ph + 18))\" font-size=\"11\" text-anchor=\"middle\">\(ChartAxis.label(tick, log: false))</text>"
            )
        }
        doc.append(
            "<rect x=\"\(SVGDocument.number(left))\" y=\"\(SVGDocument.number(top))\" width=\"\(SVGDocument.number(pw))\" height=\"\(SVGDocument.number(ph))\" fill=\"none\" stroke=\"#333\"/>"
        )
        doc.append(
            "<text x=\"\(SVGDocument.number(left + pw / 2))\" y=\"\(SVGDocument.number(height - 14))\" font-size=\"13\" text-anchor=\"middle\">\(SVGDocument.escape(xLabel))</text>"
        )
        doc.append(
            "<text transform=\"translate(18 \(SVGDocument.number(top + ph / 2))) rotate(-90)\" font-size=\"13\" text-anchor=\"middle\">\(SVGDocument.escape(yLabel))</text>"
        )
        // Bands, then lines; on a log axis, points ≤ 0 break the line (nothing to draw).
        func runs(_ ok: (Int) -> Bool, count: Int) -> [[Int]] {
            var out: [[Int]] = [], current: [Int] = []
            for k in 0..<count {
                if ok(k) { current.append(k) } else if !current.isEmpty { out.append(current); current = [] }
            }
            if !current.isEmpty { out.append(current) }
            return out
        }
        func drawable(_ v: Double) -> Bool { v.isFinite && (!logY || v > 0) }
        for (i, s) in series.enumerated() {
            let colour = Self.palette[i % Self.palette.count]
            guard let lo = s.lower, let hi = s.upper, lo.count == s.x.count, hi.count == s.x.count else { continue }
            for run in runs({ drawable(hi[$0]) && hi[$0] >= axis.lo }, count: s.x.count) where run.count > 1 {
                var pts = run.map { "\(SVGDocument.number(px(s.x[$0]))),\(SVGDocument.number(py(axis.clamp(hi[$0]))))" }
                pts += run.reversed().map {
                    "\(SVGDocument.number(px(s.x[$0]))),\(SVGDocument.number(py(axis.clamp(lo[$0]))))"
                }
                doc.append(
                    "<polygon points=\"\(pts.joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.14\" stroke=\"none\"/>"
                )
            }
        }
        for (i, s) in series.enumerated() {
            let colour = Self.palette[i % Self.palette.count]
            for run in runs({ drawable(s.y[$0]) && s.y[$0] >= axis.lo }, count: s.x.count) {
                let pts = run.map {
                    "\(SVGDocument.number(px(s.x[$0]))),\(SVGDocument.number(py(axis.clamp(s.y[$0]))))"
                }
                if run.count == 1 {
                    doc.append(
                        "<circle cx=\"\(SVGDocument.number(px(s.x[run[0]])))\" cy=\"\(SVGDocument.number(py(s.y[run[0]])))\" r=\"2.5\" fill=\"\(colour)\"/>"
                    )
                } else {
                    doc.append(
                        "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>"
                    )
                }
            }
            let ly = top + 10 + Double(i) * 20
            doc.append(
                "<line x1=\"\(SVGDocument.number(left + pw + 14))\" y1=\"\(SVGDocument.number(ly))\" x2=\"\(SVGDocument.number(left + pw + 38))\" y2=\"\(SVGDocument.number(ly))\" stroke=\"\(colour)\" stroke-width=\"3\"/>"
            )
            doc.append(
                "<text x=\"\(SVGDocument.number(left + pw + 44))\" y=\"\(SVGDocument.number(ly + 4))\" font-size=\"12\">\(SVGDocument.escape(s.name))</text>"
            )
        }
        if series.contains(where: { $0.lower != nil }) {
            let ly = top + 10 + Double(series.count) * 20 + 8
            doc.append(
                "<rect x=\"\(SVGDocument.number(left + pw + 14))\" y=\"\(SVGDocument.number(ly - 6))\" width=\"24\" height=\"12\" fill=\"#777\" fill-opacity=\"0.25\"/>"
            )
            doc.append(
                "<text x=\"\(SVGDocument.number(left + pw + 44))\" y=\"\(SVGDocument.number(ly + 4))\" font-size=\"12\">5th–95th pct</text>"
            )
        }
        return doc.render()
    }
}
