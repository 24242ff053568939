import Foundation

/// A linear map from data values to pixel coordinates (the pixel range may be reversed).
public struct LinearScale: Sendable, Hashable {
    public var domain: ClosedRange<Double>
    public var pixelStart: Double
    public var pixelEnd: Double

    public init(domain: ClosedRange<Double>, pixelStart: Double, pixelEnd: Double) {
        self.domain = domain
        self.pixelStart = pixelStart
        self.pixelEnd = pixelEnd
    }

    /// The pixel coordinate of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span == 0 ? 0.5 : (value - domain.lowerBound) / span
        return pixelStart + t * (pixelEnd - pixelStart)
    }
}

/// Tick positions and labels for a linear axis ("nice numbers": steps of 1, 2 or 5 × 10ᵏ;
/// Heckbert, Graphics Gems, 1990).
public struct AxisTicks: Sendable, Hashable {
    /// Tick values, ascending; the first and last enclose the data.
    public var values: [Double]
    /// The distance between ticks.
    public var step: Double

    /// Ticks covering `lower...upper` with about `count` intervals (default 5).
    public init(lower: Double, upper: Double, count: Int = 5) {
        var lo = lower
        var hi = upper
        if !(hi > lo) {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let rough = (hi - lo) / Double(max(count, 1))
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let residual = rough / magnitude
        let unit: Double = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10
        let size = unit * magnitude
        step = size
        // The tolerance keeps a bound that is (up to rounding) a multiple of the step as the end
        // tick, instead of adding a tick beyond it (0 stays the first tick, not −step).
        let first = (lo / size + 1e-9).rounded(.down)
        let last = (hi / size - 1e-9).rounded(.up)
        values = stride(from: first, through: last, by: 1).map { ($0 * size).cleanZero }
    }

    /// The covered range, from the first to the last tick.
    public var range: ClosedRange<Double> { values.first!...values.last! }

    /// Decimals needed to print every tick distinctly.
    public var decimals: Int { max(0, Int((-log10(step)).rounded(.up) + 1e-9)) }

    /// A tick label with ``decimals`` decimals.
    public func label(_ value: Double) -> String { PlotFormat.fixed(value, decimals: decimals) }
}

/// Number formatting for plot text.
public enum PlotFormat {
    /// `value` with `decimals` decimals; `-0.00` becomes `0.00`; a real minus sign (U+2212).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NA" : (value > 0 ? "∞" : "−∞") }
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") {
            let digits = text.dropFirst()
            text = digits.allSatisfy({ $0 == "0" || $0 == "." }) ? String(digits) : "−" + digits
        }
        return text
    }

    /// `estimate [lower, upper]` with `decimals` decimals.
    public static func interval(_ estimate: Double, _ lower: Double, _ upper: Double, decimals: Int)
        -> String
    {
        "\(fixed(estimate, decimals: decimals)) [\(fixed(lower, decimals: decimals)), "
            + "\(fixed(upper, decimals: decimals))]"
    }
}

extension Double {
    /// Turns −0 and floating dust below 1e-12 into 0.
    var cleanZero: Double { abs(self) < 1e-12 ? 0 : self }
}

/// Approximate text widths for Helvetica/Arial, used to lay out columns (no font access).
public enum TextMetrics {
    /// Width in pixels of `text` at `size` px.
    public static func width(_ text: String, size: Double) -> Double {
        var em = 0.0
        for ch in text {
            switch ch {
            case "i", "l", "j", "'", "|", ".", ",", ":", ";", "!": em += 0.25
            case " ", "f", "t", "r", "I", "[", "]", "(", ")", "/", "-": em += 0.33
            case "0"..."9", "a"..."z", "−", "τ", "²", "·": em += 0.556
            case "m", "w", "M", "W", "%", "@": em += 0.85
            case "A"..."Z": em += 0.67
            default: em += 0.6
            }
        }
        return em * size
    }
}
