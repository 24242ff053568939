import Foundation

/// The logicle display transform (Parks, Roederer & Moore 2006, Cytometry A 69:541) with the Gating-ML 2.0
/// parameters: top of scale T, linearisation width W (decades), M decades, A additional negative decades.
///
/// Logicle is the inverse of the biexponential B(y) = a·e^(b·y) − c·e^(−d·y) + f, scaled so that
/// logicle(T) = 1 and logicle(0) = x₁ = (A + W)/(M + A). With w = W/(M + A), x₂ = A/(M + A), x₁ = x₂ + w,
/// x₀ = x₂ + 2w and b = (M + A)·ln 10, d solves 2(ln d − ln b) + w(b + d) = 0; the remaining constants follow
/// from B(x₁) = 0, the second derivative vanishing at x₁ and B(1) = T. ``scale(_:)`` inverts B by Halley's
/// method, with a Taylor series near x₁ where the exponentials cancel; this is the algorithm of Moore & Parks
/// 2012 (Cytometry A 81:273, the reference `Logicle.cpp`). Negative values are reflected about x₁.
public struct Logicle: Sendable, Equatable {
    public let t: Double
    public let w: Double
    public let m: Double
    public let a: Double

    // The biexponential's constants (B(y) = aCoefficient·e^(b·y) − c·e^(−d·y) + f).
    let aCoefficient: Double
    let c: Double
    let d: Double
    let f: Double
    let geometry: BiexponentialGeometry
    /// b = (M + A)·ln 10.
    var b: Double { geometry.b }
    /// The scale position of 0.
    var x1: Double { geometry.x1 }
    let xTaylor: Double
    let taylor: [Double]

    /// The number of Taylor terms kept (the reference implementation's `TAYLOR_LENGTH`).
    static let taylorLength = 16

    /// - Throws: ``CytometryError`` when the parameters are outside T > 0, M > 0, 0 ≤ W ≤ M/2, −W ≤ A ≤ M − 2W.
    public init(t: Double, w: Double, m: Double, a: Double) throws {
        let geometry = try BiexponentialGeometry(name: "logicle", t: t, w: w, m: m, a: a, allowsZeroWidth: true)
        self.t = t
        self.w = w
        self.m = m
        self.a = a
        let (width, x1, x0, b) = (geometry.width, geometry.x1, geometry.x0, geometry.b)
        self.geometry = geometry
        let d = Self.solve(b: b, w: width)
        let cOverA = Foundation.exp(x0 * (b + d))
        let mfOverA = Foundation.exp(b * x1) - cOverA / Foundation.exp(d * x1)
        let aCoefficient = t / ((Foundation.exp(b) - mfOverA) - cOverA / Foundation.exp(d))
        self.aCoefficient = aCoefficient
        self.c = cOverA * aCoefficient
        self.d = d
        self.f = -mfOverA * aCoefficient
        self.xTaylor = x1 + width / 4
        var positive = aCoefficient * Foundation.exp(b * x1)
        var negative = -c * Foundation.exp(-d * x1)
        var taylor: [Double] = []
        for index in 0..<Self.taylorLength {
            positive *= b / Double(index + 1)
            negative *= -d / Double(index + 1)
            taylor.append(positive + negative)
        }
        taylor[1] = 0  // exactly zero by the logicle condition
        self.taylor = taylor
    }

    /// d such that 2(ln d − ln b) + w(b + d) = 0, by safeguarded Newton iteration on [0, b].
    static func solve(b: Double, w: Double) -> Double {
        if w == 0 { return b }
        let tolerance = 2 * b * Double.ulpOfOne
        var low = 0.0
        var high = b
        var d = (low + high) / 2
        let constant = -2 * Foundation.log(b) + w * b
        var value = 2 * Foundation.log(d) + w * d + constant
        var lastValue = Double.nan
        for _ in 0..<40 {
            let slope = 2 / d + w
            let delta: Double
            if ((d - high) * slope - value) * ((d - low) * slope - value) >= 0
                || abs(1.9 * value) > abs(lastValue * slope)
            {
                delta = (high - low) / 2
                d = low + delta
                if d == low { return d }
            } else {
                delta = value / slope
                let previous = d
                d -= delta
                if d == previous { return d }
            }
            if abs(delta) < tolerance { return d }
            value = 2 * Foundation.log(d) + w * d + constant
            if value == 0 || value == lastValue { return d }
            lastValue = value
            if value < 0 { low = d } else { high = d }
        }
        return d
    }

    /// B(scale) − B(x₁) by the Taylor series about x₁ (used where scale < x₁ + w/4).
    func seriesBiexponential(_ scale: Double) -> Double {
        let x = scale - x1
        var sum = taylor[Self.taylorLength - 1] * x
        for index in stride(from: Self.taylorLength - 2, through: 2, by: -1) { sum = (sum + taylor[index]) * x }
        return (sum * x + taylor[0]) * x
    }

    /// The logicle value of `value`: y with B(y) = value (1 at T, x₁ at 0).
    public func scale(_ value: Double) -> Double {
        if value == 0 { return x1 }
        if value.isNaN { return .nan }
        let negative = value < 0
        let target = abs(value)
        var x = geometry.startingPoint(for: target, linearLimit: f, slope: taylor[0], coefficient: aCoefficient)
        let tolerance = 3 * Double.ulpOfOne
        for _ in 0..<20 {
            let positive = aCoefficient * Foundation.exp(b * x)
            let negativeTerm = c / Foundation.exp(d * x)
            let y = x < xTaylor ? seriesBiexponential(x) - target : (positive + f) - (negativeTerm + target)
            let positiveSlope = b * positive
            let negativeSlope = d * negativeTerm
            let slope = positiveSlope + negativeSlope
            let curvature = b * positiveSlope - d * negativeSlope
            let delta = y / (slope * (1 - y * curvature / (2 * slope * slope)))
            x -= delta
            if abs(delta) < tolerance { break }
        }
        return negative ? 2 * x1 - x : x
    }
}
