import Foundation
import Testing
import _StromaTestSupport
@testable import StromaKinetics

/// Dose translation (notes §5).
///
/// BSA figures: FDA 2005 guidance (Km mouse 3, rat 6, human 37);
/// the notes quote rat 1×10⁶ (250 g) → 6.5×10⁵ cells/kg and mouse 1×10⁶ (25 g) → 3.2×10⁶ cells/kg.
@Suite struct DoseTranslationTests {
    static func row(_ rows: [DoseTranslation.Row], _ method: String) throws -> DoseTranslation.Row {
        try #require(rows.first { $0.method == method }, "no row \(method)")
    }

    @Test("Rat 1e6 cells → human by BSA: about 6.5e5 cells/kg (notes §5), 4.5e7 cells at 70 kg")
    func ratBSA() throws {
        let rows = try DoseTranslation.translate(from: .rat, dose: 1e6, to: .human, methods: [.bsa])
        let bsa = try Self.row(rows, "bsa")
        #expect(isClose(bsa.cellsPerKg, 4e6 * 6 / 37, relative: 1e-12))
        #expect(isClose(bsa.cellsPerKg, 6.5e5, relative: 0.005))  // the notes' rounded figure
        #expect(isClose(bsa.cellsTotal, bsa.cellsPerKg * 70, relative: 1e-12))
        #expect(isClose(bsa.cellsPerSquareMetre, bsa.cellsPerKg * 37, relative: 1e-12))
        #expect(bsa.assumption.contains("FDA 2005"))
    }

    @Test("Mouse 1e6 cells → human by BSA: about 3.2e6 cells/kg (notes §5)")
    func mouseBSA() throws {
        let rows = try DoseTranslation.translate(from: .mouse, dose: 1e6, to: .human, methods: [.bsa])
        #expect(isClose(try Self.row(rows, "bsa").cellsPerKg, 3.2e6, relative: 0.015))
    }

    @Test("Weight-based: equal cells/kg, per-animal or per-kg input")
    func weight() throws {
        let a = try Self.row(DoseTranslation.translate(from: .rat, dose: 1e6, to: .human, methods: [.weight]), "weight")
        #expect(isClose(a.cellsPerKg, 4e6, relative: 1e-12))
        let b = try Self.row(
            DoseTranslation.translate(from: .rat, dose: 4e6, perKg: true, to: .human, methods: [.weight]), "weight")
        #expect(a == b)
        #expect(a.assumption.contains("equal cells/kg"))
    }

    @Test("Human → rat by BSA inverts rat → human")
    func inverse() throws {
        let h = try Self.row(DoseTranslation.translate(from: .rat, dose: 1e6, to: .human, methods: [.bsa]), "bsa")
        let back = try Self.row(
            DoseTranslation.translate(from: .human, dose: h.cellsPerKg, perKg: true, to: .rat, methods: [.bsa]), "bsa")
        #expect(isClose(back.cellsTotal, 1e6, relative: 1e-12))
    }

    @Test("Exposure matching: the human dose reproduces the rat's X_sys per kg and X_loc per lesion volume")
    func exposure() throws {
        let rows = try DoseTranslation.translate(from: .rat, dose: 1e6, to: .human, methods: [.exposure])
        let sys = try Self.row(rows, "exposure_systemic")
        let loc = try Self.row(rows, "exposure_lesion")
        #expect(!sys.assumption.isEmpty && !loc.assumption.isEmpty)
        func effect(_ species: Species, _ cells: Double) throws -> (EffectEstimate, Double) {
            let s = Scenario(species: species, route: .iv, dose: cells, until: 168)
            let p = try Simulation.parameters(for: s)
            return (
                try #require(try Simulation.run(s, parameters: p).effect), try Physiology(parameters: p).lesionVolume
            )
        }
        let (rat, ratLesion) = try effect(.rat, 1e6)
        let (human, humanLesion) = try effect(.human, sys.cellsTotal)
        #expect(isClose(human.systemicExposure, rat.systemicExposure, relative: 1e-9))
        let (human2, _) = try effect(.human, loc.cellsTotal)
        #expect(isClose(human2.localExposure / humanLesion, rat.localExposure / ratLesion, relative: 1e-9))
    }

    @Test("Human trial doses from the notes are listed with their sources")
    func trialDoses() {
        let doses = DoseTranslation.humanTrialDoses
        #expect(doses.count >= 8)
        #expect(doses.contains { $0.trial.contains("Levy") && $0.cellsPerKg == 1e6 })
        #expect(
            doses.contains { $0.trial.contains("NCT03545607") && isClose($0.cellsPerKg!, 1.2e9 / 70, relative: 1e-12) })
        for d in doses { #expect(!d.trial.isEmpty && !d.route.isEmpty && !d.dose.isEmpty) }
    }

    @Test("A zero or negative dose is rejected with the valid range", arguments: [0.0, -1e6, .nan])
    func badDose(dose: Double) {
        #expect(throws: KineticsError("dose '\(dose)' is invalid; it must be a number of cells > 0")) {
            try DoseTranslation.translate(from: .rat, dose: dose, to: .human)
        }
    }
}
