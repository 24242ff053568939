import Foundation
import Testing
import _StromaTestSupport
@testable import StromaKinetics

@Suite struct SolverTests {
    @Test("Matrix exponential of a 2×2 rotation generator is cos/sin")
    func expmRotation() throws {
        var a = Matrix(n: 2)
        a[0, 1] = -3
        a[1, 0] = 3
        let e = try a.exponential()
        #expect(isClose(e[0, 0], cos(3.0), relative: 1e-13))
        #expect(isClose(e[1, 0], sin(3.0), relative: 1e-13))
    }

    @Test("Stiff exponential chain A→B→C matches the Bateman solution", arguments: [1e-3, 1.0, 200.0])
    func chain(t: Double) throws {
        // k1 = 1000/h (stiff), k2 = 0.05/h.
        let k1 = 1000.0, k2 = 0.05
        var a = Matrix(n: 3)
        a[0, 0] = -k1; a[1, 0] = k1; a[1, 1] = -k2; a[2, 1] = k2
        let system = DrivenLinearSystem(constant: a, driven: [], drive: { _ in 1 })
        let r = try ExponentialIntegrator().solve(system, initial: [1, 0, 0], recordTimes: [t])
        let b = k1 / (k2 - k1) * (exp(-k1 * t) - exp(-k2 * t))
        #expect(isClose(r.values[0][0], exp(-k1 * t), relative: 1e-9, absolute: 1e-300))
        #expect(isClose(r.values[0][1], b, relative: 1e-9))
        #expect(isClose(r.values[0].reduce(0, +), 1, relative: 1e-9))
    }

    @Test("Time-varying drive: x' = -k·H(t)·x, H = 1 + sin t; error falls as h⁴ towards exp(-k(t + 1 - cos t))")
    func drivenDecay() throws {
        let k = 0.3, t = 10.0
        let system = DrivenLinearSystem(
            constant: Matrix(n: 2), driven: [.init(from: 0, to: 1, rate: k)], drive: { 1 + sin($0) })
        let exact = exp(-k * (t + 1 - cos(t)))
        func error(_ h: Double) throws -> Double {
            let r = try ExponentialIntegrator(maxStep: h).solve(system, initial: [1, 0], recordTimes: [t])
            #expect(isClose(r.values[0].reduce(0, +), 1, relative: 1e-12))
            return abs(r.values[0][0] - exact) / exact
        }
        let e1 = try error(0.25), e2 = try error(0.125), e3 = try error(0.03125)
        #expect(e1 / e2 > 12 && e1 / e2 < 20, "order-4 ratio \(e1 / e2)")
        #expect(e3 < 1e-8, "error \(e3) at h = 1/32")
    }

    @Test("Zero-order infusion into a compartment: x = u/k·(1 − e^{−kt}) during, decay after")
    func infusion() throws {
        var a = Matrix(n: 2)
        a[0, 0] = -2; a[1, 0] = 2
        let system = DrivenLinearSystem(constant: a, driven: [], drive: { _ in 1 })
        let u = ZeroOrderInput(start: 0, end: 0.5, rate: [10, 0])
        let r = try ExponentialIntegrator().solve(system, initial: [0, 0], inputs: [u], recordTimes: [0.3, 0.5, 2])
        #expect(isClose(r.values[0][0], 5 * (1 - exp(-0.6)), relative: 1e-10))
        let at05 = 5 * (1 - exp(-1.0))
        #expect(isClose(r.values[1][0], at05, relative: 1e-10))
        #expect(isClose(r.values[2][0], at05 * exp(-3.0), relative: 1e-10))
        #expect(isClose(r.values[2].reduce(0, +), 5, relative: 1e-10))
    }

    struct Robertson: Decodable {
        var times: [Double]
        var y: [[Double]]
    }

    @Test("ROS2 solves the stiff Robertson problem (SciPy Radau reference)")
    func robertson() throws {
        let url = Bundle.module.url(forResource: "robertson", withExtension: "json", subdirectory: "Fixtures")!
        let ref = try JSONDecoder().decode(Robertson.self, from: Data(contentsOf: url))
        let f: ([Double]) -> [Double] = { y in
            [
                -0.04 * y[0] + 1e4 * y[1] * y[2],
                0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1],
                3e7 * y[1] * y[1],
            ]
        }
        let jac: ([Double]) -> Matrix = { y in
            var j = Matrix(n: 3)
            j[0, 0] = -0.04; j[0, 1] = 1e4 * y[2]; j[0, 2] = 1e4 * y[1]
            j[1, 0] = 0.04; j[1, 1] = -1e4 * y[2] - 6e7 * y[1]; j[1, 2] = -1e4 * y[1]
            j[2, 1] = 6e7 * y[1]
            return j
        }
        let solver = RosenbrockSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-14)
        let got = try solver.solve([1, 0, 0], times: ref.times, f: f, jacobian: jac)
        for (k, t) in ref.times.enumerated() {
            for i in 0..<3 {
                #expect(
                    isClose(got[k][i], ref.y[k][i], relative: 1e-4, absolute: 1e-12),
                    "t = \(t), y\(i + 1): \(got[k][i]) vs \(ref.y[k][i])")
            }
            #expect(isClose(got[k].reduce(0, +), 1, relative: 1e-10))
        }
    }

    @Test("Cell model: exponential integrator agrees with ROS2 on the full rat IA system")
    func crossCheckRosenbrock() throws {
        let scenario = Scenario(species: .rat, route: .ia, dose: 1e6, outputTimes: [24])
        let p = try Simulation.parameters(for: scenario)
        let r = try Simulation.run(scenario, parameters: p)
        let model = try CellModel.build(parameters: p, tAdmin: 24)
        let (a0, a1) = model.matrices()
        let x0 = try Simulation.routeIncrement(.ia, dose: 1e6, model: model, parameters: p)
        // Autonomous form: append time as a state.
        let n = a0.n
        let f: ([Double]) -> [Double] = { y in
            let h = model.drive.value(at: y[n])
            var d = [Double](repeating: 0, count: n + 1)
            for i in 0..<n {
                var s = 0.0
                for j in 0..<n { s += (a0[i, j] + h * a1[i, j]) * y[j] }
                d[i] = s
            }
            d[n] = 1
            return d
        }
        let jac: ([Double]) -> Matrix = { y in
            let h = model.drive.value(at: y[n])
            var m = Matrix(n: n + 1)
            for i in 0..<n { for j in 0..<n { m[i, j] = a0[i, j] + h * a1[i, j] } }
            return m
        }
        let ros = try RosenbrockSolver(relativeTolerance: 1e-8, absoluteTolerance: 1e-4)
            .solve(x0 + [0], times: [24], f: f, jacobian: jac)
        for k in [0] {
            for id in ["T_LU", "T_LES", "P", "T_BR", "L_LI", "L_SP"] {
                let i = model.index(id)
                let a = r.stateValues[id]![k], b = ros[k][i]
                if b > 1 { #expect(isClose(a, b, relative: 1e-4), "\(id) at \(r.times[k]) h: \(a) vs \(b)") }
            }
        }
    }
}
