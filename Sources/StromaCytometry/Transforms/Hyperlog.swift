import Foundation

/// The hyperlog transform (Bagwell 2005, Cytometry A 64:34) with the Gating-ML 2.0 parameters T, W, M, A.
///
/// Hyperlog is the inverse of EH(y) = a·e^(b·y) + c·y − f, a function that is linear near zero and logarithmic
/// above; with w = W/(M + A), x₂ = A/(M + A), x₁ = x₂ + w, x₀ = x₂ + 2w and b = (M + A)·ln 10, the constants
/// follow from EH(x₁) = 0, EH's slope at x₀ and EH(1) = T (Gating-ML 2.0 §5.5; the reference `Hyperlog.cpp`
/// of the Gating-ML and FlowUtils implementations). ``scale(_:)`` inverts EH by Halley's method with a Taylor
/// series near x₁; negative values are reflected about x₁.
public struct Hyperlog: Sendable, Equatable {
    public let t: Double
    public let w: Double
    public let m: Double
    public let a: Double

    let aCoefficient: Double
    let c: Double
    let f: Double
    let geometry: BiexponentialGeometry
    /// b = (M + A)·ln 10.
    var b: Double { geometry.b }
    /// The scale position of 0.
    var x1: Double { geometry.x1 }
    let xTaylor: Double
    let taylor: [Double]

    /// - Throws: ``CytometryError`` when the parameters are outside T > 0, M > 0, 0 < W ≤ M/2, −W ≤ A ≤ M − 2W.
    public init(t: Double, w: Double, m: Double, a: Double) throws {
        let geometry = try BiexponentialGeometry(name: "hyperlog", t: t, w: w, m: m, a: a, allowsZeroWidth: false)
        self.t = t
        self.w = w
        self.m = m
        self.a = a
        let (width, x1, x0, b) = (geometry.width, geometry.x1, geometry.x0, geometry.b)
        self.geometry = geometry
        let e0 = Foundation.exp(b * x0)
        let cOverA = e0 / width
        let fOverA = Foundation.exp(b * x1) + cOverA * x1
        let aCoefficient = t / ((Foundation.exp(b) + cOverA) - fOverA)
        self.aCoefficient = aCoefficient
        self.c = cOverA * aCoefficient
        self.f = fOverA * aCoefficient
        self.xTaylor = x1 + width / 4
        var coefficient = aCoefficient * Foundation.exp(b * x1)
        var taylor: [Double] = []
        for index in 0..<Logicle.taylorLength {
            coefficient *= b / Double(index + 1)
            taylor.append(coefficient)
        }
        taylor[0] += cOverA * aCoefficient
        self.taylor = taylor
    }

    /// EH(scale) − EH(x₁) by the Taylor series about x₁.
    func seriesBiexponential(_ scale: Double) -> Double {
        let x = scale - x1
        var sum = taylor[Logicle.taylorLength - 1] * x
        for index in stride(from: Logicle.taylorLength - 2, through: 1, by: -1) { sum = (sum + taylor[index]) * x }
        return (sum + taylor[0]) * x
    }

    /// The hyperlog value of `value`: y with EH(y) = value (1 at T, x₁ at 0).
    public func scale(_ value: Double) -> Double {
        if value == 0 { return x1 }
        if value.isNaN { return .nan }
        let negative = value < 0
        let target = abs(value)
        var x = geometry.startingPoint(for: target, linearLimit: f, slope: taylor[0], coefficient: aCoefficient)
        if x > 1 { x = 1 }
        let tolerance = 3 * Double.ulpOfOne
        for _ in 0..<20 {
            let exponential = aCoefficient * Foundation.exp(b * x)
            let y = x < xTaylor ? seriesBiexponential(x) - target : (exponential + c * x) - (f + target)
            let slopeExponential = b * exponential
            let slope = slopeExponential + c
            let curvature = b * slopeExponential
            let delta = y / (slope * (1 - y * curvature / (2 * slope * slope)))
            x -= delta
            if abs(delta) < tolerance { break }
        }
        return negative ? 2 * x1 - x : x
    }
}
