import Foundation

/// The shared layout of the logicle and hyperlog scales in the Gating-ML 2.0 parameterisation (T, W, M, A).
///
/// With w = W/(M + A), x₂ = A/(M + A), x₁ = x₂ + w (the scale position of 0), x₀ = x₂ + 2w and
/// b = (M + A)·ln 10 (Moore & Parks 2012, Cytometry A 81:273; Gating-ML 2.0 §5.4–5.5). Both transforms require
/// T > 0, M > 0, W ≤ M/2 and −W ≤ A ≤ M − 2W; logicle allows W = 0, hyperlog needs W > 0.
struct BiexponentialGeometry: Equatable {
    /// w = W/(M + A).
    let width: Double
    /// x₁ = (A + W)/(M + A), where the scale puts 0.
    let x1: Double
    /// x₀ = (A + 2W)/(M + A).
    let x0: Double
    /// b = (M + A)·ln 10.
    let b: Double

    /// - Throws: ``CytometryError`` naming the transform and the valid region when the parameters are outside it.
    init(name: String, t: Double, w: Double, m: Double, a: Double, allowsZeroWidth: Bool) throws {
        let widthValid = allowsZeroWidth ? w >= 0 : w > 0
        guard t > 0, m > 0, widthValid, 2 * w <= m, -a <= w, a + 2 * w <= m else {
            let lower = allowsZeroWidth ? "0 ≤ W" : "0 < W"
            throw CytometryError(
                "\(name) parameters T=\(t), W=\(w), M=\(m), A=\(a) are outside T > 0, M > 0, \(lower) ≤ M/2, −W ≤ A ≤ M − 2W"
            )
        }
        width = w / (m + a)
        let x2 = a / (m + a)
        x1 = x2 + width
        x0 = x2 + 2 * width
        b = (m + a) * Foundation.log(10.0)
    }

    /// The first Halley step's starting point for the inverse of a scale whose top-end term is coefficient·e^(b·y)
    /// and whose Taylor series about x₁ starts with `slope`: linear below `linearLimit`, logarithmic above.
    func startingPoint(for target: Double, linearLimit: Double, slope: Double, coefficient: Double) -> Double {
        target < linearLimit ? x1 + target / slope : Foundation.log(target / coefficient) / b
    }
}
