import Foundation

/// The L-stable, second-order Rosenbrock method ROS2 with an embedded first-order error
/// estimate and adaptive steps, for autonomous stiff systems y' = f(y).
///
/// Verwer JG, Spee EJ, Blom JG, Hundsdorfer W. "A second-order Rosenbrock method applied to
/// photochemical dispersion problems." SIAM J Sci Comput 1999;20:1456–1480:
/// ```
/// γ = 1 + 1/√2,  W = I − γhJ
/// W·k1 = f(yₙ);   W·k2 = f(yₙ + h·k1) − 2k1
/// yₙ₊₁ = yₙ + 3/2·h·k1 + 1/2·h·k2,   error = h/2·(k1 + k2)
/// ```
/// Step control: err = RMS(eᵢ/(atol + rtol·|yᵢ|)), h ← h·min(5, max(0.2, 0.9/√err)).
/// Used for general nonlinear problems (Robertson) and as an independent check of
/// ``ExponentialIntegrator`` on the cell model; the cell model itself uses the latter.
public struct RosenbrockSolver: Sendable {
    public var relativeTolerance: Double
    public var absoluteTolerance: Double
    public var maxSteps: Int

    public init(relativeTolerance: Double = 1e-6, absoluteTolerance: Double = 1e-10, maxSteps: Int = 1_000_000) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.maxSteps = maxSteps
    }

    /// Integrates from t = 0 and returns the state at each of `times` (ascending, > 0).
    ///
    /// - Parameters:
    ///   - f: right-hand side.
    ///   - jacobian: ∂f/∂y.
    /// - Throws: `KineticsError` when the step count exceeds `maxSteps` or a step underflows.
    public func solve(
        _ y0: [Double], times: [Double], f: ([Double]) -> [Double], jacobian: ([Double]) -> Matrix
    ) throws -> [[Double]] {
        let n = y0.count
        let gamma = 1 + 1 / 2.0.squareRoot()
        var y = y0
        var t = 0.0
        var h = 1e-6 * max(times.last ?? 1, 1e-3)
        var out: [[Double]] = []
        var steps = 0
        for target in times {
            while t < target {
                steps += 1
                if steps > maxSteps {
                    throw KineticsError("ROS2 exceeded \(maxSteps) steps before t = \(target)")
                }
                let hh = min(h, target - t)
                let j = jacobian(y)
                var w = Matrix.identity(n)
                for i in 0..<(n * n) { w.storage[i] -= gamma * hh * j.storage[i] }
                let lu = try LUFactorization(w)
                var k1 = f(y)
                lu.solve(&k1)
                let y1 = (0..<n).map { y[$0] + hh * k1[$0] }
                let f1 = f(y1)
                var k2 = (0..<n).map { f1[$0] - 2 * k1[$0] }
                lu.solve(&k2)
                var err = 0.0
                var ynew = y
                for i in 0..<n {
                    ynew[i] = y[i] + 1.5 * hh * k1[i] + 0.5 * hh * k2[i]
                    let e = 0.5 * hh * (k1[i] + k2[i])
                    let sc = absoluteTolerance + relativeTolerance * max(abs(y[i]), abs(ynew[i]))
                    err += (e / sc) * (e / sc)
                }
                err = (err / Double(n)).squareRoot()
                if err <= 1 {
                    t += hh
                    y = ynew
                }
                let factor = err == 0 ? 5 : min(5, max(0.2, 0.9 / err.squareRoot()))
                h = hh * factor
                if h < 1e-14 * max(1, t) { throw KineticsError("ROS2 step size underflow at t = \(t)") }
            }
            out.append(y)
        }
        return out
    }
}
