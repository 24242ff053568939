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

/// The standard normal quantile function (Acklam's rational approximation refined by one
/// Halley step with `erfc`; relative error below 1e-12).
public func normalQuantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "p must be in (0, 1)")
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
             1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
             6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
             -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
             3.754408661907416e+00]
    let low = 0.02425
    var x: Double
    if p < low {
        let q = (-2 * log(p)).squareRoot()
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p <= 1 - low {
        let q = p - 0.5
        let r = q * q
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    } else {
        let q = (-2 * log(1 - p)).squareRoot()
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
    x -= u / (1 + x * u / 2)
    return x
}
