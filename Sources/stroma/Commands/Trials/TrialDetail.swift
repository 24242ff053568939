import Foundation
import StromaDomain
import StromaImport
import StromaStore

/// One stored registry study for `stroma trials show`: the record's key fields and the MSC
/// extraction (each value with the record field it came from).
///
/// JSON keys (snake_case; documented in docs/import-formats.md): `nct_id, title, official_title,
/// acronym, phases, status, enrollment, enrollment_type, study_type, start_date,
/// completion_date, first_posted, last_update, sponsor, conditions, condition_mesh_terms,
/// interventions [{type, name, description, other_names, arm_group_labels}], arm_groups [{label,
/// type, description, intervention_names}], countries, pmids, has_results, version, source_path,
/// history [{version, status, enrollment}], msc`.
struct TrialDetail: Encodable {
    struct Intervention: Encodable {
        var type: String?
        var name: String
        var description: String?
        var otherNames: [String]
        var armGroupLabels: [String]
        enum CodingKeys: String, CodingKey {
            case type, name, description
            case otherNames = "other_names"
            case armGroupLabels = "arm_group_labels"
        }
    }

    struct ArmGroup: Encodable {
        var label: String
        var type: String?
        var description: String?
        var interventionNames: [String]
        enum CodingKeys: String, CodingKey {
            case label, type, description
            case interventionNames = "intervention_names"
        }
    }

    struct Version: Encodable {
        var version: String?
        var status: String?
        var enrollment: Int?
    }

    var nctId: String
    var title: String?
    var officialTitle: String?
    var acronym: String?
    var phases: [String]
    var status: String?
    var enrollment: Int?
    var enrollmentType: String?
    var studyType: String?
    var startDate: String?
    var completionDate: String?
    var firstPosted: String?
    var lastUpdate: String?
    var sponsor: String?
    var conditions: [String]
    var conditionMeshTerms: [String]
    var interventions: [Intervention]
    var armGroups: [ArmGroup]
    var countries: [String]
    var pmids: [String]
    var hasResults: Bool?
    var version: String?
    var sourcePath: String?
    var history: [Version]
    var msc: MSCExtraction

    enum CodingKeys: String, CodingKey {
        case nctId = "nct_id"
        case title
        case officialTitle = "official_title"
        case acronym, phases, status, enrollment
        case enrollmentType = "enrollment_type"
        case studyType = "study_type"
        case startDate = "start_date"
        case completionDate = "completion_date"
        case firstPosted = "first_posted"
        case lastUpdate = "last_update"
        case sponsor, conditions
        case conditionMeshTerms = "condition_mesh_terms"
        case interventions
        case armGroups = "arm_groups"
        case countries, pmids
        case hasResults = "has_results"
        case version
        case sourcePath = "source_path"
        case history, msc
    }

