import Foundation
import Testing

@testable import StromaCytometry

@Suite("Gating-ML 2.0 scale transforms")
struct TransformTests {
    /// Logicle, Gating-ML 2.0 parameterisation, T = 1000, W = 1, M = 4, A = 0, for the inputs −10, −5, −1, 0,
    /// 0.3, 1, 3, 10, 100, 1000: the values tabulated in FlowUtils' tests, as quoted in
    /// `shared/design/round2-anchors.md` ("Cell product QC").
    static let logicleValues: [(Double, Double)] = [
        (-10, 0.067574), (-5, 0.147986), (-1, 0.228752), (0, 0.25), (0.3, 0.256384), (1, 0.271248),
        (3, 0.312897), (10, 0.432426), (100, 0.739548), (1000, 1.0),
    ]

    @Test("logicle reproduces the tabulated values to 1e-6", arguments: logicleValues)
    func logicleTable(_ input: Double, _ expected: Double) throws {
        let logicle = try Logicle(t: 1000, w: 1, m: 4, a: 0)
        #expect(abs(logicle.scale(input) - expected) <= 1e-6)
    }

    @Test("logicle and hyperlog invert their defining functions and reflect negatives", arguments: [0.0, 0.5, 1, 2])
    func inverses(_ a: Double) throws {
        let logicle = try Logicle(t: 262_144, w: 0.5, m: 4.5, a: a)
        let hyperlog = try Hyperlog(t: 262_144, w: 0.5, m: 4.5, a: a)
        // B(y) = a·e^(b·y) − c·e^(−d·y) + f and EH(y) = a·e^(b·y) + c·y − f.
        func biexponential(_ y: Double) -> Double {
            logicle.aCoefficient * exp(logicle.b * y) - logicle.c * exp(-logicle.d * y) + logicle.f
        }
        func hyperbolic(_ y: Double) -> Double {
            hyperlog.aCoefficient * exp(hyperlog.b * y) + hyperlog.c * y - hyperlog.f
        }
        for value in [0.25, 1, 7, 100, 5_000, 100_000, 262_144] {
            #expect(abs(biexponential(logicle.scale(value)) - value) <= 1e-9 * value, "logicle \(value)")
            #expect(abs(hyperbolic(hyperlog.scale(value)) - value) <= 1e-9 * value, "hyperlog \(value)")
            #expect(abs(logicle.scale(-value) - (2 * logicle.x1 - logicle.scale(value))) < 1e-12)
            #expect(abs(hyperlog.scale(-value) - (2 * hyperlog.x1 - hyperlog.scale(value))) < 1e-12)
        }
        #expect(abs(logicle.scale(262_144) - 1) < 1e-12)
        #expect(abs(hyperlog.scale(262_144) - 1) < 1e-12)
    }

    @Test("flin, flog and fasinh follow their Gating-ML formulas")
    func closedForms() {
        #expect(ScaleTransform.linear(t: 1000, a: 100).apply(450) == 0.5)
        #expect(abs(ScaleTransform.log(t: 10_000, m: 5).apply(10) - 0.4) < 1e-15)
        #expect(ScaleTransform.log(t: 10_000, m: 5).apply(-1).isNaN)
        // fasinh(T) = 1 and fasinh(0) = A/(M + A).
        let asinh = ScaleTransform.asinh(t: 1000, m: 4, a: 1)
        #expect(abs(asinh.apply(1000) - 1) < 1e-12)
        #expect(abs(asinh.apply(0) - 0.2) < 1e-15)
    }

    @Test("parameters outside the valid region are refused")
    func invalidParameters() {
        #expect(throws: CytometryError.self) { try Logicle(t: 1000, w: 3, m: 4, a: 0) }
        #expect(throws: CytometryError.self) { try Hyperlog(t: -1, w: 1, m: 4, a: 0) }
    }
}
