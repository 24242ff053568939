/// One ClinicalTrials.gov study record as the API v2 describes it (`protocolSection`,
/// `derivedSection`, `hasResults`), reduced to the fields Stroma uses.
///
/// Values are kept as the registry spells them (enums in UPPER_SNAKE such as `COMPLETED`,
/// `PHASE2`, `RANDOMIZED`); absent modules give `nil` or empty arrays, never guesses.
/// Data model: https://clinicaltrials.gov/data-api/about-api/study-data-structure
public struct RegistryStudy: Sendable, Codable, Equatable, Hashable, Identifiable {
    public var id: String { nctId }

    /// `identificationModule.nctId`, for example `NCT02210780`.
    public var nctId: String
    public var orgStudyId: String?
    public var briefTitle: String?
    public var officialTitle: String?
    public var acronym: String?

    /// `statusModule.overallStatus` (`RECRUITING`, `COMPLETED`, `TERMINATED`, …).
    public var overallStatus: String?
    public var whyStopped: String?
    public var startDate: Milestone?
    public var primaryCompletionDate: Milestone?
    public var completionDate: Milestone?
    /// `studyFirstPostDateStruct`.
    public var firstPostedDate: Milestone?
    /// `lastUpdatePostDateStruct`.
    public var lastUpdatePostedDate: Milestone?

    public var leadSponsor: Sponsor?
    public var collaborators: [Sponsor]

    public var conditions: [String]
    public var keywords: [String]
    /// `derivedSection.conditionBrowseModule.meshes`.
    public var conditionMeshTerms: [MeshTerm]
    /// `derivedSection.interventionBrowseModule.meshes`.
    public var interventionMeshTerms: [MeshTerm]

    /// `INTERVENTIONAL`, `OBSERVATIONAL`, `EXPANDED_ACCESS`.
    public var studyType: String?
    /// `PHASE1`, `PHASE2`, `PHASE3`, `PHASE4`, `EARLY_PHASE1`, `NA`; several for combined phases.
    public var phases: [String]
    /// `RANDOMIZED`, `NON_RANDOMIZED`, `NA`.
    public var allocation: String?
    /// `PARALLEL`, `SINGLE_GROUP`, `CROSSOVER`, ….
    public var interventionModel: String?
    /// `NONE`, `SINGLE`, `DOUBLE`, `TRIPLE`, `QUADRUPLE`.
    public var masking: String?
    public var enrollmentCount: Int?
    public var enrollmentType: Actuality?

    public var armGroups: [ArmGroup]
    public var interventions: [Intervention]
    public var primaryOutcomes: [OutcomeMeasure]
    public var secondaryOutcomes: [OutcomeMeasure]
    public var eligibility: Eligibility?
    public var locations: [Location]
    /// Distinct location countries, in first-seen order.
    public var countries: [String]
    public var references: [Reference]
    public var hasResults: Bool?

    /// The record's version: the last-update-posted date as written (`2023-11-15`), so a re-import
    /// can tell a changed record from the same one.
    public var version: String?

    /// Where the record was read (file path, or `archive.zip!/entry.json`), when known.
    public var source: String?
    /// Things the reader noticed but did not refuse (for example identifier mismatch with the file name,
    /// an unknown enum value dropped).
    public var warnings: [String]

    public init(
        nctId: String, orgStudyId: String? = nil, briefTitle: String? = nil,
        officialTitle: String? = nil, acronym: String? = nil, overallStatus: String? = nil,
        whyStopped: String? = nil, startDate: Milestone? = nil,
        primaryCompletionDate: Milestone? = nil, completionDate: Milestone? = nil,
        firstPostedDate: Milestone? = nil, lastUpdatePostedDate: Milestone? = nil,
        leadSponsor: Sponsor? = nil, collaborators: [Sponsor] = [], conditions: [String] = [],
        keywords: [String] = [], conditionMeshTerms: [MeshTerm] = [],
        interventionMeshTerms: [MeshTerm] = [], studyType: String? = nil, phases: [String] = [],
        allocation: String? = nil, interventionModel: String? = nil, masking: String? = nil,
        enrollmentCount: Int? = nil, enrollmentType: Actuality? = nil,
        armGroups: [ArmGroup] = [], interventions: [Intervention] = [],
        primaryOutcomes: [OutcomeMeasure] = [], secondaryOutcomes: [OutcomeMeasure] = [],
        eligibility: Eligibility? = nil, locations: [Location] = [], countries: [String] = [],
        references: [Reference] = [], hasResults: Bool? = nil, version: String? = nil,
        source: String? = nil, warnings: [String] = []
    ) {
        self.nctId = nctId
        self.orgStudyId = orgStudyId
        self.briefTitle = briefTitle
        self.officialTitle = officialTitle
        self.acronym = acronym
        self.overallStatus = overallStatus
        self.whyStopped = whyStopped
        self.startDate = startDate
        self.primaryCompletionDate = primaryCompletionDate
        self.completionDate = completionDate
        self.firstPostedDate = firstPostedDate
        self.lastUpdatePostedDate = lastUpdatePostedDate
        self.leadSponsor = leadSponsor
        self.collaborators = collaborators
        self.conditions = conditions
        self.keywords = keywords
        self.conditionMeshTerms = conditionMeshTerms
        self.interventionMeshTerms = interventionMeshTerms
        self.studyType = studyType
        self.phases = phases
        self.allocation = allocation
        self.interventionModel = interventionModel
        self.masking = masking
        self.enrollmentCount = enrollmentCount
        self.enrollmentType = enrollmentType
        self.armGroups = armGroups
        self.interventions = interventions
        self.primaryOutcomes = primaryOutcomes
        self.secondaryOutcomes = secondaryOutcomes
        self.eligibility = eligibility
        self.locations = locations
        self.countries = countries
        self.references = references
        self.hasResults = hasResults
        self.version = version
        self.source = source
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case nctId = "nct_id"
        case orgStudyId = "org_study_id"
        case briefTitle = "brief_title"
        case officialTitle = "official_title"
        case acronym
        case overallStatus = "overall_status"
        case whyStopped = "why_stopped"
        case startDate = "start_date"
        case primaryCompletionDate = "primary_completion_date"
        case completionDate = "completion_date"
        case firstPostedDate = "first_posted_date"
        case lastUpdatePostedDate = "last_update_posted_date"
        case leadSponsor = "lead_sponsor"
        case collaborators, conditions, keywords
        case conditionMeshTerms = "condition_mesh_terms"
        case interventionMeshTerms = "intervention_mesh_terms"
        case studyType = "study_type"
        case phases, allocation
        case interventionModel = "intervention_model"
        case masking
        case enrollmentCount = "enrollment_count"
        case enrollmentType = "enrollment_type"
        case armGroups = "arm_groups"
        case interventions
        case primaryOutcomes = "primary_outcomes"
        case secondaryOutcomes = "secondary_outcomes"
        case eligibility, locations, countries, references
        case hasResults = "has_results"
        case version, source, warnings
    }
}
