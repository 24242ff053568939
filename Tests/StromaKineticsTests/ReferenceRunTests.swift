import Foundation
import Testing
import _StromaTestSupport
@testable import StromaKinetics

/// The reference run of notes §7.3 (defaults of §3.2, computed by the notes' author with LSODA,
/// rtol 1e-9).
///
/// They check the implementation of the equations, not biology.
@Suite struct ReferenceRunTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var species: Species
        var context: ImmuneContext
        var route: AdministrationRoute
        var dose: Double
        var quantity: String
        var expected: [Double]  // at 0.25, 24, 72, 168 h
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "mouse IV xeno viable lung", species: .mouse, context: .xenogeneic, route: .iv, dose: 1e6,
            quantity: "lung_viable", expected: [98.8, 49.1, 11.9, 0.707]),
        Case(
            name: "mouse IV xeno lesion P+E", species: .mouse, context: .xenogeneic, route: .iv, dose: 1e6,
            quantity: "PE", expected: [1.84e-5, 0.00183, 0.00283, 0.00149]),
        Case(
            name: "mouse IV xeno label liver", species: .mouse, context: .xenogeneic, route: .iv, dose: 1e6,
            quantity: "liver_label", expected: [0.0217, 29.3, 59.9, 69.4]),
        Case(
            name: "mouse IV syngeneic viable lung", species: .mouse, context: .syngeneic, route: .iv, dose: 5e5,
            quantity: "lung_viable", expected: [96.6, 5.53, 0.0171]),
        Case(
            name: "mouse IV syngeneic label liver", species: .mouse, context: .syngeneic, route: .iv, dose: 5e5,
            quantity: "liver_label", expected: [0.0545, 61.0, 70.0, 70.0]),
        Case(
            name: "rat IA xeno viable lung", species: .rat, context: .xenogeneic, route: .ia, dose: 1e6,
            quantity: "lung_viable", expected: [10.4, 22.3, 8.66, 0.576]),
        Case(
            name: "rat IA xeno lesion vascular", species: .rat, context: .xenogeneic, route: .ia, dose: 1e6,
            quantity: "T_LES", expected: [26.6, 5.33, 0.219, 0.0014]),
        Case(
            name: "rat IA xeno lesion P+E", species: .rat, context: .xenogeneic, route: .ia, dose: 1e6, quantity: "PE",
            expected: [0.221, 9.80, 8.05, 3.41]),
        Case(
            name: "rat IA xeno healthy-brain vascular", species: .rat, context: .xenogeneic, route: .ia, dose: 1e6,
            quantity: "T_BR", expected: [62.1, 16.0, 1.04, 0.0045]),
        Case(
            name: "rat IC xeno lesion P+E", species: .rat, context: .xenogeneic, route: .ic, dose: 1e6, quantity: "PE",
            expected: [79.8, 63.0, 39.6, 16.9]),
        Case(
            name: "rat ICV xeno lesion P+E", species: .rat, context: .xenogeneic, route: .icv, dose: 1e6,
            quantity: "PE", expected: [0.146, 0.514, 0.323, 0.137]),
        Case(
            name: "mouse IN xeno lesion P+E", species: .mouse, context: .xenogeneic, route: .in, dose: 1e6,
            quantity: "PE", expected: [9.5e-5, 0.0599, 0.0962, 0.0584]),
        Case(
            name: "human IV allo viable lung", species: .human, context: .allogeneic, route: .iv, dose: 1.05e8,
            quantity: "lung_viable", expected: [98.3, 29.7, 2.64, 0.0209]),
        Case(
            name: "human IV allo label liver", species: .human, context: .allogeneic, route: .iv, dose: 1.05e8,
            quantity: "liver_label", expected: [0.0639, 42.1, 67.5, 70.0]),
    ]

    static func value(_ r: SimulationResult, _ quantity: String, _ k: Int) -> Double {
        let d = r.doseGiven[k]
        switch quantity {
        case "lung_viable": return r.organ("lung")!.viablePercent[k]
        case "liver_label": return r.organ("liver")!.labelPercent[k]
        case "PE": return 100 * (r.lesionParenchymal[k] + r.lesionEngrafted[k]) / d
        default: return 100 * r.stateValues[quantity]![k] / d
        }
    }

    @Test("§7.3 reference run agrees to its printed digits (0.6%; label = viable + dead-cell label)", arguments: cases)
    func reference(_ c: Case) throws {
        let scenario = Scenario(
            species: c.species, context: c.context, route: c.route, dose: c.dose,
            outputTimes: [0.25, 24, 72, 168])
        let r = try Simulation.run(scenario, parameters: Simulation.parameters(for: scenario))
        for (k, expected) in c.expected.enumerated() {
            let got = Self.value(r, c.quantity, k)
            #expect(
                isClose(got, expected, relative: 0.006, absolute: 1e-4),
                "\(c.name) at \(r.times[k]) h: model \(got), notes \(expected)")
        }
    }
}
