import Foundation

/// ``CTFastReader`` decoding of ``CTWireStudy``: the same members as its `Decodable` form, every
/// other member skipped.
extension CTWireStudy: CTFastDecodable {
    /// Reads one whole study from `bytes` (an object and nothing after it but whitespace).
    static func fast(bytes: UnsafeRawBufferPointer) throws(CTFastReader.Fallback) -> CTWireStudy {
        var r = CTFastReader(bytes)
        guard let study = try fast(&r) else { throw CTFastReader.Fallback() }
        try r.end()
        return study
    }

    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> CTWireStudy? {
        guard var c = try r.object() else { return nil }
        var s = CTWireStudy()
        while let key = try r.key(&c) {
            switch key {
            case "protocolSection": s.protocolSection = try .fast(&r)
            case "derivedSection": s.derivedSection = try .fast(&r)
            case "hasResults": s.hasResults = try r.bool()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.ProtocolSection: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "identificationModule": s.identificationModule = try .fast(&r)
            case "statusModule": s.statusModule = try .fast(&r)
            case "sponsorCollaboratorsModule": s.sponsorCollaboratorsModule = try .fast(&r)
            case "conditionsModule": s.conditionsModule = try .fast(&r)
            case "designModule": s.designModule = try .fast(&r)
            case "armsInterventionsModule": s.armsInterventionsModule = try .fast(&r)
            case "outcomesModule": s.outcomesModule = try .fast(&r)
            case "eligibilityModule": s.eligibilityModule = try .fast(&r)
            case "contactsLocationsModule": s.contactsLocationsModule = try .fast(&r)
            case "referencesModule": s.referencesModule = try .fast(&r)
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Identification: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "nctId": s.nctId = try r.string()
            case "orgStudyIdInfo": s.orgStudyIdInfo = try .fast(&r)
            case "briefTitle": s.briefTitle = try r.string()
            case "officialTitle": s.officialTitle = try r.string()
            case "acronym": s.acronym = try r.string()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.IdInfo: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            if key == "id" { s.id = try r.string() } else { try r.skip() }
        }
        return s
    }
}

extension CTWireStudy.Status: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "overallStatus": s.overallStatus = try r.string()
            case "whyStopped": s.whyStopped = try r.string()
            case "startDateStruct": s.startDateStruct = try .fast(&r)
            case "primaryCompletionDateStruct": s.primaryCompletionDateStruct = try .fast(&r)
            case "completionDateStruct": s.completionDateStruct = try .fast(&r)
            case "studyFirstPostDateStruct": s.studyFirstPostDateStruct = try .fast(&r)
            case "lastUpdatePostDateStruct": s.lastUpdatePostDateStruct = try .fast(&r)
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.DateStruct: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "date": s.date = try r.string()
            case "type": s.type = try r.string()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Sponsors: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "leadSponsor": s.leadSponsor = try .fast(&r)
            case "collaborators": s.collaborators = try r.list(CTWireStudy.Sponsor.self)
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Sponsor: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "name": s.name = try r.string()
            case "class": s.class = try r.string()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Conditions: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "conditions": s.conditions = try r.strings()
            case "keywords": s.keywords = try r.strings()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Design: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "studyType": s.studyType = try r.string()
            case "phases": s.phases = try r.strings()
            case "designInfo": s.designInfo = try .fast(&r)
            case "enrollmentInfo": s.enrollmentInfo = try .fast(&r)
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.DesignInfo: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "allocation": s.allocation = try r.string()
            case "interventionModel": s.interventionModel = try r.string()
            case "maskingInfo": s.maskingInfo = try .fast(&r)
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Masking: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            if key == "masking" { s.masking = try r.string() } else { try r.skip() }
        }
        return s
    }
}

extension CTWireStudy.Enrollment: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "count": s.count = try r.flexibleInt().map { CTFlexibleInt(value: $0) }
            case "type": s.type = try r.string()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.ArmsInterventions: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "armGroups": s.armGroups = try r.list(CTWireStudy.ArmGroup.self)
            case "interventions": s.interventions = try r.list(CTWireStudy.Intervention.self)
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.ArmGroup: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "label": s.label = try r.string()
            case "type": s.type = try r.string()
            case "description": s.description = try r.string()
            case "interventionNames": s.interventionNames = try r.strings()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Intervention: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "type": s.type = try r.string()
            case "name": s.name = try r.string()
            case "description": s.description = try r.string()
            case "armGroupLabels": s.armGroupLabels = try r.strings()
            case "otherNames": s.otherNames = try r.strings()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Outcomes: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "primaryOutcomes": s.primaryOutcomes = try r.list(CTWireStudy.Outcome.self)
            case "secondaryOutcomes": s.secondaryOutcomes = try r.list(CTWireStudy.Outcome.self)
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Outcome: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "measure": s.measure = try r.string()
            case "description": s.description = try r.string()
            case "timeFrame": s.timeFrame = try r.string()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Eligibility: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "eligibilityCriteria": s.eligibilityCriteria = try r.string()
            case "healthyVolunteers": s.healthyVolunteers = try r.bool()
            case "sex": s.sex = try r.string()
            case "minimumAge": s.minimumAge = try r.string()
            case "maximumAge": s.maximumAge = try r.string()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.ContactsLocations: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            if key == "locations" { s.locations = try r.list(CTWireStudy.Location.self) } else { try r.skip() }
        }
        return s
    }
}

extension CTWireStudy.Location: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "facility": s.facility = try r.string()
            case "status": s.status = try r.string()
            case "city": s.city = try r.string()
            case "country": s.country = try r.string()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.References: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            if key == "references" { s.references = try r.list(CTWireStudy.Reference.self) } else { try r.skip() }
        }
        return s
    }
}

extension CTWireStudy.Reference: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "pmid": s.pmid = try r.string()
            case "type": s.type = try r.string()
            case "citation": s.citation = try r.string()
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Derived: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "conditionBrowseModule": s.conditionBrowseModule = try .fast(&r)
            case "interventionBrowseModule": s.interventionBrowseModule = try .fast(&r)
            default: try r.skip()
            }
        }
        return s
    }
}

extension CTWireStudy.Browse: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            if key == "meshes" { s.meshes = try r.list(CTWireStudy.Mesh.self) } else { try r.skip() }
        }
        return s
    }
}

extension CTWireStudy.Mesh: CTFastDecodable {
    static func fast(_ r: inout CTFastReader) throws(CTFastReader.Fallback) -> Self? {
        guard var c = try r.object() else { return nil }
        var s = Self()
        while let key = try r.key(&c) {
            switch key {
            case "id": s.id = try r.string()
            case "term": s.term = try r.string()
            default: try r.skip()
            }
        }
        return s
    }
}