    /// Encodes every key, writing `null` for unknown single values (the documented shape).
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(nctId, forKey: .nctId)
        try c.encode(title, forKey: .title)
        try c.encode(officialTitle, forKey: .officialTitle)
        try c.encode(acronym, forKey: .acronym)
        try c.encode(phases, forKey: .phases)
        try c.encode(status, forKey: .status)
        try c.encode(enrollment, forKey: .enrollment)
        try c.encode(enrollmentType, forKey: .enrollmentType)
        try c.encode(studyType, forKey: .studyType)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(completionDate, forKey: .completionDate)
        try c.encode(firstPosted, forKey: .firstPosted)
        try c.encode(lastUpdate, forKey: .lastUpdate)
        try c.encode(sponsor, forKey: .sponsor)
        try c.encode(conditions, forKey: .conditions)
        try c.encode(conditionMeshTerms, forKey: .conditionMeshTerms)
        try c.encode(interventions, forKey: .interventions)
        try c.encode(armGroups, forKey: .armGroups)
        try c.encode(countries, forKey: .countries)
        try c.encode(pmids, forKey: .pmids)
        try c.encode(hasResults, forKey: .hasResults)
        try c.encode(version, forKey: .version)
        try c.encode(sourcePath, forKey: .sourcePath)
        try c.encode(history, forKey: .history)
        try c.encode(msc, forKey: .msc)
    }

    init(_ stored: StromaStore.StoredStudy) {
        let s = stored.study
        nctId = s.nctId
        title = s.briefTitle ?? s.officialTitle
        officialTitle = s.officialTitle
        acronym = s.acronym
        phases = s.phases
        status = s.overallStatus
        enrollment = s.enrollmentCount
        enrollmentType = s.enrollmentType?.rawValue
        studyType = s.studyType
        startDate = s.startDate?.date.description
        completionDate = s.completionDate?.date.description
        firstPosted = s.firstPostedDate?.date.description
        lastUpdate = s.lastUpdatePostedDate?.date.description
        sponsor = s.leadSponsor?.name
        conditions = s.conditions
        conditionMeshTerms = s.conditionMeshTerms.map(\.term)
        interventions = s.interventions.map {
            Intervention(
                type: $0.type, name: $0.name, description: $0.description,
                otherNames: $0.otherNames, armGroupLabels: $0.armGroupLabels)
        }
        armGroups = s.armGroups.map {
            ArmGroup(
                label: $0.label, type: $0.type, description: $0.description, interventionNames: $0.interventionNames)
        }
        countries = s.countries
        pmids = s.references.compactMap(\.pmid)
        hasResults = s.hasResults
        version = s.version
        sourcePath = stored.sourcePath
        history = stored.history.map {
            Version(version: $0.version, status: $0.overallStatus, enrollment: $0.enrollmentCount)
        }
        // The stored extraction is what the landscape counted; a store written without one is
        // recognised now.
        msc =
            stored.mscExtraction.flatMap { try? JSONDecoder().decode(MSCExtraction.self, from: Data($0.utf8)) }
            ?? MSCRecognizer().recognize(s)
    }

    /// `NCT` followed by eight digits (any case).
    static func isRegistryId(_ text: String) -> Bool {
        let upper = text.uppercased()
        return upper.count == 11 && upper.hasPrefix("NCT") && upper.dropFirst(3).allSatisfy(\.isASCII)
            && upper.dropFirst(3).allSatisfy(\.isNumber)
    }

    // MARK: - Table and CSV

    static let csvHeaders = [
        "nct_id", "title", "phases", "status", "enrollment", "conditions", "interventions", "is_msc",
        "product_form", "source", "origin", "routes", "dose", "dose_cells", "dose_basis", "administrations",
        "msc_conditions",
    ]

    var csvRow: [String] {
        [
            nctId, title ?? "", phases.joined(separator: ";"), status ?? "", enrollment.map(String.init) ?? "",
            conditions.joined(separator: ";"), interventions.map(\.name).joined(separator: ";"),
            msc.isMSC ? "true" : "false", msc.productForm?.value ?? "unknown", msc.source?.value ?? "unknown",
            msc.origin?.value ?? (msc.origins.isEmpty ? "unknown" : msc.origins.map(\.value).joined(separator: ";")),
            msc.routes.isEmpty ? "unknown" : msc.routes.map(\.value).joined(separator: ";"),
            msc.dose?.value.stated ?? "unknown", msc.dose?.value.cells.map { String(format: "%g", $0) } ?? "",
            msc.dose.map { $0.value.cells == nil ? "" : $0.value.basis.rawValue } ?? "",
            msc.administrations.map { String($0.value) } ?? "unknown",
            msc.conditions.map(\.value).joined(separator: ";"),
        ]
    }

    /// The readable form: the record's fields, then each MSC value with its source field.
    var text: String {
        var lines = ["\(nctId)  \(title ?? "")"]
        func add(_ name: String, _ value: String?) {
            if let value, !value.isEmpty {
                lines.append("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0) + value)
            }
        }
        add("phases", phases.joined(separator: ", "))
        add("status", status)
        add("enrollment", enrollment.map { "\($0)\(enrollmentType.map { " (\($0.lowercased()))" } ?? "")" })
        add("conditions", conditions.joined(separator: "; "))
        add("interventions", interventions.map(\.name).joined(separator: "; "))
        add("last update", lastUpdate)
        add("versions kept", history.isEmpty ? nil : String(history.count))
        lines.append(
            "  MSC             \(msc.isMSC ? "yes" : "no")\(msc.mscEvidence.map { "  ← \($0.field): \"\($0.evidence)\"" } ?? "")"
        )
        guard msc.isMSC else { return lines.joined(separator: "\n") + "\n" }
        func extracted<V>(_ name: String, _ x: MSCExtracted<V>?, _ show: (V) -> String) {
            let value = x.map { "\(show($0.value))  ← \($0.field): \"\($0.evidence)\"" } ?? "unknown"
            lines.append("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0) + value)
        }
        extracted("product form", msc.productForm) { $0 }
        extracted("source", msc.source) { $0 }
        if msc.origins.count > 1 {
            for o in msc.origins { extracted("origin", o) { $0 } }
        } else {
            extracted("origin", msc.origin) { $0 }
        }
        if msc.routes.isEmpty { extracted("route", nil as MSCExtracted<String>?) { $0 } }
        for r in msc.routes { extracted("route", r) { $0 } }
        extracted("dose", msc.dose) { d in
            d.cells.map { String(format: "%g cells", $0) + (d.basis == .unspecified ? "" : " \(d.basis.rawValue)") }
                ?? d.amount.map { String(format: "%g %@", $0, d.unit ?? "") } ?? d.stated
        }
        extracted("administrations", msc.administrations) { String($0) }
        extracted("schedule", msc.schedule) { $0 }
        for c in msc.conditions { extracted("condition", c) { $0 } }
        return lines.joined(separator: "\n") + "\n"
    }
}
