import Foundation

/// A line chart of time courses with optional uncertainty bands and a logarithmic y axis.
///
/// Used for organ time courses of the kinetics model (`stroma simulate --plot`). Values ≤ 0 on
/// a log axis are drawn at the axis floor. Colours: Okabe–Ito palette.
public struct TimeCourseChart: Sendable {
    /// One line, with an optional band (e.g. 5th–95th percentile).
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
    /// x tick positions (default: 1-2-2.5-5 steps); e.g. every 12 h or every day.
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
        doc.append("<rect x=\"0\" y=\"0\" width=\"\(SVGDocument.number(width))\" height=\"\(SVGDocument.number(height))\" fill=\"white\"/>")
        doc.append("<text x=\"\(SVGDocument.number(left))\" y=\"24\" font-size=\"16\" font-weight=\"bold\">\(SVGDocument.escape(title))</text>")
        if let subtitle {
            doc.append("<text x=\"\(SVGDocument.number(left))\" y=\"42\" font-size=\"12\" fill=\"#555\">\(SVGDocument.escape(subtitle))</text>")
        }
        // Grid and ticks.
        for tick in axis.ticks {
            let y = py(tick)
            doc.append("<line x1=\"\(SVGDocument.number(left))\" y1=\"\(SVGDocument.number(y))\" x2=\"\(SVGDocument.number(left + pw))\" y2=\"\(SVGDocument.number(y))\" stroke=\"#e5e5e5\"/>")
            doc.append("<text x=\"\(SVGDocument.number(left - 6))\" y=\"\(SVGDocument.number(y + 4))\" font-size=\"11\" text-anchor=\"end\">\(ChartAxis.svgLabel(tick, log: logY))</text>")
        }
        for tick in xTicks ?? ChartAxis.linearTicks(min: xMin, max: xMax) where tick >= xMin && tick <= xMax {
            let x = px(tick)
            doc.append("<line x1=\"\(SVGDocument.number(x))\" y1=\"\(SVGDocument.number(top))\" x2=\"\(SVGDocument.number(x))\" y2=\"\(SVGDocument.number(top + ph))\" stroke=\"#f0f0f0\"/>")
            doc.append("<text x=\"\(SVGDocument.number(x))\" y=\"\(SVGDocument.number(top + ph + 18))\" font-size=\"11\" text-anchor=\"middle\">\(ChartAxis.label(tick, log: false))</text>")
        }
        doc.append("<rect x=\"\(SVGDocument.number(left))\" y=\"\(SVGDocument.number(top))\" width=\"\(SVGDocument.number(pw))\" height=\"\(SVGDocument.number(ph))\" fill=\"none\" stroke=\"#333\"/>")
        doc.append("<text x=\"\(SVGDocument.number(left + pw / 2))\" y=\"\(SVGDocument.number(height - 14))\" font-size=\"13\" text-anchor=\"middle\">\(SVGDocument.escape(xLabel))</text>")
        doc.append("<text transform=\"translate(18 \(SVGDocument.number(top + ph / 2))) rotate(-90)\" font-size=\"13\" text-anchor=\"middle\">\(SVGDocument.escape(yLabel))</text>")
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
                pts += run.reversed().map { "\(SVGDocument.number(px(s.x[$0]))),\(SVGDocument.number(py(axis.clamp(lo[$0]))))" }
                doc.append("<polygon points=\"\(pts.joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.14\" stroke=\"none\"/>")
            }
        }
        for (i, s) in series.enumerated() {
            let colour = Self.palette[i % Self.palette.count]
            for run in runs({ drawable(s.y[$0]) && s.y[$0] >= axis.lo }, count: s.x.count) {
                let pts = run.map { "\(SVGDocument.number(px(s.x[$0]))),\(SVGDocument.number(py(axis.clamp(s.y[$0]))))" }
                if run.count == 1 {
                    doc.append("<circle cx=\"\(SVGDocument.number(px(s.x[run[0]])))\" cy=\"\(SVGDocument.number(py(s.y[run[0]])))\" r=\"2.5\" fill=\"\(colour)\"/>")
                } else {
                    doc.append("<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>")
                }
            }
            let ly = top + 10 + Double(i) * 20
            doc.append("<line x1=\"\(SVGDocument.number(left + pw + 14))\" y1=\"\(SVGDocument.number(ly))\" x2=\"\(SVGDocument.number(left + pw + 38))\" y2=\"\(SVGDocument.number(ly))\" stroke=\"\(colour)\" stroke-width=\"3\"/>")
            doc.append("<text x=\"\(SVGDocument.number(left + pw + 44))\" y=\"\(SVGDocument.number(ly + 4))\" font-size=\"12\">\(SVGDocument.escape(s.name))</text>")
        }
        if series.contains(where: { $0.lower != nil }) {
            let ly = top + 10 + Double(series.count) * 20 + 8
            doc.append("<rect x=\"\(SVGDocument.number(left + pw + 14))\" y=\"\(SVGDocument.number(ly - 6))\" width=\"24\" height=\"12\" fill=\"#777\" fill-opacity=\"0.25\"/>")
            doc.append("<text x=\"\(SVGDocument.number(left + pw + 44))\" y=\"\(SVGDocument.number(ly + 4))\" font-size=\"12\">5th–95th pct</text>")
        }
        return doc.render()
    }
}

