import Foundation
import StromaDomain
import Testing
import _StromaTestSupport
@testable import StromaImport

/// Every ClinicalTrials.gov sample file, key fields checked against values read from the files by
/// hand (python3 `json.load` and eyes on the JSON).
@Suite(.enabled(if: SharedData.isAvailable)) struct ClinicalTrialsReaderTests {
    struct Expected: Sendable, CustomStringConvertible {
        let file: String, nct: String, status: String?, start: String?, startType: RegistryStudy.Actuality?
        let completion: String?, phases: [String], enrollment: Int?, arms: Int, interventions: Int
        let locations: Int, countries: Int, references: Int, version: String?, hasResults: Bool?
        let primary: Int, secondary: Int, minimumAge: String?, studyType: String?, firstMesh: String?
        let sponsor: String?
        var description: String { file }
    }

    static let expected: [Expected] = [
        .init(
            file: "NCT00465816", nct: "NCT00465816", status: nil, start: nil, startType: nil, completion: nil,
            phases: [], enrollment: nil, arms: 0, interventions: 0, locations: 0, countries: 0, references: 2,
            version: nil, hasResults: true, primary: 0, secondary: 0, minimumAge: nil, studyType: nil,
            firstMesh: nil, sponsor: nil),
        .init(
            file: "NCT00763412", nct: "NCT00763412", status: "COMPLETED", start: "2006-11", startType: nil,
            completion: "2013-01", phases: ["NA"], enrollment: 31, arms: 2, interventions: 2, locations: 1,
            countries: 1, references: 0, version: "2017-06-05", hasResults: true, primary: 3, secondary: 6,
            minimumAge: "12 Years", studyType: "INTERVENTIONAL", firstMesh: "Cystic Fibrosis",
            sponsor: "Arbelaez, Ana Maria"),
        .init(
            file: "NCT02210780", nct: "NCT02210780", status: "COMPLETED", start: "2014-08-05", startType: .actual,
            completion: "2015-09-15", phases: ["PHASE2"], enrollment: 194, arms: 2, interventions: 2, locations: 42,
            countries: 1, references: 0, version: "2020-05-07", hasResults: true, primary: 1, secondary: 10,
            minimumAge: "18 Years", studyType: "INTERVENTIONAL", firstMesh: "Dermatitis, Atopic",
            sponsor: "Regeneron Pharmaceuticals"),
        .init(
            file: "NCT02552212", nct: "NCT02552212", status: "COMPLETED", start: "2015-09", startType: .actual,
            completion: "2020-05", phases: ["PHASE3"], enrollment: 317, arms: 2, interventions: 2, locations: 105,
            countries: 9, references: 4, version: "2022-08-18", hasResults: true, primary: 11, secondary: 20,
            minimumAge: "18 Years", studyType: "INTERVENTIONAL", firstMesh: "Spondylitis",
            sponsor: "UCB BIOSCIENCES GmbH"),
        .init(
            file: "NCT03418623", nct: "NCT03418623", status: "COMPLETED", start: "2018-03-08", startType: .actual,
            completion: "2020-03-13", phases: ["PHASE2"], enrollment: 24, arms: 2, interventions: 2, locations: 1,
            countries: 1, references: 1, version: "2020-10-08", hasResults: false, primary: 1, secondary: 2,
            minimumAge: "21 Years", studyType: "INTERVENTIONAL", firstMesh: "Alcoholism",
            sponsor: "Laboratorio Farmaceutico Ct S.r.l."),
        .init(
            file: "NCT03453554", nct: "NCT03453554", status: nil, start: nil, startType: nil, completion: nil,
            phases: [], enrollment: nil, arms: 0, interventions: 0, locations: 0, countries: 0, references: 0,
            version: nil, hasResults: false, primary: 0, secondary: 0, minimumAge: nil, studyType: nil,
            firstMesh: nil, sponsor: nil),
        .init(
            file: "NCT04207047", nct: "NCT04207047", status: "UNKNOWN", start: "2018-10-02", startType: .actual,
            completion: "2020-03-31", phases: ["NA"], enrollment: 3, arms: 4, interventions: 5, locations: 1,
            countries: 1, references: 0, version: "2019-12-20", hasResults: false, primary: 1, secondary: 1,
            minimumAge: "18 Years", studyType: "INTERVENTIONAL", firstMesh: nil, sponsor: "LUTRONIC Corporation"),
        .init(
            file: "NCT05594173", nct: "NCT05594173", status: "COMPLETED", start: "2019-09-13", startType: .actual,
            completion: "2020-12-20", phases: [], enrollment: 20, arms: 0, interventions: 1, locations: 1,
            countries: 1, references: 0, version: "2022-11-21", hasResults: true, primary: 2, secondary: 0,
            minimumAge: "18 Years", studyType: "OBSERVATIONAL", firstMesh: "Deglutition Disorders",
            sponsor: "University Health Network, Toronto"),
    ]

    @Test("each v2 sample file reads with its key fields", arguments: expected)
    func readsSample(_ e: Expected) throws {
        let studies = try RegistryStudyReader.readAll(SharedData.url("clinicaltrials/v2-json/\(e.file).json"))
        #expect(studies.count == 1)
        let s = try #require(studies.first)
        #expect(s.nctId == e.nct)
        #expect(s.overallStatus == e.status)
        #expect(s.startDate?.date.description == e.start)
        #expect(s.startDate?.type == e.startType)
        #expect(s.completionDate?.date.description == e.completion)
        #expect(s.phases == e.phases)
        #expect(s.enrollmentCount == e.enrollment)
        #expect(s.armGroups.count == e.arms)
        #expect(s.interventions.count == e.interventions)
        #expect(s.locations.count == e.locations)
        #expect(s.countries.count == e.countries)
        #expect(s.references.count == e.references)
        #expect(s.version == e.version)
        #expect(s.hasResults == e.hasResults)
        #expect(s.primaryOutcomes.count == e.primary)
        #expect(s.secondaryOutcomes.count == e.secondary)
        #expect(s.eligibility?.minimumAge == e.minimumAge)
        #expect(s.studyType == e.studyType)
        #expect(s.conditionMeshTerms.first?.term == e.firstMesh)
        #expect(s.leadSponsor?.name == e.sponsor)
        #expect(s.warnings.isEmpty)
    }

    @Test("NCT02210780 details: titles, dates with precision, design, arms, interventions, sites")
    func detailsOfNCT02210780() throws {
        let s = try #require(
            try RegistryStudyReader.readAll(SharedData.url("clinicaltrials/v2-json/NCT02210780.json")).first)
        #expect(s.orgStudyId == "R668-AD-1314")
        #expect(s.briefTitle == "Study of Dupilumab and Immune Responses in Adults With Atopic Dermatitis (AD)")
        #expect(
            s.officialTitle?.hasPrefix("A Randomized, Double-Blind, Placebo-Controlled, Study Investigating Vaccine")
                == true)
        #expect(s.startDate?.date.precision == .day)
        #expect(s.firstPostedDate == .init(date: PartialDate(year: 2014, month: 8, day: 7)!, type: .estimated))
        #expect(s.collaborators == [.init(name: "Sanofi", agencyClass: "INDUSTRY")])
        #expect(s.allocation == "RANDOMIZED")
        #expect(s.interventionModel == "PARALLEL")
        #expect(s.masking == "TRIPLE")
        #expect(s.enrollmentType == .actual)
        #expect(s.armGroups.map(\.label) == ["Placebo qw", "Dupilumab 300 mg qw"])
        #expect(s.armGroups.first?.interventionNames == ["Drug: Placebo"])
        #expect(s.interventions.first?.name == "Dupilumab")
        #expect(s.interventions.first?.type == "DRUG")
        #expect(s.conditions == ["Atopic Dermatitis"])
        #expect(s.locations.first == .init(facility: nil, city: "Birmingham", country: "United States", status: nil))
        #expect(s.eligibility?.sex == "ALL")
    }

    @Test("NCT02552212: acronym, month-precision dates, other names, references with PMIDs")
    func detailsOfNCT02552212() throws {
        let s = try #require(
            try RegistryStudyReader.readAll(SharedData.url("clinicaltrials/v2-json/NCT02552212.json")).first)
        #expect(s.acronym == "C-AXSPAND")
        #expect(s.startDate?.date.precision == .month)
        #expect(s.interventions.first?.otherNames == ["Cimzia", "CDP870"])
        #expect(s.locations.first?.facility == "As0006 125")
        #expect(s.eligibility?.healthyVolunteers == false)
        #expect(s.references.allSatisfy { $0.pmid != nil })
    }

    @Test("identifier mismatch: the content's id is kept and a warning names both ids")
    func identifierMismatch() throws {
        let s = try #require(
            try RegistryStudyReader.readAll(SharedData.url("clinicaltrials/v2-json/NCT02278341.json")).first)
        #expect(s.nctId == "NCT02552212")
        #expect(
            s.warnings == ["file name says 'NCT02278341' but the record is 'NCT02552212'; the record's id was kept"])
    }

    @Test("the retired v1 FullStudiesResponse is refused with the v2 address")
    func refusesV1() throws {
        let url = try SharedData.url("clinicaltrials/v2-json/NCT00023673.json")
        #expect(ImportFormatSniffer.sniff(url) == .clinicalTrialsV1)
        let error = #expect(throws: ImportError.self) { try RegistryStudyReader.readAll(url) }
        #expect(
            error?.description
                == "'NCT00023673.json' is a retired ClinicalTrials.gov API v1 'FullStudiesResponse'; download the v2 JSON from https://clinicaltrials.gov/api/v2/studies/NCT00023673"
        )
    }

    @Test("the retired classic XML is refused", arguments: ["NCT00001177", "NCT01841593", "NCT02654730"])
    func refusesLegacyXML(_ id: String) throws {
        let url = try SharedData.url("clinicaltrials/legacy-xml/\(id).xml")
        #expect(ImportFormatSniffer.sniff(url) == .clinicalTrialsLegacyXML)
        let error = #expect(throws: ImportError.self) { try RegistryStudyReader.readAll(url) }
        #expect(
            error?.description
                == "'\(id).xml' is the retired ClinicalTrials.gov classic XML ('<clinical_study>'); download the v2 JSON from https://clinicaltrials.gov/api/v2/studies/\(id)"
        )
    }

    @Test("a folder: nine v2 records read, the v1 file refused, and reading continues after it")
    func folderContinuesAfterRefusal() throws {
        var reader = try RegistryStudyReader(url: SharedData.url("clinicaltrials/v2-json"))
        var ids: [String] = []
        var errors: [String] = []
        while true {
            do {
                guard let s = try reader.next() else { break }
                ids.append(s.nctId)
            } catch let error as ImportError {
                errors.append(error.description)
            }
        }
        #expect(ids.count == 9)
        #expect(ids.filter { $0 == "NCT02552212" }.count == 2)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("'NCT00023673.json' is a retired") == true)
    }

    @Test("a page {\"studies\":[…],\"nextPageToken\"} built from the real records reads in order")
    func page() throws {
        let folder = try ImportTestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var page = Data("{\"studies\":[".utf8)
        for (i, id) in ImportTestFiles.v2Files.enumerated() {
            if i > 0 { page.append(Data(",\n".utf8)) }
            page.append(try ImportTestFiles.data("clinicaltrials/v2-json/\(id).json"))
        }
        page.append(Data("],\"nextPageToken\":\"NF0g5JGBlPMuwQY\"}".utf8))
        let url = folder.appendingPathComponent("page1.json")
        try page.write(to: url)
        #expect(ImportFormatSniffer.sniff(url) == .clinicalTrialsV2Page)
        let studies = try RegistryStudyReader.readAll(url)
        #expect(studies.map(\.nctId) == ImportTestFiles.v2Files.map { $0 == "NCT02278341" ? "NCT02552212" : $0 })
        #expect(studies.allSatisfy { $0.warnings.isEmpty })
        #expect(studies[2].enrollmentCount == 194)
    }

    @Test("a ZIP (deflate, and ZIP64) of the real files reads like the folder", arguments: [false, true])
    func zip(zip64: Bool) throws {
        let folder = try ImportTestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zipURL = folder.appendingPathComponent("ctg-studies.json.zip")
        let entries = try ImportTestFiles.v2Files.map {
            ("ctg-studies/\($0).json", try SharedData.url("clinicaltrials/v2-json/\($0).json"))
        }
        try ImportTestFiles.zip(entries, to: zipURL, zip64: zip64)
        #expect(ImportFormatSniffer.sniff(zipURL) == .zip)
        let studies = try RegistryStudyReader.readAll(zipURL)
        #expect(studies.count == 9)
        #expect(studies[2].nctId == "NCT02210780")
        #expect(studies[2].locations.count == 42)
        #expect(studies[2].source == "ctg-studies.json.zip!/ctg-studies/NCT02210780.json")
        #expect(studies[3].warnings.count == 1)
    }

    @Test("numbers as strings and unknown enum values: enrollment '31' reads, bad ACTUAL/ESTIMATED warns")
    func lenientValues() throws {
        let json =
            #"{"protocolSection":{"identificationModule":{"nctId":"NCT00000001"},"statusModule":{"startDateStruct":{"date":"2015-10","type":"PLANNED"}},"designModule":{"enrollmentInfo":{"count":"31"},"phases":["PHASE1","PHASE2"]}}}"#
        let folder = try ImportTestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("x.json")
        try Data(json.utf8).write(to: url)
        let s = try #require(try RegistryStudyReader.readAll(url).first)
        #expect(s.enrollmentCount == 31)
        #expect(s.phases == ["PHASE1", "PHASE2"])
        #expect(s.startDate == .init(date: PartialDate(year: 2015, month: 10)!, type: nil))
        #expect(
            s.warnings == [
                "'protocolSection.statusModule.startDateStruct.type' value 'PLANNED' dropped; valid: ACTUAL, ESTIMATED"
            ])
    }

    @Test("a wrong type names the record, byte offset and JSON field")
    func wrongTypeError() throws {
        let json =
            #"{"studies":[{"protocolSection":{"identificationModule":{"nctId":"NCT00000001"}}},{"protocolSection":{"designModule":{"phases":"PHASE1"}}}]}"#
        let folder = try ImportTestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("page.json")
        try Data(json.utf8).write(to: url)
        var reader = try RegistryStudyReader(url: url)
        #expect(try reader.next()?.nctId == "NCT00000001")
        let error = #expect(throws: ImportError.self) { try reader.next() }
        #expect(
            error?.description.hasPrefix(
                "'page.json' record 2 (byte offset 81): field 'protocolSection.designModule.phases' has the wrong type")
                == true)
        #expect(try reader.next() == nil)
    }
}
