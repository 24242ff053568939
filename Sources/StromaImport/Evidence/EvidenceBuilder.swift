import Foundation
import StromaDomain

/// Groups evidence rows into experiments and arms, checking each row as it comes.
struct EvidenceBuilder {
    struct Group {
        var study: String
        var experiment: String
        var first: EvidenceRow
        var rows: [EvidenceRow] = []
        var arms: [String: EvidenceRow] = [:]
        var armOrder: [String] = []
    }

    let fileName: String
    let resolve: EvidenceTermResolver
    let tQuantile: EvidenceTQuantile
    var groups: [String: Group] = [:]
    var order: [String] = []
    /// Row number by (study, experiment, arm, outcome, time), for duplicate rows.
    var seen: [String: Int] = [:]

    init(fileName: String, resolve: @escaping EvidenceTermResolver, tQuantile: @escaping EvidenceTQuantile) {
        self.fileName = fileName
        self.resolve = resolve
        self.tQuantile = tQuantile
    }

    mutating func add(_ row: EvidenceRow) throws {
        for column in ["study", "arm", "role", "outcome"] where row.text(column).isEmpty {
            throw row.error(column, "missing value")
        }
        let study = row.text("study")
        let experiment = row.text("experiment").isEmpty ? "1" : row.text("experiment")
        let key = "\(study)\u{1F}\(experiment)"
        let time = row.text("time_hours")
        let rowKey = [key, row.text("arm"), row.text("outcome").lowercased(), time].joined(separator: "\u{1F}")
        if let earlier = seen[rowKey] {
            throw row.error(
                "outcome", "duplicate of row \(earlier) (same study, experiment, arm, outcome and time_hours)")
        }
        seen[rowKey] = row.row
        if groups[key] == nil {
            groups[key] = Group(study: study, experiment: experiment, first: row)
            order.append(key)
        }
        let group = groups[key]!
        for column in EvidenceCSVReader.experimentColumns where row.text(column) != group.first.text(column) {
            throw row.error(
                column,
                "'\(row.text(column))' differs from row \(group.first.row) ('\(group.first.text(column))') of the "
                    + "same experiment; experiment columns must agree")
        }
        let arm = row.text("arm")
        if let armRow = group.arms[arm] {
            for column in EvidenceCSVReader.armColumns where row.text(column) != armRow.text(column) {
                throw row.error(
                    column,
                    "'\(row.text(column))' differs from row \(armRow.row) ('\(armRow.text(column))') of arm '\(arm)'; "
                        + "arm columns must agree")
            }
        } else {
            groups[key]!.arms[arm] = row
            groups[key]!.armOrder.append(arm)
        }
        groups[key]!.rows.append(row)
    }

    func finish() throws -> [EvidenceRecord] {
        try order.map { try record(groups[$0]!) }
    }

    func term(_ row: EvidenceRow, _ column: String, _ kind: VocabularyKind) throws -> String? {
        let name = row.text(column)
        guard !name.isEmpty else { return nil }
        do {
            return try resolve(kind, name)
        } catch {
            throw row.error(column, String(describing: error))
        }
    }

