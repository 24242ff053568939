/// Small builders for the SVG elements every chart uses.
enum SVG {
    static func n(_ value: Double) -> String { SVGDocument.number(value) }

    static func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
        stroke: String = "#000", width: Double = 1, dash: String? = nil
    ) -> String {
        let dashText = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        return "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" "
            + "stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"\(dashText)/>"
    }

    enum Anchor: String { case start, middle, end }

    static func text(
        _ content: String, x: Double, y: Double, size: Double = 12,
        anchor: Anchor = .start, bold: Bool = false, italic: Bool = false,
        fill: String = "#000", rotate: Double? = nil
    ) -> String {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if italic { attributes += " font-style=\"italic\"" }
        if fill != "#000" { attributes += " fill=\"\(fill)\"" }
        if let rotate { attributes += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
        return "<text \(attributes)>\(SVGDocument.escape(content))</text>"
    }

    static func rect(
        _ x: Double, _ y: Double, _ width: Double, _ height: Double,
        fill: String = "#000", stroke: String? = nil
    ) -> String {
        let strokeText = stroke.map { " stroke=\"\($0)\"" } ?? ""
        return "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" "
            + "fill=\"\(fill)\"\(strokeText)/>"
    }

    static func polygon(
        _ points: [(Double, Double)], fill: String, stroke: String? = nil,
        opacity: Double? = nil
    ) -> String {
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        let strokeText = stroke.map { " stroke=\"\($0)\"" } ?? ""
        let opacityText = opacity.map { " fill-opacity=\"\(n($0))\"" } ?? ""
        return "<polygon points=\"\(list)\" fill=\"\(fill)\"\(strokeText)\(opacityText)/>"
    }

    static func polyline(
        _ points: [(Double, Double)], stroke: String = "#000",
        width: Double = 1.5
    ) -> String {
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        return "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" "
            + "stroke-width=\"\(n(width))\"/>"
    }

    static func circle(
        _ cx: Double, _ cy: Double, _ r: Double, fill: String,
        stroke: String = "#000", opacity: Double? = nil
    ) -> String {
        let opacityText = opacity.map { " fill-opacity=\"\(n($0))\"" } ?? ""
        return "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"\(fill)\" "
            + "stroke=\"\(stroke)\"\(opacityText)/>"
    }

    /// A horizontal axis at `y` with ticks below, labels and a centred title.
    static func horizontalAxis(
        scale: LinearScale, ticks: [Double], labels: [String], y: Double,
        title: String?
    ) -> [String] {
        var out = [line(scale(ticks.first!), y, scale(ticks.last!), y)]
        for (value, label) in zip(ticks, labels) {
            let x = scale(value)
            out.append(line(x, y, x, y + 5))
            out.append(text(label, x: x, y: y + 18, size: 11, anchor: .middle))
        }
        if let title {
            out.append(
                text(
                    title, x: (scale(ticks.first!) + scale(ticks.last!)) / 2, y: y + 36,
                    size: 12, anchor: .middle))
        }
        return out
    }

    /// A vertical axis at `x` with ticks to the left, labels and a rotated title.
    static func verticalAxis(
        scale: LinearScale, ticks: [Double], labels: [String], x: Double,
        title: String?, titleOffset: Double
    ) -> [String] {
        var out = [line(x, scale(ticks.first!), x, scale(ticks.last!))]
        for (value, label) in zip(ticks, labels) {
            let y = scale(value)
            out.append(line(x - 5, y, x, y))
            out.append(text(label, x: x - 8, y: y + 4, size: 11, anchor: .end))
        }
        if let title {
            let mid = (scale(ticks.first!) + scale(ticks.last!)) / 2
            out.append(
                text(
                    title, x: x - titleOffset, y: mid, size: 12, anchor: .middle,
                    rotate: -90))
        }
        return out
    }
}
