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
/// history [{version, status, enrollment}], msc, warnings` (the import's warnings about the record).
public struct TrialDetail: Codable, Sendable, Equatable {
    public struct Intervention: Codable, Sendable, Equatable {
        public var type: String?
        public var name: String
        public var description: String?
        public var otherNames: [String]
        public var armGroupLabels: [String]
        enum CodingKeys: String, CodingKey {
            case type, name, description
            case otherNames = "other_names"
            case armGroupLabels = "arm_group_labels"
        }
    }

    public struct ArmGroup: Codable, Sendable, Equatable {
        public var label: String
        public var type: String?
        public var description: String?
        public var interventionNames: [String]
        enum CodingKeys: String, CodingKey {
            case label, type, description
            case interventionNames = "intervention_names"
        }
    }

    public struct Version: Codable, Sendable, Equatable {
        public var version: String?
        public var status: String?
        public var enrollment: Int?
    }

    public var nctId: String
    public var title: String?
    public var officialTitle: String?
    public var acronym: String?
    public var phases: [String]
    public var status: String?
    public var enrollment: Int?
    public var enrollmentType: String?
    public var studyType: String?
    public var startDate: String?
    public var completionDate: String?
    public var firstPosted: String?
    public var lastUpdate: String?
    public var sponsor: String?
    public var conditions: [String]
    public var conditionMeshTerms: [String]
    public var interventions: [Intervention]
    public var armGroups: [ArmGroup]
    public var countries: [String]
    public var pmids: [String]
    public var hasResults: Bool?
    public var version: String?
    public var sourcePath: String?
    public var history: [Version]
    public var msc: MSCExtraction
    /// What the import noticed about this record (for example that its file was named for another NCT id),
    /// as kept in the store.
    public var warnings: [String]

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
        case history, msc, warnings
    }

    /// Encodes every key, writing `null` for unknown single values (the documented shape).
    public func encode(to encoder: any Encoder) throws {
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
        try c.encode(warnings, forKey: .warnings)
    }

    public init(_ stored: StromaStore.StoredStudy, warnings: [String] = []) {
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
        self.warnings = warnings
    }

    /// `NCT` followed by eight digits (any case).
    public static func isRegistryId(_ text: String) -> Bool {
        let upper = text.uppercased()
        return upper.count == 11 && upper.hasPrefix("NCT") && upper.dropFirst(3).allSatisfy(\.isASCII)
            && upper.dropFirst(3).allSatisfy(\.isNumber)
    }
}
