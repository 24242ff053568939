import Foundation

/// A one-dimensional scale transformation of Gating-ML 2.0 (ISAC Gating-ML 2.0 specification, 2013,
/// §5): the function applied to a scale value before a gate's coordinates are compared.
///
/// - `linear` flin(x, T, A) = (x + A) / (T + A)
/// - `log` flog(x, T, M) = (1/M)·log₁₀(x/T) + 1 (NaN for x ≤ 0: such events fall outside every gate)
/// - `asinh` fasinh(x, T, M, A) = (asinh(x·sinh(M·ln 10)/T) + A·ln 10) / ((M + A)·ln 10)
/// - `logicle` the inverse of the biexponential of Parks, Roederer & Moore 2006 (Cytometry A 69:541), in the
///   Gating-ML parameterisation T, W, M, A (Moore & Parks 2012, Cytometry A 81:273): see ``Logicle``.
/// - `hyperlog` the inverse of EH(y) = a·e^(b·y) + c·y − f (Bagwell 2005), parameterised as Gating-ML: see
///   ``Hyperlog``.
public enum ScaleTransform: Sendable {
    case linear(t: Double, a: Double)
    case log(t: Double, m: Double)
    case asinh(t: Double, m: Double, a: Double)
    case logicle(Logicle)
    case hyperlog(Hyperlog)

    /// The transformed value of `x`.
    public func apply(_ x: Double) -> Double {
        switch self {
        case .linear(let t, let a): return (x + a) / (t + a)
        case .log(let t, let m): return x > 0 ? Foundation.log10(x / t) / m + 1 : .nan
        case .asinh(let t, let m, let a):
            let ln10 = Foundation.log(10.0)
            return (Foundation.asinh(x * Foundation.sinh(m * ln10) / t) + a * ln10) / ((m + a) * ln10)
        case .logicle(let logicle): return logicle.scale(x)
        case .hyperlog(let hyperlog): return hyperlog.scale(x)
        }
    }
}
