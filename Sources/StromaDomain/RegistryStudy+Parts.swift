extension RegistryStudy {
    /// Whether a date or a count is what happened (`ACTUAL`) or what is planned (`ESTIMATED`).
    public enum Actuality: String, Sendable, Codable, Equatable, Hashable {
        case actual = "ACTUAL"
        case estimated = "ESTIMATED"
    }

    /// A registry date (`startDateStruct` etc.): a partial date and whether it is actual or
    /// estimated (`nil` when the registry does not say).
    public struct Milestone: Sendable, Codable, Equatable, Hashable {
        public var date: PartialDate
        public var type: Actuality?

        public init(date: PartialDate, type: Actuality? = nil) {
            self.date = date
            self.type = type
        }
    }

    /// A sponsor or collaborator: name and agency class (`INDUSTRY`, `NIH`, `OTHER`, …).
    public struct Sponsor: Sendable, Codable, Equatable, Hashable {
        public var name: String
        public var agencyClass: String?

        public init(name: String, agencyClass: String? = nil) {
            self.name = name
            self.agencyClass = agencyClass
        }

        enum CodingKeys: String, CodingKey {
            case name
            case agencyClass = "agency_class"
        }
    }

    /// A MeSH descriptor from the browse modules (`D000003876`, "Dermatitis, Atopic").
    public struct MeshTerm: Sendable, Codable, Equatable, Hashable {
        public var id: String?
        public var term: String

        public init(id: String? = nil, term: String) {
            self.id = id
            self.term = term
        }
    }

    /// An arm or group (`armsInterventionsModule.armGroups`).
    public struct ArmGroup: Sendable, Codable, Equatable, Hashable {
        public var label: String
        /// `EXPERIMENTAL`, `PLACEBO_COMPARATOR`, `ACTIVE_COMPARATOR`, ….
        public var type: String?
        public var description: String?
        /// `"Drug: Dupilumab"`-style names.
        public var interventionNames: [String]

        public init(
            label: String, type: String? = nil, description: String? = nil,
            interventionNames: [String] = []
        ) {
            self.label = label
            self.type = type
            self.description = description
            self.interventionNames = interventionNames
        }

        enum CodingKeys: String, CodingKey {
            case label, type, description
            case interventionNames = "intervention_names"
        }
    }

    /// An intervention (`armsInterventionsModule.interventions`).
    public struct Intervention: Sendable, Codable, Equatable, Hashable {
        /// `DRUG`, `BIOLOGICAL`, `PROCEDURE`, `DEVICE`, ….
        public var type: String?
        public var name: String
        public var description: String?
        public var armGroupLabels: [String]
        public var otherNames: [String]

        public init(
            type: String? = nil, name: String, description: String? = nil,
            armGroupLabels: [String] = [], otherNames: [String] = []
        ) {
            self.type = type
            self.name = name
            self.description = description
            self.armGroupLabels = armGroupLabels
            self.otherNames = otherNames
        }

        enum CodingKeys: String, CodingKey {
            case type, name, description
            case armGroupLabels = "arm_group_labels"
            case otherNames = "other_names"
        }
    }

    /// A primary or secondary outcome measure as registered.
    public struct OutcomeMeasure: Sendable, Codable, Equatable, Hashable {
        public var measure: String
        public var timeFrame: String?
        public var description: String?

        public init(measure: String, timeFrame: String? = nil, description: String? = nil) {
            self.measure = measure
            self.timeFrame = timeFrame
            self.description = description
        }

        enum CodingKeys: String, CodingKey {
            case measure
            case timeFrame = "time_frame"
            case description
        }
    }

    /// `eligibilityModule`: criteria text and the structured limits as written (`"18 Years"`).
    public struct Eligibility: Sendable, Codable, Equatable, Hashable {
        public var criteria: String?
        /// `ALL`, `FEMALE`, `MALE`.
        public var sex: String?
        public var minimumAge: String?
        public var maximumAge: String?
        public var healthyVolunteers: Bool?

        public init(
            criteria: String? = nil, sex: String? = nil, minimumAge: String? = nil,
            maximumAge: String? = nil, healthyVolunteers: Bool? = nil
        ) {
            self.criteria = criteria
            self.sex = sex
            self.minimumAge = minimumAge
            self.maximumAge = maximumAge
            self.healthyVolunteers = healthyVolunteers
        }

        enum CodingKeys: String, CodingKey {
            case criteria, sex
            case minimumAge = "minimum_age"
            case maximumAge = "maximum_age"
            case healthyVolunteers = "healthy_volunteers"
        }
    }

    /// A site (`contactsLocationsModule.locations`).
    public struct Location: Sendable, Codable, Equatable, Hashable {
        public var facility: String?
        public var city: String?
        public var country: String?
        /// Site recruitment status (`RECRUITING`, …), when given.
        public var status: String?

        public init(
            facility: String? = nil, city: String? = nil, country: String? = nil,
            status: String? = nil
        ) {
            self.facility = facility
            self.city = city
            self.country = country
            self.status = status
        }
    }

    /// A publication the record cites (`referencesModule.references`).
    public struct Reference: Sendable, Codable, Equatable, Hashable {
        public var pmid: String?
        /// `BACKGROUND`, `RESULT`, `DERIVED`.
        public var type: String?
        public var citation: String?

        public init(pmid: String? = nil, type: String? = nil, citation: String? = nil) {
            self.pmid = pmid
            self.type = type
            self.citation = citation
        }
    }
}