    func record(_ group: Group) throws -> EvidenceRecord {
        let first = group.first
        let conditions = try first.text("condition").split(separator: ";").map { name in
            let trimmed = String(name).trimmingSpaces
            do { return try resolve(.condition, trimmed) } catch {
                throw first.error("condition", String(describing: error))
            }
        }
        let citation = try Self.citation(first)
        var arms: [ExperimentArm] = []
        for label in group.armOrder { arms.append(try arm(label, group.arms[label]!)) }
        // A treated arm without a named control takes the experiment's only control arm.
        let controls = arms.filter { $0.role == .control }
        for index in arms.indices where arms[index].role == .treated && arms[index].controlArm == nil {
            let row = group.arms[arms[index].label]!
            guard controls.count == 1 else {
                throw row.error(
                    "control_arm",
                    controls.isEmpty
                        ? "arm '\(arms[index].label)' has no control arm: add rows with role 'control' to experiment '\(group.experiment)' of study '\(group.study)'"
                        : "arm '\(arms[index].label)': several control arms (\(controls.map(\.label).joined(separator: ", "))); name one in control_arm"
                )
            }
            arms[index].controlArm = controls[0].label
        }
        for arm in arms where arm.role == .treated {
            if let control = arm.controlArm, !controls.contains(where: { $0.label == control }) {
                throw group.arms[arm.label]!.error(
                    "control_arm",
                    "'\(control)' is not a control arm of this experiment; valid: "
                        + (controls.isEmpty
                            ? "(none: add rows with role 'control')" : controls.map(\.label).joined(separator: ", ")))
            }
        }
        var measurements: [OutcomeMeasurement] = []
        for row in group.rows {
            measurements.append(try measurement(row, citation: citation))
        }
        // Every treated measurement needs its control's measurement of the same outcome and time.
        for (row, item) in zip(group.rows, measurements) {
            guard let arm = arms.first(where: { $0.label == item.arm }), arm.role == .treated,
                let control = arm.controlArm
            else { continue }
            let matched = measurements.contains {
                $0.arm == control && $0.measure == item.measure && $0.assessedAtHours == item.assessedAtHours
            }
            if !matched {
                let time = item.assessedAtHours.map { " at time_hours \(MetaCell.format($0))" } ?? ""
                throw row.error(
                    "arm",
                    "arm '\(item.arm)' has no matching control row: control arm '\(control)' lacks outcome '\(row.text("outcome"))'\(time)"
                )
            }
        }
        let id = "user-\(EvidenceCSVReader.slug(group.study))-\(EvidenceCSVReader.slug(group.experiment))"
        let rowNumbers = group.rows.map(\.row)
        let experiment = Experiment(
            id: id, conditions: conditions, phase: try term(first, "phase", .diseasePhase),
            species: try term(first, "species", .species), model: try term(first, "model", .diseaseModel),
            source: Self.common(arms.filter { $0.role == .treated }.map(\.source)),
            productForm: Self.common(arms.filter { $0.role == .treated }.map(\.productForm)),
            routes: Self.unique(arms.compactMap(\.route)),
            findings: first.text("findings"),
            arms: arms, measurements: measurements,
            provenance: [
                Provenance(
                    section: "file '\(fileName)', rows \(Provenance.rowRanges(rowNumbers))", reference: citation,
                    note: "user evidence, study '\(group.study)', experiment '\(group.experiment)'")
            ])
        return EvidenceRecord(experiment: experiment, study: group.study, citation: citation, rows: rowNumbers)
    }

