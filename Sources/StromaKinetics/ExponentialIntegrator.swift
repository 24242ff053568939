import Foundation

/// A linear system with a time-varying part: dx/dt = A0·x + H(t)·A1·x + b(t).
///
/// `A0` is dense and may be stiff (blood transit in seconds); `A1` is sparse and slow (homing
/// transfers, ≤ 0.2/h); `b(t)` is a piecewise-constant zero-order input (infusions); jumps
/// (bolus doses) happen at event times.
public struct DrivenLinearSystem: Sendable {
    /// One sparse driven transfer: `rate·H(t)·x[from]` moves from `from` to `to`.
    public struct DrivenTerm: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var rate: Double
        public init(from: Int, to: Int, rate: Double) {
            self.from = from
            self.to = to
            self.rate = rate
        }
    }

    public var constant: Matrix
    public var driven: [DrivenTerm]
    public var drive: @Sendable (Double) -> Double

    public init(constant: Matrix, driven: [DrivenTerm], drive: @escaping @Sendable (Double) -> Double) {
        self.constant = constant
        self.driven = driven
        self.drive = drive
    }

    /// The driven part g(t, x) = H(t)·A1·x, written into `out` (first n entries).
    @inline(__always)
    func drivenPart(_ t: Double, _ x: [Double], into out: inout [Double]) {
        for i in 0..<out.count { out[i] = 0 }
        guard !driven.isEmpty else { return }
        let h = drive(t)
        for term in driven {
            let f = term.rate * h * x[term.from]
            out[term.from] -= f
            out[term.to] += f
        }
    }
}

/// An instantaneous addition to the state (a bolus dose) at `time`.
public struct StateJump: Sendable, Equatable {
    public var time: Double
    public var increment: [Double]
    public init(time: Double, increment: [Double]) {
        self.time = time
        self.increment = increment
    }
}

/// A zero-order input `rate` (per hour, per state) on [start, end).
public struct ZeroOrderInput: Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var rate: [Double]
    public init(start: Double, end: Double, rate: [Double]) {
        self.start = start
        self.end = end
        self.rate = rate
    }
}

/// States and running integrals at the recorded times.
public struct Trajectory: Sendable {
    public var times: [Double]
    /// `values[k][i]`: state i at `times[k]`.
    public var values: [[Double]]
    /// `integrals[k][i]`: ∫₀^{times[k]} x_i dt (trapezoid on the integrator's steps).
    public var integrals: [[Double]]
    /// Number of integration steps taken.
    public var steps: Int
}

/// Lawson's exponential Runge–Kutta method of order 4 with exact exponentials of the constant
/// part, on dyadic step sizes.
///
/// With v = e^{−A0·t}x the system becomes v' = e^{−A0·t} g(t, e^{A0·t}v) with g = H(t)A1x + b,
/// which is not stiff; classical RK4 on it gives (Lawson JD, SIAM J Numer Anal 1967;4:372):
/// ```
/// k1 = g(t, x);  X2 = E½(x + h/2·k1);  k2 = g(t+h/2, X2);  X3 = E½x + h/2·k2;
/// k3 = g(t+h/2, X3);  X4 = E·x + h·E½k3;  k4 = g(t+h, X4)
/// x⁺ = E·x + h/6·(E·k1 + 2E½(k2 + k3) + k4),   E = e^{A0·h}, E½ = e^{A0·h/2}
/// ```
/// The zero-order input is folded into A0 by one extra constant state, so it is integrated
/// exactly. Step sizes are h_max/2^k: after every jump the integrator restarts at
/// h_max/2^levels and doubles each step (to resolve the fast blood transient that feeds the
/// driven transfers); the exponentials come from one Padé evaluation and repeated squaring.
/// Linear invariants (total mass) are preserved exactly up to rounding.
public struct ExponentialIntegrator: Sendable {
    /// Largest step (h). Default 0.25 h.
    public var maxStep: Double
    /// Number of halvings of `maxStep` used right after a jump. Default 14 (≈ 0.05 s).
    public var levels: Int

    public init(maxStep: Double = 0.25, levels: Int = 14) {
        self.maxStep = maxStep
        self.levels = levels
    }

