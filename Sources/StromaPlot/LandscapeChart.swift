/// A horizontal stacked bar chart of trial counts: one bar per (group, label) — for the trial
/// landscape, condition and phase — split into coloured segments (cell sources), with a note
/// (enrollment) after each bar and a legend of segment keys.
///
/// Layout: bars are grouped under their `group` heading in the given order; the x axis counts
/// from 0 to the largest bar total with integer ticks. Colours follow the Okabe–Ito
/// colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design"),
/// then Tol's muted colours (Tol 2021, "Colour Schemes", SRON/EPS/TN/09-002) for more than seven
/// keys, assigned to segment keys in sorted order (repeating after thirteen); `unknown` is grey.
public struct LandscapeChart: Sendable {
    /// One coloured part of a bar.
    public struct Segment: Sendable, Equatable {
        /// What decides the colour (a cell source id such as `bone-marrow`).
        public var key: String
        /// What the legend and the tooltip show (`Bone marrow`); the key when not given.
        public var label: String
        public var value: Int
        public init(key: String, label: String? = nil, value: Int) {
            self.key = key
            self.label = label ?? key
            self.value = value
        }
    }

    /// One bar.
    public struct Bar: Sendable, Equatable {
        public var group: String
        public var label: String
        public var segments: [Segment]
        public var note: String
        public init(group: String, label: String, segments: [Segment], note: String) {
            self.group = group
            self.label = label
            self.segments = segments
            self.note = note
        }
        public var total: Int { segments.reduce(0) { $0 + $1.value } }
    }

    public var bars: [Bar]
    public var title: String

    public init(bars: [Bar], title: String) {
        self.bars = bars
        self.title = title
    }

    static let palette = [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
        "#882255", "#117733", "#332288", "#AA4499", "#44AA99", "#000000",
    ]

    /// The fixed colour of each cell source the MSC recogniser reports (kind `cell-source`), the most common
    /// first in the palette's order.
    public static let sourceColours: [String: String] = [
        "bone-marrow": "#0072B2", "umbilical-cord": "#E69F00", "adipose": "#009E73", "whartons-jelly": "#CC79A7",
        "placenta": "#56B4E9", "cord-blood": "#D55E00", "dental-pulp": "#F0E442", "amnion": "#882255",
        "amniotic-fluid": "#117733", "menstrual-blood": "#332288", "synovium": "#AA4499", "ipsc-derived": "#44AA99",
        "unknown": "#999999",
    ]

    /// The colour of `key`: its fixed colour, else the palette colour its name hashes to (FNV-1a, 64-bit), so the
    /// same key is drawn alike in every chart.
    public static func colour(of key: String) -> String {
        if let fixed = sourceColours[key] { return fixed }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return palette[Int(hash % UInt64(palette.count))]
    }

    /// The colour of each segment key in this chart.
    public var colours: [String: String] {
        var out: [String: String] = [:]
        for bar in bars { for segment in bar.segments { out[segment.key] = Self.colour(of: segment.key) } }
        return out
    }

    /// The label of each segment key in this chart.
    var labels: [String: String] {
        var out: [String: String] = [:]
        for bar in bars { for segment in bar.segments { out[segment.key] = segment.label } }
        return out
    }