    func arm(_ label: String, _ row: EvidenceRow) throws -> ExperimentArm {
        let roleText = row.text("role").lowercased()
        guard let role = ExperimentArm.Role(rawValue: roleText) else {
            throw row.error("role", "'\(row.text("role"))' is not a role; valid: treated, control")
        }
        var controlType: ExperimentArm.ControlType?
        let typeText = row.text("control_type").lowercased()
        if role == .control {
            guard let type = ExperimentArm.ControlType(rawValue: typeText.isEmpty ? "vehicle" : typeText) else {
                throw row.error(
                    "control_type",
                    "'\(row.text("control_type"))' is not a control type; valid: "
                        + ExperimentArm.ControlType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            controlType = type
        } else if !typeText.isEmpty {
            throw row.error("control_type", "a treated arm has no control_type; leave it empty or set role to control")
        }
        return ExperimentArm(
            label: label, role: role, controlType: controlType,
            controlArm: row.text("control_arm").isEmpty ? nil : row.text("control_arm"),
            source: try term(row, "source", .cellSource), productForm: try term(row, "product_form", .productForm),
            dose: try dose(row), route: try term(row, "route", .route),
            site: row.text("site").isEmpty ? nil : row.text("site"),
            timing: try row.optionalNumber("timing_hours", valid: "hours after injury").map {
                TimeAfterInjury(stated: "\(MetaCell.format($0)) h", hours: [$0])
            },
            administrations: try row.optionalCount("administrations", minimum: 1),
            animals: try row.optionalCount("animals", minimum: 1))
    }

    func dose(_ row: EvidenceRow) throws -> CellDose? {
        guard let amount = try row.optionalNumber("dose", valid: "a dose > 0", { $0 > 0 }) else {
            if !row.text("dose_unit").isEmpty { throw row.error("dose", "missing value; dose_unit is given") }
            return nil
        }
        let basisText = row.text("dose_basis").lowercased()
        guard let basis = CellDose.Basis(rawValue: basisText.isEmpty ? "unspecified" : basisText) else {
            throw row.error(
                "dose_basis",
                "'\(row.text("dose_basis"))' is not a basis; valid: "
                    + CellDose.Basis.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let unit = row.text("dose_unit").isEmpty ? "cells" : row.text("dose_unit")
        let stated = "\(row.text("dose")) \(unit)" + (basis == .unspecified ? "" : " (\(basis.rawValue))")
        if unit.lowercased() == "cells" {
            return CellDose(
                stated: stated, cells: amount, basis: basis, cellsPerKg: basis == .perKilogram ? amount : nil)
        }
        return CellDose(stated: stated, basis: basis, amount: amount, unit: unit)
    }

    func measurement(_ row: EvidenceRow, citation: Citation?) throws -> OutcomeMeasurement {
        let measure = try term(row, "outcome", .outcomeMeasure)!
        let mean = try row.number("mean", valid: "a number")
        let n = try row.number("n", valid: "a whole number of animals ≥ 1") { $0 >= 1 && $0 == $0.rounded() }
        guard let worse = MetaCell.boolean(row.text("greater_is_worse")) else {
            let value = row.text("greater_is_worse")
            throw row.error(
                "greater_is_worse",
                value.isEmpty ? "missing value; expected TRUE or FALSE" : "'\(value)' is not TRUE or FALSE")
        }
        let (dispersion, sd) = try spread(row, n: n)
        let time = try row.optionalNumber("time_hours", valid: "hours after injury")
        return OutcomeMeasurement(
            arm: row.text("arm"), measure: measure, assessedAtHours: time, mean: mean, dispersion: dispersion,
            sd: sd, n: Int(n), unit: row.text("unit").isEmpty ? nil : row.text("unit"), greaterIsWorse: worse,
            provenance: Provenance(
                section: "file '\(fileName)', row \(row.row)", reference: citation,
                note: row.text("note").isEmpty ? nil : row.text("note")))
    }

    /// The reported spread and the SD from it (see ``EvidenceCSVReader``).
    func spread(_ row: EvidenceRow, n: Double) throws -> (OutcomeMeasurement.Dispersion, Double) {
        if !row.text("sd").isEmpty {
            let sd = try row.number("sd", valid: "an SD > 0") { $0 > 0 }
            return (.init(kind: .sd, value: sd), sd)
        }
        if !row.text("se").isEmpty {
            let se = try row.number("se", valid: "an SE > 0") { $0 > 0 }
            let sd = se * n.squareRoot()
            return (.init(kind: .se, value: se, conversion: "SD = SE·√n = \(se)·√\(Int(n))"), sd)
        }
        if !row.text("ci_lower").isEmpty || !row.text("ci_upper").isEmpty {
            let lower = try row.number("ci_lower", valid: "the lower confidence limit")
            let upper = try row.number("ci_upper", valid: "an upper confidence limit > ci_lower") { $0 > lower }
            let level =
                try row.optionalNumber("ci_level", valid: "a level in percent between 50 and 100") {
                    $0 > 50 && $0 < 100
                } ?? 95
            guard n >= 2 else { throw row.error("n", "\(Int(n)) is invalid; a CI needs n ≥ 2 to give an SD") }
            let t = tQuantile((1 + level / 100) / 2, n - 1)
            let sd = n.squareRoot() * (upper - lower) / (2 * t)
            return (
                .init(
                    kind: .ci, lower: lower, upper: upper, level: level,
                    conversion:
                        "SD = √n·(upper − lower)/(2·t), t = \(t) (Student's t, \(Int(n) - 1) df, \(MetaCell.format(level))% CI)"
                ),
                sd
            )
        }
        let column = row.cell.position["sd"] != nil ? "sd" : row.cell.position["se"] != nil ? "se" : "ci_lower"
        throw row.error(column, "missing value; give sd, se, or ci_lower and ci_upper")
    }

    static func citation(_ row: EvidenceRow) throws -> Citation? {
        let year = try row.optionalCount("year", minimum: 1000)
        let citation = Citation(
            authors: row.text("authors").isEmpty ? nil : row.text("authors"), year: year,
            title: row.text("title").isEmpty
                ? (row.text("citation").isEmpty ? nil : row.text("citation")) : row.text("title"),
            journal: row.text("journal").isEmpty ? nil : row.text("journal"),
            doi: row.text("doi").isEmpty ? nil : row.text("doi"),
            pmid: row.text("pmid").isEmpty ? nil : row.text("pmid"))
        return citation == Citation() ? nil : citation
    }

    static func common(_ values: [String?]) -> String? {
        let set = Set(values.compactMap { $0 })
        return set.count == 1 ? set.first : nil
    }

    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
