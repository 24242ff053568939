import Foundation

/// The subset of the ClinicalTrials.gov API v2 study JSON that ``RegistryStudy`` keeps, as
/// `Decodable` mirrors of the registry's camelCase objects.
///
/// Every member is optional: absent
/// modules are normal (partial records), and unknown keys are ignored.
struct CTWireStudy: Decodable {
    var protocolSection: ProtocolSection?
    var derivedSection: Derived?
    var hasResults: Bool?

    struct ProtocolSection: Decodable {
        var identificationModule: Identification?
        var statusModule: Status?
        var sponsorCollaboratorsModule: Sponsors?
        var conditionsModule: Conditions?
        var designModule: Design?
        var armsInterventionsModule: ArmsInterventions?
        var outcomesModule: Outcomes?
        var eligibilityModule: Eligibility?
        var contactsLocationsModule: ContactsLocations?
        var referencesModule: References?
    }

    struct Identification: Decodable {
        var nctId: String?
        var orgStudyIdInfo: IdInfo?
        var briefTitle: String?
        var officialTitle: String?
        var acronym: String?
    }

    struct IdInfo: Decodable { var id: String? }

    struct Status: Decodable {
        var overallStatus: String?
        var whyStopped: String?
        var startDateStruct: DateStruct?
        var primaryCompletionDateStruct: DateStruct?
        var completionDateStruct: DateStruct?
        var studyFirstPostDateStruct: DateStruct?
        var lastUpdatePostDateStruct: DateStruct?
    }

    struct DateStruct: Decodable {
        var date: String?
        var type: String?
    }

    struct Sponsors: Decodable {
        var leadSponsor: Sponsor?
        var collaborators: [Sponsor]?
    }

    struct Sponsor: Decodable {
        var name: String?
        var `class`: String?
    }

    struct Conditions: Decodable {
        var conditions: [String]?
        var keywords: [String]?
    }

    struct Design: Decodable {
        var studyType: String?
        var phases: [String]?
        var designInfo: DesignInfo?
        var enrollmentInfo: Enrollment?
    }

    struct DesignInfo: Decodable {
        var allocation: String?
        var interventionModel: String?
        var maskingInfo: Masking?
    }

    struct Masking: Decodable { var masking: String? }

    struct Enrollment: Decodable {
        var count: CTFlexibleInt?
        var type: String?
    }

    struct ArmsInterventions: Decodable {
        var armGroups: [ArmGroup]?
        var interventions: [Intervention]?
    }

    struct ArmGroup: Decodable {
        var label: String?
        var type: String?
        var description: String?
        var interventionNames: [String]?
    }

    struct Intervention: Decodable {
        var type: String?
        var name: String?
        var description: String?
        var armGroupLabels: [String]?
        var otherNames: [String]?
    }

    struct Outcomes: Decodable {
        var primaryOutcomes: [Outcome]?
        var secondaryOutcomes: [Outcome]?
    }

    struct Outcome: Decodable {
        var measure: String?
        var description: String?
        var timeFrame: String?
    }

    struct Eligibility: Decodable {
        var eligibilityCriteria: String?
        var healthyVolunteers: Bool?
        var sex: String?
        var minimumAge: String?
        var maximumAge: String?
    }

    struct ContactsLocations: Decodable {
        var locations: [Location]?
    }

    struct Location: Decodable {
        var facility: String?
        var status: String?
        var city: String?
        var country: String?
    }

    struct References: Decodable {
        var references: [Reference]?
    }

    struct Reference: Decodable {
        var pmid: String?
        var type: String?
        var citation: String?
    }

    struct Derived: Decodable {
        var conditionBrowseModule: Browse?
        var interventionBrowseModule: Browse?
    }

    struct Browse: Decodable {
        var meshes: [Mesh]?
    }

    struct Mesh: Decodable {
        var id: String?
        var term: String?
    }
}

/// An integer the registry may write as a number (`194`) or as a string (`"194"`).
struct CTFlexibleInt: Decodable {
    var value: Int

    init(value: Int) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            value = number
        } else if let text = try? container.decode(String.self),
            let number = Int(text.trimmingCharacters(in: .whitespaces))
        {
            value = number
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not an integer; valid: a whole number or a string of digits")
        }
    }
}
