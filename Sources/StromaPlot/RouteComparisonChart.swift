import Foundation

/// Grouped bars comparing routes across organs at one time, on a logarithmic axis, with
/// optional 5th–95th percentile whiskers and optional markers for a second, separately labelled value.
///
/// With Monte Carlo the bar is the median and the whiskers its 5th–95th percentiles, so the whisker always
/// brackets its bar; the deterministic run (default parameters) is then drawn as a black diamond (`markers`).
public struct RouteComparisonChart: Sendable {
    public struct Group: Sendable {
        /// Route name (legend).
        public var name: String
        /// One value per category (organ).
        public var values: [Double]
        public var lower: [Double]?
        public var upper: [Double]?
        /// A second value per category drawn as a diamond marker (the deterministic run), or nil.
        public var markers: [Double]?

        public init(
            name: String, values: [Double], lower: [Double]? = nil, upper: [Double]? = nil, markers: [Double]? = nil
        ) {
            self.name = name
            self.values = values
            self.lower = lower
            self.upper = upper
            self.markers = markers
        }
    }

    public var title: String
    public var subtitle: String?
    public var yLabel: String
    public var categories: [String]
    public var groups: [Group]
    public var yFloor: Double
    /// Legend text of the diamond markers (drawn when any group has markers), and its longer footnote.
    public var markerLabel: String
    public var markerNote: String

    public init(
        title: String, subtitle: String? = nil, yLabel: String, categories: [String], groups: [Group],
        yFloor: Double = 1e-4, markerLabel: String = "deterministic", markerNote: String = "deterministic run"
    ) {
        self.markerLabel = markerLabel
        self.markerNote = markerNote
        self.title = title
        self.subtitle = subtitle
        self.yLabel = yLabel
        self.categories = categories
        self.groups = groups
        self.yFloor = yFloor
    }

    public func render(width: Double = 900, height: Double = 480) -> String {
        var doc = SVGDocument(width: width, height: height)
        let left = 78.0, right = 120.0, top = subtitle == nil ? 46.0 : 62.0, bottom = 56.0
        let pw = width - left - right, ph = height - top - bottom
        var plotted: [Double] = []
        for group in groups {
            plotted += group.values
            plotted += group.upper ?? []
            plotted += group.markers ?? []
        }
        let maxValue = plotted.filter(\.isFinite).max() ?? 1
        let axis = ChartAxis.values(min: yFloor, max: max(maxValue, yFloor * 10), log: true)
        func py(_ y: Double) -> Double { top + ph - axis.fraction(y) * ph }
        ChartAxis.appendHeader(to: &doc, left: left, title: title, subtitle: subtitle)
        axis.appendGrid(to: &doc, left: left, plotWidth: pw, y: py)
        let slot = pw / Double(max(categories.count, 1))
        let barW = slot * 0.8 / Double(max(groups.count, 1))
        for (c, name) in categories.enumerated() {
            let x0 = left + Double(c) * slot + slot * 0.1
            doc.append(
                "<text x=\"\(SVGDocument.number(left + (Double(c) + 0.5) * slot))\" y=\"\(SVGDocument.number(top + ph + 18))\" font-size=\"12\" text-anchor=\"middle\">\(SVGDocument.escape(name))</text>"
            )
            for (g, group) in groups.enumerated() where c < group.values.count {
                let colour = TimeCourseChart.palette[g % TimeCourseChart.palette.count]
                let v = group.values[c]
                let x = x0 + Double(g) * barW
                let yTop = py(v), yBase = py(axis.lo)
                if v > axis.lo {
                    doc.append(
                        "<rect x=\"\(SVGDocument.number(x))\" y=\"\(SVGDocument.number(yTop))\" width=\"\(SVGDocument.number(barW * 0.92))\" height=\"\(SVGDocument.number(max(0, yBase - yTop)))\" fill=\"\(colour)\"/>"
                    )
                }
                if let lo = group.lower, let hi = group.upper, c < lo.count, c < hi.count, hi[c] > axis.lo {
                    let xm = x + barW * 0.46
                    doc.append(
                        "<line x1=\"\(SVGDocument.number(xm))\" y1=\"\(SVGDocument.number(py(lo[c])))\" x2=\"\(SVGDocument.number(xm))\" y2=\"\(SVGDocument.number(py(hi[c])))\" stroke=\"#222\" stroke-width=\"1.2\"/>"
                    )
                    for yCap in [py(lo[c]), py(hi[c])] where yCap < yBase - 0.5 {
                        doc.append(
                            "<line x1=\"\(SVGDocument.number(xm - barW * 0.18))\" y1=\"\(SVGDocument.number(yCap))\" x2=\"\(SVGDocument.number(xm + barW * 0.18))\" y2=\"\(SVGDocument.number(yCap))\" stroke=\"#222\" stroke-width=\"1\"/>"
                        )
                    }
                }
                if let m = group.markers, c < m.count, m[c].isFinite, m[c] > axis.lo {
                    doc.append(Self.diamond(x: x + barW * 0.46, y: py(m[c]), size: min(5, barW * 0.3)))
                }
            }
        }
        doc.append(
            "<rect x=\"\(SVGDocument.number(left))\" y=\"\(SVGDocument.number(top))\" width=\"\(SVGDocument.number(pw))\" height=\"\(SVGDocument.number(ph))\" fill=\"none\" stroke=\"#333\"/>"
        )
        doc.append(
            "<text transform=\"translate(18 \(SVGDocument.number(top + ph / 2))) rotate(-90)\" font-size=\"13\" text-anchor=\"middle\">\(SVGDocument.escape(yLabel))</text>"
        )
        for (g, group) in groups.enumerated() {
            let colour = TimeCourseChart.palette[g % TimeCourseChart.palette.count]
            let ly = top + 10 + Double(g) * 20
            doc.append(
                "<rect x=\"\(SVGDocument.number(left + pw + 14))\" y=\"\(SVGDocument.number(ly - 6))\" width=\"14\" height=\"12\" fill=\"\(colour)\"/>"
            )
            doc.append(
                "<text x=\"\(SVGDocument.number(left + pw + 34))\" y=\"\(SVGDocument.number(ly + 4))\" font-size=\"12\">\(SVGDocument.escape(group.name))</text>"
            )
        }
        if groups.contains(where: { $0.markers != nil }) {
            let ly = top + 10 + Double(groups.count) * 20
            doc.append(Self.diamond(x: left + pw + 21, y: ly, size: 5))
            doc.append(
                "<text x=\"\(SVGDocument.number(left + pw + 34))\" y=\"\(SVGDocument.number(ly + 4))\" font-size=\"12\">\(SVGDocument.escape(markerLabel))</text>"
            )
        }
        var footnote = "Bars below \(String(format: "%g", axis.lo)) (the axis floor) are not drawn."
        if groups.contains(where: { $0.markers != nil }) { footnote += " Diamonds: \(markerNote)." }
        doc.append(
            "<text x=\"\(SVGDocument.number(left))\" y=\"\(SVGDocument.number(height - 12))\" font-size=\"11\" fill=\"#555\">\(SVGDocument.escape(footnote))</text>"
        )
        return doc.render()
    }

    /// A black diamond marker centred at (x, y), with class `marker`.
    static func diamond(x: Double, y: Double, size: Double) -> String {
        let n = SVGDocument.number
        return
            "<polygon class=\"marker\" points=\"\(n(x)),\(n(y - size)) \(n(x + size)),\(n(y)) \(n(x)),\(n(y + size)) \(n(x - size)),\(n(y))\" fill=\"#000\" stroke=\"#fff\" stroke-width=\"0.8\"/>"
    }
}