    /// Integrates from x(0) = 0 (plus jumps at t = 0), recording at `recordTimes`.
    ///
    /// - Parameters:
    ///   - initial: state at t = 0 before jumps at 0.
    ///   - jumps: bolus additions; those at the same time are summed.
    ///   - inputs: zero-order inputs.
    ///   - recordTimes: times ≥ 0 to record (sorted or not); the last one is the end time.
    public func solve(
        _ system: DrivenLinearSystem, initial: [Double], jumps: [StateJump] = [],
        inputs: [ZeroOrderInput] = [], recordTimes: [Double]
    ) throws -> Trajectory {
        let n = system.constant.n
        let na = n + 1
        let end = recordTimes.max() ?? 0
        var breaks = Set(recordTimes)
        for j in jumps where j.time <= end { breaks.insert(j.time) }
        for u in inputs {
            if u.start <= end { breaks.insert(u.start) }
            if u.end <= end { breaks.insert(u.end) }
        }
        breaks.insert(0)
        let stops = breaks.sorted()
        let recordSet = Set(recordTimes)

        // Phase = sum of active zero-order inputs; one exponential chain per distinct phase.
        var chains: [[Double]: [(full: Matrix, half: Matrix)]] = [:]
        func augmented(_ b: [Double]) -> Matrix {
            var m = Matrix(n: na)
            for i in 0..<n {
                for j in 0..<n { m[i, j] = system.constant[i, j] }
                m[i, n] = b[i]
            }
            return m
        }
        func chain(_ b: [Double]) throws -> [(full: Matrix, half: Matrix)] {
            if let c = chains[b] { return c }
            let a = augmented(b)
            // exps[k] = e^{A·maxStep/2^k}, k = 0 … levels+1.
            var exps = [Matrix](repeating: Matrix(n: 0), count: levels + 2)
            exps[levels + 1] = try (maxStep / Foundation.pow(2, Double(levels + 1)) * a).exponential()
            for k in stride(from: levels, through: 0, by: -1) { exps[k] = exps[k + 1] * exps[k + 1] }
            let c = (0...levels).map { (full: exps[$0], half: exps[$0 + 1]) }
            chains[b] = c
            return c
        }
        func inputRate(at t: Double) -> [Double] {
            var b = [Double](repeating: 0, count: n)
            for u in inputs where u.start <= t && t < u.end {
                for i in 0..<n { b[i] += u.rate[i] }
            }
            return b
        }

        var x = initial + [1]
        var integral = [Double](repeating: 0, count: na)
        var out = Trajectory(times: [], values: [], integrals: [], steps: 0)
        var level = levels
        var t = 0.0
        // Work vectors.
        var k1 = [Double](repeating: 0, count: na), k2 = k1, k3 = k1, k4 = k1
        var w1 = k1, w2 = k1, ex = k1, tmp = k1

        for stop in stops {
            // Integrate from t to stop.
            if stop > t {
                let b = inputRate(at: t)
                let c = try chain(b)
                var remainderCache: (h: Double, full: Matrix, half: Matrix)?
                while stop - t > 1e-12 * max(1, stop) {
                    let r = stop - t
                    var h = maxStep / Foundation.pow(2, Double(level))
                    var kUsed = level
                    while h > r * (1 + 1e-12) && kUsed < levels {
                        kUsed += 1
                        h /= 2
                    }
                    let full: Matrix, half: Matrix
                    if h <= r * (1 + 1e-12) {
                        full = c[kUsed].full
                        half = c[kUsed].half
                    } else {
                        h = r
                        if remainderCache == nil || remainderCache!.h != h {
                            let a = augmented(b)
                            remainderCache = (h, try (h * a).exponential(), try (h / 2 * a).exponential())
                        }
                        full = remainderCache!.full
                        half = remainderCache!.half
                    }
                    // Lawson RK4 step.
                    system.drivenPart(t, x, into: &k1)
                    for i in 0..<na { w1[i] = x[i] + h / 2 * k1[i] }
                    half.apply(w1, into: &w2)  // X2
                    system.drivenPart(t + h / 2, w2, into: &k2)
                    half.apply(x, into: &tmp)  // E½x
                    for i in 0..<na { w1[i] = tmp[i] + h / 2 * k2[i] }  // X3
                    system.drivenPart(t + h / 2, w1, into: &k3)
                    full.apply(x, into: &ex)  // E x
                    half.apply(k3, into: &tmp)
                    for i in 0..<na { w1[i] = ex[i] + h * tmp[i] }  // X4
                    system.drivenPart(t + h, w1, into: &k4)
                    for i in 0..<na { w1[i] = k2[i] + k3[i] }
                    half.apply(w1, into: &w2)
                    for i in 0..<na { w1[i] = x[i] + h / 6 * k1[i] }
                    full.apply(w1, into: &tmp)
                    for i in 0..<na {
                        let xn = tmp[i] + h / 3 * w2[i] + h / 6 * k4[i]
                        integral[i] += h / 2 * (x[i] + xn)
                        x[i] = xn
                    }
                    x[n] = 1
                    t += h
                    out.steps += 1
                    if h == maxStep / Foundation.pow(2, Double(level)) { level = max(0, level - 1) }
                }
                t = stop
            }
            var jumped = false
            for j in jumps where j.time == stop {
                for i in 0..<n { x[i] += j.increment[i] }
                jumped = true
            }
            if jumped || inputs.contains(where: { $0.start == stop || $0.end == stop }) {
                level = levels
            }
            if recordSet.contains(stop) {
                out.times.append(stop)
                out.values.append(Array(x[0..<n]))
                out.integrals.append(Array(integral[0..<n]))
            }
        }
        return out
    }
}