    /// The SVG text.
    public func render() -> String {
        let labelWidth = 250.0, plotWidth = 420.0, noteWidth = 130.0, rowHeight = 22.0
        let left = 16.0, top = 44.0
        let groups = bars.reduce(into: [String]()) { if $0.last != $1.group { $0.append($1.group) } }
        let rowsCount = Double(bars.count + groups.count)
        let colours = self.colours
        let labels = self.labels
        let legendKeys = colours.keys.sorted { (labels[$0] ?? $0, $0) < (labels[$1] ?? $1, $1) }
        let legendTop = top + max(rowsCount, 1) * rowHeight + 36
        let width = left + labelWidth + plotWidth + noteWidth + 16
        let height = legendTop + Double(legendKeys.count) * 18 + 16
        var svg = SVGDocument(width: width, height: height)
        let n = SVGDocument.number
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>")
        svg.append(
            "<text x=\"\(n(left))\" y=\"24\" font-size=\"15\" font-weight=\"bold\">\(SVGDocument.escape(title))</text>")
        let maxTotal = max(bars.map(\.total).max() ?? 0, 1)
        let step = Self.tickStep(maxTotal)
        let axisMax = Double((maxTotal + step - 1) / step * step)
        let x0 = left + labelWidth
        let scale = plotWidth / axisMax
        let plotBottom = top + max(rowsCount, 1) * rowHeight
        var tick = 0
        while Double(tick) <= axisMax {
            let x = x0 + Double(tick) * scale
            svg.append(
                "<line x1=\"\(n(x))\" y1=\"\(n(top - 4))\" x2=\"\(n(x))\" y2=\"\(n(plotBottom))\" stroke=\"#dddddd\"/>")
            svg.append(
                "<text x=\"\(n(x))\" y=\"\(n(plotBottom + 14))\" font-size=\"11\" text-anchor=\"middle\">\(tick)</text>"
            )
            tick += step
        }
        svg.append(
            "<text x=\"\(n(x0 + plotWidth / 2))\" y=\"\(n(plotBottom + 30))\" font-size=\"12\" text-anchor=\"middle\">studies</text>"
        )
        var y = top
        var lastGroup: String?
        for bar in bars {
            if bar.group != lastGroup {
                svg.append(
                    "<text x=\"\(n(left))\" y=\"\(n(y + 15))\" font-size=\"12\" font-weight=\"bold\">\(SVGDocument.escape(bar.group))</text>"
                )
                y += rowHeight
                lastGroup = bar.group
            }
            svg.append(
                "<text x=\"\(n(x0 - 8))\" y=\"\(n(y + 15))\" font-size=\"11\" text-anchor=\"end\">\(SVGDocument.escape(bar.label))</text>"
            )
            var x = x0
            for segment in bar.segments where segment.value > 0 {
                let w = Double(segment.value) * scale
                svg.append(
                    "<rect x=\"\(n(x))\" y=\"\(n(y + 3))\" width=\"\(n(w))\" height=\"\(n(rowHeight - 6))\" fill=\"\(colours[segment.key] ?? "#999999")\"><title>\(SVGDocument.escape("\(segment.label): \(segment.value)"))</title></rect>"
                )
                x += w
            }
            svg.append(
                "<text x=\"\(n(x + 6))\" y=\"\(n(y + 15))\" font-size=\"11\">\(bar.total) · \(SVGDocument.escape(bar.note))</text>"
            )
            y += rowHeight
        }
        if bars.isEmpty {
            svg.append("<text x=\"\(n(x0))\" y=\"\(n(top + 15))\" font-size=\"12\">no MSC trials</text>")
        }
        svg.append(
            "<line x1=\"\(n(x0))\" y1=\"\(n(top - 4))\" x2=\"\(n(x0))\" y2=\"\(n(plotBottom))\" stroke=\"black\"/>")
        svg.append(
            "<text x=\"\(n(left))\" y=\"\(n(legendTop - 6))\" font-size=\"12\" font-weight=\"bold\">cell source</text>")
        for (i, key) in legendKeys.enumerated() {
            let ly = legendTop + Double(i) * 18
            svg.append("<rect x=\"\(n(left))\" y=\"\(n(ly))\" width=\"12\" height=\"12\" fill=\"\(colours[key]!)\"/>")
            svg.append(
                "<text x=\"\(n(left + 18))\" y=\"\(n(ly + 10))\" font-size=\"11\">\(SVGDocument.escape(labels[key] ?? key))</text>"
            )
        }
        return svg.render()
    }

    /// An integer tick step giving at most about 8 ticks: 1, 2, 5, 10, 20, 50, ….
    static func tickStep(_ maximum: Int) -> Int {
        var step = 1
        while true {
            for m in [1, 2, 5] where maximum / (step * m) <= 8 { return step * m }
            step *= 10
        }
    }
}
