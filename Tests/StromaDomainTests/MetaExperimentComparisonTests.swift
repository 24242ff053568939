import Foundation
import StromaDomain
import Testing

/// `Comparison.fromOutcomes(of:)`: knowledge-base experiments to meta-analysis comparisons.
///
/// All numbers are made up for the test.
@Suite struct MetaExperimentComparisonTests {
    static let note = Provenance(note: "made-up test data")

    static func outcome(
        _ measure: String, hours: Double? = nil, errorType: OutcomeResult.ErrorType = .sd,
        greaterIsWorse: Bool = true, sham: Double? = nil
    ) -> OutcomeResult {
        OutcomeResult(
            measure: measure, assessedAtHours: hours, treatedN: 9, treatedMean: 6, treatedError: 1.5,
            controlN: 4, controlMean: 9, controlError: 2, errorType: errorType, shamMean: sham,
            greaterIsWorse: greaterIsWorse, provenance: note)
    }

    static func experiment(
        outcomes: [OutcomeResult], dose: CellDose? = nil, administrations: Int? = 2,
        publication: String? = "made-up-pub"
    ) -> Experiment {
        Experiment(
            id: "madeup-x", conditions: ["ischemic-stroke"], phase: "stroke-acute", species: "rat",
            source: "placenta", productForm: "undifferentiated-cells", routes: ["tail-vein", "intracerebral"],
            dose: dose, administrations: administrations,
            timeAfterInjury: TimeAfterInjury(stated: "made up", hours: [168, 72]), findings: "made up",
            outcomes: outcomes, publication: publication, provenance: [note])
    }

    @Test("One outcome: label is id (publication), SD kept, direction and sham carried")
    func singleOutcome() throws {
        let comparisons = Comparison.fromOutcomes(
            of: Self.experiment(
                outcomes: [Self.outcome("mnss", sham: 1)]))
        let comparison = try #require(comparisons.first)
        #expect(comparisons.count == 1)
        #expect(comparison.study == "madeup-x (made-up-pub)")
        #expect(comparison.greaterIsWorse == true)
        #expect(comparison.line == nil)
        #expect(
            comparison.data
                == .continuous(
                    ContinuousArms(
                        n1: 9, m1: 6, sd1: 1.5, n2: 4, m2: 9, sd2: 2,
                        mSham: 1, errorType: .sd)))
    }

    @Test("SEM is converted to SD with each group's own n")
    func semToSD() throws {
        let comparison = try #require(
            Comparison.fromOutcomes(
                of: Self.experiment(
                    outcomes: [Self.outcome("mnss", errorType: .sem, greaterIsWorse: false)])
            ).first)
        // SD = SEM·√n: 1.5·√9 = 4.5, 2·√4 = 4.
        #expect(
            comparison.data
                == .continuous(
                    ContinuousArms(
                        n1: 9, m1: 6, sd1: 4.5, n2: 4, m2: 9, sd2: 4,
                        errorType: .sd)))
        #expect(comparison.greaterIsWorse == false)
    }

    @Test("Moderators come from the experiment; first administration time is the earliest")
    func moderators() throws {
        let dose = CellDose(stated: "made up", cells: 1e6, basis: .perAdministration, cellsPerKg: 4e6)
        let comparison = try #require(
            Comparison.fromOutcomes(
                of: Self.experiment(
                    outcomes: [Self.outcome("mnss", hours: 672)], dose: dose)
            ).first)
        #expect(
            comparison.moderators == [
                "route": .text("tail-vein; intracerebral"), "source": .text("placenta"), "species": .text("rat"),
                "product_form": .text("undifferentiated-cells"), "phase": .text("stroke-acute"),
                "hours_after_injury": .number(72), "dose_cells": .number(1e6), "dose_per_kg": .number(4e6),
                "log10_dose_per_kg": .number(log10(4e6)),
                "administrations": .number(2), "assessed_at_hours": .number(672),
            ])
        #expect(Set(comparison.moderators.keys).isSubset(of: Comparison.experimentModeratorColumns))
    }

    @Test(
        "Dose bases: a total is divided by administrations; a per-kg count fills dose_per_kg only",
        arguments: [
            (CellDose.Basis.total, 2 as Int?, 3e6 as Double?, nil as Double?),
            (.total, nil, nil, nil),
            (.perKilogram, 2, nil, 6e6),
            (.unspecified, 2, 6e6, nil),
        ])
    func doseBases(basis: CellDose.Basis, administrations: Int?, cells: Double?, perKg: Double?) throws {
        let dose = CellDose(stated: "made up", cells: 6e6, basis: basis)
        let comparison = try #require(
            Comparison.fromOutcomes(
                of: Self.experiment(
                    outcomes: [Self.outcome("mnss")], dose: dose, administrations: administrations)
            ).first)
        #expect(comparison.moderators["dose_cells"]?.number == cells)
        #expect(comparison.moderators["dose_per_kg"]?.number == perKg)
    }

    @Test("Several outcomes get distinct labels with measure and time; no outcomes give none")
    func severalOutcomes() {
        let comparisons = Comparison.fromOutcomes(
            of: Self.experiment(
                outcomes: [
                    Self.outcome("mnss", hours: 72), Self.outcome("mnss", hours: 672),
                    Self.outcome("infarct-volume"),
                ], publication: nil))
        #expect(
            comparisons.map(\.study) == [
                "madeup-x [mnss, 72 h]", "madeup-x [mnss, 672 h]", "madeup-x [infarct-volume]",
            ])
        #expect(Comparison.fromOutcomes(of: Self.experiment(outcomes: [])).isEmpty)
    }
}
