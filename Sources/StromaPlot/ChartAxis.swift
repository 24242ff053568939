import Foundation

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

    /// White background, the bold title and the grey subtitle of a kinetics chart.
    static func appendHeader(to doc: inout SVGDocument, left: Double, title: String, subtitle: String?) {
        doc.append(
            "<rect x=\"0\" y=\"0\" width=\"\(SVGDocument.number(doc.width))\" height=\"\(SVGDocument.number(doc.height))\" fill=\"white\"/>"
        )
        doc.append(
            "<text x=\"\(SVGDocument.number(left))\" y=\"24\" font-size=\"16\" font-weight=\"bold\">\(SVGDocument.escape(title))</text>"
        )
        if let subtitle {
            doc.append(
                "<text x=\"\(SVGDocument.number(left))\" y=\"42\" font-size=\"12\" fill=\"#555\">\(SVGDocument.escape(subtitle))</text>"
            )
        }
    }

    /// Horizontal grid lines at the ticks, with right-aligned tick labels left of the plot.
    func appendGrid(to doc: inout SVGDocument, left: Double, plotWidth: Double, y py: (Double) -> Double) {
        for tick in ticks {
            let y = py(tick)
            doc.append(
                "<line x1=\"\(SVGDocument.number(left))\" y1=\"\(SVGDocument.number(y))\" x2=\"\(SVGDocument.number(left + plotWidth))\" y2=\"\(SVGDocument.number(y))\" stroke=\"#e5e5e5\"/>"
            )
            doc.append(
                "<text x=\"\(SVGDocument.number(left - 6))\" y=\"\(SVGDocument.number(y + 4))\" font-size=\"11\" text-anchor=\"end\">\(ChartAxis.svgLabel(tick, log: log))</text>"
            )
        }
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
