import Foundation
import StromaDomain
import Testing

/// Arms, per-arm measurements and their pairing into treated-vs-control outcomes.
///
/// All numbers are made up for the test.
@Suite struct ExperimentArmsTests {
    static let note = Provenance(note: "made-up test data")

    static func measurement(_ arm: String, mean: Double, sd: Double, n: Int, hours: Double? = 24)
        -> OutcomeMeasurement
    {
        OutcomeMeasurement(
            arm: arm, measure: "infarct-volume", assessedAtHours: hours, mean: mean,
            dispersion: .init(kind: .sd, value: sd), sd: sd, n: n, unit: "mm³", greaterIsWorse: true,
            provenance: note)
    }

    static func experiment(_ measurements: [OutcomeMeasurement]) -> Experiment {
        Experiment(
            id: "madeup-arms", conditions: ["ischemic-stroke"], species: "rat", source: "bone-marrow",
            productForm: "undifferentiated-cells", routes: ["intravenous", "intracerebral"], findings: "made up",
            arms: [
                ExperimentArm(label: "vehicle", role: .control, controlType: .vehicle),
                ExperimentArm(label: "sham", role: .control, controlType: .sham),
                ExperimentArm(
                    label: "IV", role: .treated, controlArm: "vehicle",
                    dose: CellDose(stated: "1e6", cells: 1e6, basis: .perAdministration), route: "intravenous"),
                ExperimentArm(label: "IC", role: .treated, controlArm: "vehicle", route: "intracerebral"),
            ],
            measurements: measurements, provenance: [note])
    }

    @Test("each treated arm pairs with its control at the same measure and time; sham mean carried")
    func pairs() throws {
        let experiment = Self.experiment([
            Self.measurement("vehicle", mean: 100, sd: 20, n: 8),
            Self.measurement("sham", mean: 5, sd: 1, n: 4),
            Self.measurement("IV", mean: 60, sd: 15, n: 9),
            Self.measurement("IC", mean: 70, sd: 18, n: 7),
            Self.measurement("IC", mean: 50, sd: 10, n: 7, hours: 72),  // no control at 72 h
        ])
        #expect(experiment.armProblems.isEmpty)
        let pairs = experiment.pairedOutcomes
        #expect(pairs.count == 2)
        #expect(pairs.map(\.treatedArm) == ["IV", "IC"])
        #expect(pairs[0].controlMean == 100 && pairs[0].controlN == 8 && pairs[0].treatedError == 15)
        #expect(pairs[0].shamMean == 5)
        let comparisons = Comparison.fromOutcomes(of: experiment)
        #expect(
            comparisons.map(\.study) == [
                "madeup-arms [infarct-volume, 24 h, IV]", "madeup-arms [infarct-volume, 24 h, IC]",
            ])
        #expect(comparisons[0].moderators["route"] == .text("intravenous"))
        #expect(comparisons[1].moderators["route"] == .text("intracerebral"))
        #expect(comparisons[0].moderators["dose_cells"] == .number(1e6))
        #expect(comparisons[1].moderators["dose_cells"] == nil)
    }

    @Test("problems: a treated arm without a control, an unknown arm, SD ≤ 0, a repeated measurement")
    func problems() {
        var experiment = Self.experiment([
            Self.measurement("vehicle", mean: 100, sd: 20, n: 8),
            Self.measurement("IV", mean: 60, sd: 0, n: 9),
            Self.measurement("IV", mean: 61, sd: 1, n: 9),
            Self.measurement("nobody", mean: 1, sd: 1, n: 1),
        ])
        experiment.arms[3].controlArm = nil
        let problems = experiment.armProblems
        #expect(problems.contains("arm 'IC': no control_arm"))
        #expect(problems.contains("measurement 'IV' infarct-volume: sd must be greater than 0"))
        #expect(problems.contains("measurement 'IV' infarct-volume: measured twice at the same time"))
        #expect(problems.contains("measurement 'nobody' infarct-volume: unknown arm 'nobody'"))
        experiment.arms[2].controlArm = "IC"
        #expect(experiment.armProblems.contains("arm 'IV': control_arm 'IC' is not a control arm"))
    }

    @Test("arms, measurements, relative results and derived values survive a JSON round trip")
    func roundTrip() throws {
        var experiment = Self.experiment([Self.measurement("IV", mean: 60, sd: 15, n: 9)])
        experiment.relativeResults = [
            RelativeResult(
                kind: .percentChange, measure: "infarct-volume", quantity: "infarct volume", arm: "IV",
                percent: 67, direction: .decrease, approximate: true, provenance: Self.note)
        ]
        experiment.derived = [DerivedValue(field: "phase", assumption: "made up")]
        let data = try JSONEncoder().encode(experiment)
        #expect(try JSONDecoder().decode(Experiment.self, from: data) == experiment)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["relative_results"] != nil && object["measurements"] != nil)
        #expect(experiment.relativeResults[0].summary == "≈−67% infarct volume")
    }
}
