import StromaDomain

extension CTWireStudy {
    /// Maps the wire record to a ``RegistryStudy``; values the domain cannot hold (a malformed
    /// date, an unknown ACTUAL/ESTIMATED value) are dropped with a warning, never guessed.
    func registryStudy(source: String?) -> RegistryStudy? {
        let p = protocolSection
        guard let nctId = p?.identificationModule?.nctId, !nctId.isEmpty else { return nil }
        var warnings: [String] = []

        func actuality(_ raw: String?, field: String) -> RegistryStudy.Actuality? {
            guard let raw else { return nil }
            if let value = RegistryStudy.Actuality(rawValue: raw) { return value }
            warnings.append("'\(field)' value '\(raw)' dropped; valid: ACTUAL, ESTIMATED")
            return nil
        }
        func milestone(_ s: DateStruct?, field: String) -> RegistryStudy.Milestone? {
            guard let s, let text = s.date else { return nil }
            guard let date = PartialDate(iso: text) else {
                warnings.append("'\(field).date' value '\(text)' dropped; valid: YYYY, YYYY-MM or YYYY-MM-DD")
                return nil
            }
            return RegistryStudy.Milestone(date: date, type: actuality(s.type, field: "\(field).type"))
        }
        let status = p?.statusModule
        let prefix = "protocolSection.statusModule."
        let design = p?.designModule
        let locations = (p?.contactsLocationsModule?.locations ?? []).map {
            RegistryStudy.Location(facility: $0.facility, city: $0.city, country: $0.country, status: $0.status)
        }
        var countries: [String] = []
        var seen: Set<String> = []
        for location in locations {
            if let country = location.country, seen.insert(country).inserted { countries.append(country) }
        }
        let lastUpdate = milestone(status?.lastUpdatePostDateStruct, field: prefix + "lastUpdatePostDateStruct")
        let enrollmentType = actuality(
            design?.enrollmentInfo?.type, field: "protocolSection.designModule.enrollmentInfo.type")

        return RegistryStudy(
            nctId: nctId,
            orgStudyId: p?.identificationModule?.orgStudyIdInfo?.id,
            briefTitle: p?.identificationModule?.briefTitle,
            officialTitle: p?.identificationModule?.officialTitle,
            acronym: p?.identificationModule?.acronym,
            overallStatus: status?.overallStatus,
            whyStopped: status?.whyStopped,
            startDate: milestone(status?.startDateStruct, field: prefix + "startDateStruct"),
            primaryCompletionDate: milestone(
                status?.primaryCompletionDateStruct, field: prefix + "primaryCompletionDateStruct"),
            completionDate: milestone(status?.completionDateStruct, field: prefix + "completionDateStruct"),
            firstPostedDate: milestone(status?.studyFirstPostDateStruct, field: prefix + "studyFirstPostDateStruct"),
            lastUpdatePostedDate: lastUpdate,
            leadSponsor: p?.sponsorCollaboratorsModule?.leadSponsor.flatMap(Self.sponsor),
            collaborators: (p?.sponsorCollaboratorsModule?.collaborators ?? []).compactMap(Self.sponsor),
            conditions: p?.conditionsModule?.conditions ?? [],
            keywords: p?.conditionsModule?.keywords ?? [],
            conditionMeshTerms: Self.meshes(derivedSection?.conditionBrowseModule),
            interventionMeshTerms: Self.meshes(derivedSection?.interventionBrowseModule),
            studyType: design?.studyType,
            phases: design?.phases ?? [],
            allocation: design?.designInfo?.allocation,
            interventionModel: design?.designInfo?.interventionModel,
            masking: design?.designInfo?.maskingInfo?.masking,
            enrollmentCount: design?.enrollmentInfo?.count?.value,
            enrollmentType: enrollmentType,
            armGroups: (p?.armsInterventionsModule?.armGroups ?? []).compactMap { arm in
                arm.label.map {
                    RegistryStudy.ArmGroup(
                        label: $0, type: arm.type, description: arm.description,
                        interventionNames: arm.interventionNames ?? [])
                }
            },
            interventions: (p?.armsInterventionsModule?.interventions ?? []).compactMap { i in
                i.name.map {
                    RegistryStudy.Intervention(
                        type: i.type, name: $0, description: i.description,
                        armGroupLabels: i.armGroupLabels ?? [], otherNames: i.otherNames ?? [])
                }
            },
            primaryOutcomes: Self.outcomes(p?.outcomesModule?.primaryOutcomes),
            secondaryOutcomes: Self.outcomes(p?.outcomesModule?.secondaryOutcomes),
            eligibility: p?.eligibilityModule.map {
                RegistryStudy.Eligibility(
                    criteria: $0.eligibilityCriteria, sex: $0.sex, minimumAge: $0.minimumAge,
                    maximumAge: $0.maximumAge, healthyVolunteers: $0.healthyVolunteers)
            },
            locations: locations,
            countries: countries,
            references: (p?.referencesModule?.references ?? []).map {
                RegistryStudy.Reference(pmid: $0.pmid, type: $0.type, citation: $0.citation)
            },
            hasResults: hasResults,
            version: status?.lastUpdatePostDateStruct?.date,
            source: source,
            warnings: warnings
        )
    }

    private static func sponsor(_ s: Sponsor) -> RegistryStudy.Sponsor? {
        s.name.map { RegistryStudy.Sponsor(name: $0, agencyClass: s.class) }
    }

    private static func meshes(_ browse: Browse?) -> [RegistryStudy.MeshTerm] {
        (browse?.meshes ?? []).compactMap { m in m.term.map { RegistryStudy.MeshTerm(id: m.id, term: $0) } }
    }

    private static func outcomes(_ list: [Outcome]?) -> [RegistryStudy.OutcomeMeasure] {
        (list ?? []).compactMap { o in
            o.measure.map {
                RegistryStudy.OutcomeMeasure(measure: $0, timeFrame: o.timeFrame, description: o.description)
            }
        }
    }
}
