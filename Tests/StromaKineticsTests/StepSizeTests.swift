import Foundation
import Testing
import _StromaTestSupport
@testable import StromaKinetics

/// The integrator's default steps (h_max 2 h, 6 levels) and the Monte Carlo steps (h_max 4 h)
/// against a fine run of the same integrator (h_max 1/8 h, 16 levels: finest 0.03 s), on every
/// species × route over 14 days with two doses (the second at 96 h, 120 h after injury): the
/// default steps must stay within 1e-6 relative of the fine run wherever a state exceeds 1e-6 of
/// the dose (measured worst: 6.9e-7, human IN), the Monte Carlo steps within 1e-5 (3.1e-6,
/// human IA).
@Suite struct StepSizeTests {
    static let fine = ExponentialIntegrator(maxStep: 0.125, levels: 16)

    /// max |x − x_fine| / x_fine over all states and output times where x_fine > 1e-6 of the dose.
    static func worst(_ a: SimulationResult, _ fine: SimulationResult) -> (error: Double, at: String) {
        var worst = (error: 0.0, at: "")
        for (id, reference) in fine.stateValues {
            let values = a.stateValues[id]!
            for k in reference.indices where reference[k] > 1e-6 * fine.cellsPerDose {
                let e = abs(values[k] - reference[k]) / reference[k]
                if e > worst.error { worst = (e, "\(id) at \(fine.times[k]) h") }
            }
        }
        return worst
    }

    @Test(
        "Default and Monte Carlo steps agree with a fine run on every species × route",
        arguments: Species.allCases, AdministrationRoute.allCases)
    func defaultStepsMatchFine(species: Species, route: AdministrationRoute) throws {
        let scenario = Scenario(
            species: species, route: route, dose: 1e6, until: 336, doses: 2, every: 96)
        let p = try Simulation.parameters(for: scenario)
        let fine = try Simulation.run(scenario, parameters: p, integrator: Self.fine, derived: false)
        let standard = try Simulation.run(scenario, parameters: p, derived: false)
        let monteCarlo = try Simulation.run(
            scenario, parameters: p, integrator: ExponentialIntegrator(maxStep: MonteCarlo(samples: 1).maxStep),
            derived: false)
        let e = Self.worst(standard, fine)
        let eMC = Self.worst(monteCarlo, fine)
        #expect(e.error < 1e-6, "default steps: \(e)")
        #expect(eMC.error < 1e-5, "Monte Carlo steps: \(eMC)")
        #expect(standard.stepsTaken < fine.stepsTaken / 2, "steps \(standard.stepsTaken) vs fine \(fine.stepsTaken)")
    }
}