/// Axis scaling shared by the kinetics charts.
struct ChartAxis {
    var lo: Double
    var hi: Double
    var log: Bool
    var ticks: [Double]

    static func values(min: Double, max: Double, log: Bool) -> ChartAxis {
        if log {
            let lo = Foundation.pow(10, Foundation.floor(Foundation.log10(Swift.max(min, 1e-300))))
            let hi = Foundation.pow(10, Foundation.ceil(Foundation.log10(Swift.max(max, lo * 10))))
            let decades = Int((Foundation.log10(hi) - Foundation.log10(lo)).rounded())
            let step = Swift.max(1, (decades + 7) / 8)
            let ticks = stride(from: 0, through: decades, by: step).map { lo * Foundation.pow(10, Double($0)) }
            return ChartAxis(lo: lo, hi: hi, log: true, ticks: ticks)
        }
        let t = linearTicks(min: min, max: max)
        return ChartAxis(lo: Swift.min(min, t.first ?? min), hi: Swift.max(max, t.last ?? max), log: false, ticks: t)
    }

    func clamp(_ y: Double) -> Double { log ? Swift.min(Swift.max(y, lo), hi) : Swift.min(Swift.max(y, lo), hi) }

    func fraction(_ y: Double) -> Double {
        let v = clamp(y)
        if log { return (Foundation.log10(v) - Foundation.log10(lo)) / (Foundation.log10(hi) - Foundation.log10(lo)) }
        return (v - lo) / Swift.max(hi - lo, 1e-300)
    }

    static func linearTicks(min: Double, max: Double) -> [Double] {
        let span = Swift.max(max - min, 1e-12)
        let raw = span / 6
        let mag = Foundation.pow(10, Foundation.floor(Foundation.log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        var t = Foundation.ceil(min / step) * step
        var out: [Double] = []
        while t <= max + step * 1e-9 {
            out.append(abs(t) < step * 1e-9 ? 0 : t)
            t += step
        }
        return out
    }

    /// Tick label as SVG content: decimals from 0.0001 to 10000 on a log axis, else 10 with a
    /// raised exponent.
    static func svgLabel(_ v: Double, log: Bool) -> String {
        guard log else { return label(v, log: false) }
        let e = Int(Foundation.log10(v).rounded())
        if e >= -4 && e <= 4 { return v >= 1 ? String(Int(v.rounded())) : String(format: "%.\(-e)f", v) }
        return "10<tspan dy=\"-5\" font-size=\"8\">\(e < 0 ? "−" : "")\(abs(e))</tspan>"
    }

    static func label(_ v: Double, log: Bool) -> String {
        if log {
            let e = Int(Foundation.log10(v).rounded())
            if e >= -2 && e <= 4 { return v >= 1 ? String(Int(v.rounded())) : String(format: "%g", v) }
            return "1e\(e)"
        }
        if v == v.rounded() && abs(v) < 1e7 { return String(Int(v)) }
        return String(format: "%g", v)
    }
}
